package ddpg.rl.cli;

import ddpg.physics.DidYouMean;
import ddpg.physics.env.Tasks;
import java.util.Locale;
import java.util.Map;

/**
 * Turns what a user types for a task into its canonical name: case does not matter ({@code Walker-Run} is
 * walker-run), and a Gymnasium MuJoCo name gets a hint naming the Control Suite task closest to it.
 */
final class TaskNames {
    private TaskNames() {}

    /** Gymnasium (gym) MuJoCo environments, without their -vN suffix, and the nearest task here. */
    private static final Map<String, String> GYM = Map.of(
            "halfcheetah", "cheetah-run",
            "walker2d", "walker-run",
            "humanoid", "humanoid-walk",
            "humanoidstandup", "humanoid-stand",
            "reacher", "reacher-easy",
            "invertedpendulum", "cartpole-balance",
            "inverteddoublependulum", "cartpole-balance");

    /** The canonical task name, or a {@link UserError} with the closest name or the Gymnasium hint. */
    static String canonical(String typed) {
        for (String n : Tasks.names()) if (n.equalsIgnoreCase(typed.trim())) return n;
        String gym = typed.trim().toLowerCase(Locale.ROOT).replaceFirst("-v\\d+$", "").replace("-", "").replace("_", "");
        if (GYM.containsKey(gym))
            throw new UserError("'" + typed + "' is a Gymnasium environment; the closest Control Suite task here is "
                    + GYM.get(gym) + " (tasks: " + String.join(", ", Tasks.names()) + ")");
        throw new UserError("unknown task '" + typed + "'" + DidYouMean.hint(typed, Tasks.names()) + " (tasks: "
                + String.join(", ", Tasks.names()) + ")");
    }
}
