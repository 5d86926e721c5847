package ddpg.rl.cli;

import ddpg.engine.Rng;
import ddpg.physics.env.ControlSuiteEnv;
import ddpg.physics.env.Tasks;
import ddpg.rl.train.Evaluator;
import ddpg.rl.viz.EpisodeGif;
import ddpg.rl.viz.GifRecorder;
import ddpg.rl.viz.Renderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.LongUnaryOperator;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code ddpg.jar render --run <run dir> [--checkpoint N|latest] [--episodes 1] [--out agent.gif]}: films a trained run's
 * deterministic policy;
 * {@code render --task <task> --policy random|zero} films a task without a run.
 */
final class RenderCommand implements Command {
    @Override public String name() { return "render"; }

    @Override public String summary() { return "film a trained policy (or a random/zero one) as a looping animated GIF"; }

    @Override
    public Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("run").hasArg().argName("run dir")
                .desc("run folder whose actor to film (its final actor.safetensors, else its latest checkpoint)").build());
        o.addOption(RunWeights.checkpointOption());
        o.addOption(Option.builder().longOpt("task").hasArg().argName("task")
                .desc("task to film without a run, e.g. walker-run (with --policy)").build());
        o.addOption(Option.builder().longOpt("policy").hasArg().argName("random|zero")
                .desc("policy without a run: uniform random actions or all zeros (default random)").build());
        o.addOption(Option.builder().longOpt("episodes").hasArg().argName("N").desc("episodes, one after another (default 1)").build());
        o.addOption(Option.builder().longOpt("seed").hasArg().argName("S")
                .desc("seed of the initial states (default: the run's seed, so episode 1 is its first evaluation episode; 1 without a run)").build());
        o.addOption(Option.builder().longOpt("out").hasArg().argName("file.gif")
                .desc("GIF to write (default agent.gif in the run folder with --run, else <task>-<policy>.gif here)").build());
        o.addOption(Option.builder().longOpt("steps").hasArg().argName("N")
                .desc("film at most N control steps of each episode, for a shorter clip and smaller file (default: the whole episode)").build());
        o.addOption(Option.builder().longOpt("width").hasArg().argName("px").desc("frame width (default " + Renderer.DEFAULT_WIDTH + ")").build());
        o.addOption(Option.builder().longOpt("height").hasArg().argName("px").desc("frame height (default " + Renderer.DEFAULT_HEIGHT + ")").build());
        o.addOption(Option.builder().longOpt("fps").hasArg().argName("F")
                .desc("frames per second of simulated time (default " + (int) GifRecorder.DEFAULT_FPS + ")").build());
        return o;
    }

    @Override
    public int run(CommandLine cl) throws Exception {
        boolean hasRun = cl.hasOption("run"), hasTask = cl.hasOption("task");
        if (hasRun == hasTask) {
            throw new UserError("give either --run <run dir> (a trained policy) or --task <task> --policy random|zero");
        }
        int episodes = Args.intValue(cl, "episodes", 1);
        if (episodes < 1) throw new UserError("--episodes must be at least 1, got " + episodes);
        int width = Args.intValue(cl, "width", Renderer.DEFAULT_WIDTH), height = Args.intValue(cl, "height", Renderer.DEFAULT_HEIGHT);
        if (width < 8 || height < 8 || width > 4096 || height > 4096) {
            throw new UserError("--width and --height must be 8..4096 pixels, got " + width + "x" + height);
        }
        double fps = Args.doubleValue(cl, "fps", GifRecorder.DEFAULT_FPS);
        if (!(fps > 0 && fps <= 100)) throw new UserError("--fps must be in (0, 100], got " + fps);
        int maxSteps = Args.intValue(cl, "steps", 0);
        if (maxSteps < 0) throw new UserError("--steps must be positive (or 0 for whole episodes), got " + maxSteps);

        String task;
        BiConsumer<double[], double[]> policy;
        LongUnaryOperator episodeSeed;
        Path out;
        String weights = null;
        if (hasRun) {
            Path dir = Path.of(cl.getOptionValue("run"));
            if (cl.hasOption("policy")) throw new UserError("--policy is for --task; with --run the run's trained policy is filmed");
            RunWeights.Loaded run = RunWeights.load(dir, cl);
            task = run.config().run.task;
            long seed = Args.longValue(cl, "seed", run.config().run.seed);
            episodeSeed = k -> Evaluator.episodeSeed(seed, (int) k);
            policy = run.policy()::act;
            weights = run.weights();
            out = Path.of(cl.getOptionValue("out", dir.resolve("agent.gif").toString()));
        } else {
            if (cl.hasOption("checkpoint")) throw new UserError("--checkpoint is for --run: it picks which of the run's actors to film");
            task = cl.getOptionValue("task");
            TrainCommand.taskSpec(task);
            String kind = cl.getOptionValue("policy", "random").toLowerCase(Locale.ROOT);
            long seed = Args.longValue(cl, "seed", 1);
            episodeSeed = k -> seed + k;
            policy = switch (kind) {
                case "random" -> random(seed);
                case "zero" -> (o, a) -> java.util.Arrays.fill(a, 0);
                default -> throw new UserError("--policy expects 'random' or 'zero', got '" + kind + "' (a trained policy: use --run <run dir>)");
            };
            out = Path.of(cl.getOptionValue("out", task + "-" + kind + ".gif"));
        }

        ControlSuiteEnv env;
        try {
            env = Tasks.make(task);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        if (weights != null) System.out.println("weights: " + weights);
        long t0 = System.nanoTime();
        EpisodeGif.Result r;
        try {
            r = EpisodeGif.record(env, policy, episodes, episodeSeed, out, new EpisodeGif.Settings(width, height, fps, maxSteps));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        StringBuilder rets = new StringBuilder();
        for (double x : r.returns()) rets.append(rets.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", x));
        System.out.printf(Locale.ROOT, "wrote %s (%s): %s, %d frames = %.1f s simulated, return %s%s; rendered in %.1f s%n", out,
                fileSize(out), task, r.frames(), r.seconds(), rets, r.diverged() > 0 ? ", " + r.diverged() + " episode(s) diverged" : "",
                (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    /** "812 KB", "3.2 MB": GIF sizes are what users compare. */
    static String fileSize(Path file) throws java.io.IOException {
        long b = Files.size(file);
        return b < 1_000_000 ? String.format(Locale.ROOT, "%d KB", Math.max(1, Math.round(b / 1e3)))
                : String.format(Locale.ROOT, "%.1f MB", b / 1e6);
    }

    /** Uniform actions in [-1, 1], seeded. */
    private static BiConsumer<double[], double[]> random(long seed) {
        Rng rng = new Rng(seed);
        return (o, a) -> {
            for (int j = 0; j < a.length; j++) a[j] = rng.uniform(-1, 1);
        };
    }
}
