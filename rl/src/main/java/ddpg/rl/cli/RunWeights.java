package ddpg.rl.cli;

import ddpg.rl.ddpg.DeterministicPolicy;
import ddpg.rl.train.PolicyFiles;
import ddpg.rl.settings.Kind;
import ddpg.rl.train.RunConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/**
 * The trained policy that {@code eval} and {@code render} run, from {@code --run <dir> [--checkpoint N|latest]}: the
 * run's final actor by default, else the actor of one of its checkpoints. Every problem is a {@link UserError}.
 */
final class RunWeights {
    /** The run's settings, its deterministic policy, and which weights that is, in words. */
    record Loaded(RunConfig config, DeterministicPolicy policy, String weights) {}

    private RunWeights() {}

    static Option checkpointOption() {
        return Option.builder().longOpt("checkpoint").hasArg().argName("N|latest")
                .desc("use the actor of the checkpoint at env step N (200000 or 200k: checkpoints/step-000000200000; a run"
                        + " keeps its two newest) or of the latest one, instead of the final actor").build();
    }

    static Loaded load(Path dir, CommandLine cl) {
        if (!Files.isDirectory(dir)) throw new UserError("run folder " + dir + " does not exist; pass a folder under runs/");
        long step = checkpointStep(cl);
        try {
            RunConfig config = RunConfig.read(dir.resolve("config.json"));
            PolicyFiles.Loaded p = cl.hasOption("checkpoint") ? PolicyFiles.loadCheckpoint(dir, step) : PolicyFiles.loadFinal(dir);
            return new Loaded(config, new DeterministicPolicy(p.actor()), p.weights());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        } catch (IOException e) {
            throw new UserError("cannot read the policy in " + dir + ": " + e.getMessage());
        }
    }

    /** The env step --checkpoint names, or {@link PolicyFiles#LATEST}. */
    private static long checkpointStep(CommandLine cl) {
        String v = cl.getOptionValue("checkpoint");
        if (v == null || v.trim().toLowerCase(Locale.ROOT).equals("latest")) return PolicyFiles.LATEST;
        long step;
        try {
            step = Kind.parseLongWithSuffix(v.replace("_", ""));
        } catch (NumberFormatException | ArithmeticException e) {
            step = -1;
        }
        if (step < 0) throw new UserError("--checkpoint expects an env step (e.g. 200000 or 200k) or 'latest', got '" + v + "'");
        return step;
    }
}
