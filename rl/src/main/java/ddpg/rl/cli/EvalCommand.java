package ddpg.rl.cli;

import ddpg.physics.env.Tasks;
import ddpg.rl.train.ActorEvaluation;
import ddpg.rl.train.Evaluator;
import ddpg.rl.train.RunSettings;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code ddpg.jar eval --run <dir> [--checkpoint N|latest] [--episodes K] [--seed S] [--threads T]}: mean +- std return
 * of a run's deterministic policy, and which weights that was. Episodes run on T threads at once, each with its own
 * environment; the returns are the same on any T.
 */
final class EvalCommand implements Command {
    @Override public String name() { return "eval"; }

    @Override public String summary() { return "evaluate a trained run's deterministic policy: mean +- std return"; }

    @Override
    public Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("run").hasArg().argName("run dir")
                .desc("run folder (runs/<task>-s<seed>-<time>); uses its final actor.safetensors, else its latest checkpoint; required").build());
        o.addOption(RunWeights.checkpointOption());
        o.addOption(Option.builder().longOpt("episodes").hasArg().argName("K").desc("episodes to run (default 10)").build());
        o.addOption(Option.builder().longOpt("seed").hasArg().argName("S")
                .desc("seed of the episodes' initial states (default: the run's seed, i.e. the episodes its evaluations used)").build());
        o.addOption(Option.builder().longOpt("threads").hasArg().argName("T")
                .desc("episodes run at once, each on its own thread (default: this machine's cores); any count gives the same returns").build());
        return o;
    }

    @Override
    public int run(CommandLine cl) throws Exception {
        if (!cl.hasOption("run")) throw new UserError("missing --run <run dir>; see 'ddpg.jar eval --help'");
        Path dir = Path.of(cl.getOptionValue("run"));
        int episodes = Args.intValue(cl, "episodes", 10);
        if (episodes <= 0) throw new UserError("--episodes must be positive, got " + episodes);
        int threads = Args.intValue(cl, "threads", Runtime.getRuntime().availableProcessors());
        try {
            RunSettings.checkThreads(threads);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        RunWeights.Loaded run = RunWeights.load(dir, cl);
        long seed = Args.longValue(cl, "seed", run.config().run.seed);
        String task = run.config().run.task;
        TrainCommand.taskSpec(task);
        // the policy's actor, episodes spread over the threads (each thread its own environment)
        Evaluator.Result r = new ActorEvaluation(run.policy().actor(), () -> Tasks.make(task), threads).run(seed, episodes);
        StringBuilder each = new StringBuilder();
        for (double x : r.returns()) each.append(each.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f", x));
        System.out.printf(Locale.ROOT, "%s: %.1f +- %.1f over %d episodes (seed %d)%s%n", task, r.mean(), r.std(), episodes, seed,
                r.diverged() > 0 ? ", " + r.diverged() + " diverged" : "");
        System.out.println("weights: " + run.weights());
        System.out.println("returns: " + each);
        return 0;
    }
}
