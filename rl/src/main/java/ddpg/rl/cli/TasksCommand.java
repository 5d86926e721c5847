package ddpg.rl.cli;

import ddpg.physics.env.EnvSpec;
import ddpg.physics.env.Tasks;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code ddpg.jar tasks}: the Control Suite tasks with their observation and action sizes and timing. */
final class TasksCommand implements Command {
    @Override public String name() { return "tasks"; }

    @Override public String summary() { return "list the Control Suite tasks with observation/action sizes and control timestep"; }

    @Override public Options options() { return new Options(); }

    @Override
    public int run(CommandLine cl) {
        System.out.printf(Locale.ROOT, "%-18s %5s %7s %11s %9s %8s%n", "task", "obs", "action", "control dt",
                "substeps", "steps");
        for (String name : Tasks.names()) {
            EnvSpec s = Tasks.spec(name);
            System.out.printf(Locale.ROOT, "%-18s %5d %7d %9.3f s %9d %8d%n", name, s.observationSize(),
                    s.actionSize(), s.controlTimestep(), s.substeps(), s.episodeLength());
        }
        System.out.println("actions are in [-1, 1] (clipped); episodes end only at the time limit (discount 1)");
        return 0;
    }
}
