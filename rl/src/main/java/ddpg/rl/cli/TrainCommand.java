package ddpg.rl.cli;

import ddpg.physics.DidYouMean;
import ddpg.physics.env.EnvSpec;
import ddpg.physics.env.Tasks;
import ddpg.rl.ddpg.DdpgConfig;
import ddpg.rl.ddpg.Presets;
import ddpg.rl.train.BadFile;
import ddpg.rl.train.BuildInfo;
import ddpg.rl.train.Checkpoint;
import ddpg.rl.train.LiveProgress;
import ddpg.rl.train.MemoryBudget;
import ddpg.rl.train.RunConfig;
import ddpg.rl.train.RunFolder;
import ddpg.rl.train.RunLock;
import ddpg.rl.train.RunSettings;
import ddpg.rl.train.StopRequest;
import ddpg.rl.train.Trainer;
import ddpg.rl.train.WriteFailed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code ddpg.jar train --task walker-run [...]} (also the default command: {@code ddpg.jar --task walker-run}).
 * Every setting of the run and of the algorithm is an option; {@code --preset} picks the starting values.
 */
final class TrainCommand implements Command {
    @Override public String name() { return "train"; }

    @Override public String summary() { return "train a DDPG agent on a task (the default command): ddpg.jar --task walker-run"; }

    private static final RunSettings RUN = new RunSettings();
    private static final DdpgConfig DEF = Presets.defaults(), PAPER = Presets.paper();

    /** Options that may be given together with --resume. */
    private static final Set<String> RESUME_OK = Set.of("resume", "steps", "threads", "log-every", "task");

    @Override
    public Options options() {
        Options o = new Options();
        // The run
        opt(o, "task", "name", "task to learn, e.g. walker-run, cartpole-swingup (see 'ddpg.jar tasks'); required unless --resume");
        opt(o, "steps", "N", "environment steps to train for; 500k and 1e6 work (default " + RUN.steps + ")");
        opt(o, "seed", "S", "random seed; the same seed gives the same numbers bit for bit, on any --threads and --kernels (default " + RUN.seed + ")");
        opt(o, "out", "dir", "parent folder of the run folder <task>-s<seed>-<time>/ (default " + RUN.out + ")");
        opt(o, "eval-every", "N", "evaluate the deterministic policy every N env steps, and at 0 and the end (default " + RUN.evalEvery + ")");
        opt(o, "eval-episodes", "K", "episodes per evaluation (default " + RUN.evalEpisodes + ")");
        opt(o, "checkpoint-every", "N", "checkpoint at the first episode end after every N env steps; 0 = only at the end (default " + RUN.checkpointEvery + ")");
        opt(o, "threads", "T", "threads for the matrix products; any count gives the same numbers (default: the cores, " + RUN.threads + " here)");
        opt(o, "resume", "run dir", "continue a run from its last checkpoint (only --steps, --threads, --log-every may change)");
        opt(o, "config", "file", "start a new run with every setting of this config.json (e.g. runs/<run>/config.json); options given as well override it (default: none, the preset)");
        opt(o, "max-divergences", "N", "stop after N episodes in a row end with a diverged simulation (default " + RUN.maxDivergences + ")");
        opt(o, "gif-every", "N", "film one episode of the policy into gifs/step-N.gif every N env steps; 0 = never (default " + RUN.gifEvery + ")");
        o.addOption(Option.builder().longOpt("no-gif")
                .desc("do not film the final policy into agent.gif when the run completes (default: film one evaluation episode)").build());
        opt(o, "gif-steps", "N", "film at most N control steps of the episode in each GIF; 0 = the whole episode (default " + RUN.gifSteps + ")");
        o.addOption(Option.builder().longOpt("no-tensorboard")
                .desc("do not write TensorBoard event files (default: events.out.tfevents.* in the run folder, for tensorboard --logdir runs)").build());
        opt(o, "log-every", "sec", "seconds between progress lines when not on a terminal (default " + fmt(RUN.logEvery) + ")");
        // The algorithm
        opt(o, "preset", "name", "starting values for the settings below: default or paper (default " + RUN.preset + ")");
        opt(o, "hidden", "w1,w2,...", "hidden layer widths of actor and critic" + dflt(ints(DEF.hidden), ints(PAPER.hidden)));
        o.addOption(Option.builder().longOpt("batch-norm")
                .desc("batch normalisation as in the paper: state input, actor hidden layers, critic layers before the action (default off)").build());
        opt(o, "action-layer", "L", "critic layer where the action joins: 1 = input, 2 = second layer" + dflt(DEF.actionLayer, PAPER.actionLayer));
        opt(o, "final-init", "b", "final layers start uniform in +-b; 0 = fan-in init" + dflt(DEF.finalInit, PAPER.finalInit));
        opt(o, "actor-lr", "lr", "actor Adam learning rate" + dflt(DEF.actorLr, PAPER.actorLr));
        opt(o, "critic-lr", "lr", "critic Adam learning rate" + dflt(DEF.criticLr, PAPER.criticLr));
        opt(o, "critic-l2", "c", "critic L2 weight decay" + dflt(DEF.criticL2, PAPER.criticL2));
        opt(o, "gamma", "g", "discount factor" + dflt(DEF.gamma, PAPER.gamma));
        opt(o, "tau", "t", "target network Polyak rate, in (0, 1]" + dflt(DEF.tau, PAPER.tau));
        opt(o, "batch", "N", "minibatch size" + dflt(DEF.batch, PAPER.batch));
        opt(o, "utd", "r", "gradient updates per env step (update-to-data ratio)" + dflt(DEF.utd, PAPER.utd));
        opt(o, "buffer", "N", "replay buffer capacity in transitions" + dflt(DEF.buffer, PAPER.buffer));
        opt(o, "warmup", "N", "env steps with uniformly random actions at the start" + dflt(DEF.warmup, PAPER.warmup));
        opt(o, "learning-starts", "N", "env steps before the first update" + dflt(DEF.learningStarts, PAPER.learningStarts));
        opt(o, "noise", "kind", "exploration noise: gaussian or ou (Ornstein-Uhlenbeck)" + dflt(DEF.noise, PAPER.noise));
        opt(o, "noise-sigma", "s", "Gaussian std or OU sigma" + dflt(DEF.noiseSigma, PAPER.noiseSigma));
        opt(o, "ou-theta", "th", "OU mean-reversion rate" + dflt(DEF.ouTheta, PAPER.ouTheta));
        opt(o, "ou-dt", "dt", "OU time step" + dflt(DEF.ouDt, PAPER.ouDt));
        return o;
    }

    private static void opt(Options o, String name, String arg, String desc) {
        o.addOption(Option.builder().longOpt(name).hasArg().argName(arg).desc(desc).build());
    }

    private static String dflt(Object def, Object paper) {
        String d = def instanceof Double x ? fmt(x) : String.valueOf(def);
        String p = paper instanceof Double x ? fmt(x) : String.valueOf(paper);
        return d.equals(p) ? " (default " + d + ")" : " (default " + d + "; paper preset " + p + ")";
    }

    private static String fmt(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String ints(int[] a) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.length; i++) sb.append(i == 0 ? "" : ",").append(a[i]);
        return sb.toString();
    }

    @Override
    public int run(CommandLine cl) throws Exception {
        if (!cl.getArgList().isEmpty())
            throw new UserError("unexpected argument '" + cl.getArgList().get(0) + "'; options start with --, e.g. --task walker-run");
        if (cl.hasOption("resume")) return resume(cl);
        RunConfig config = newRunConfig(cl);
        Path dir;
        try {
            dir = RunFolder.create(Path.of(config.run.out), config.run.task, config.run.seed, LocalDateTime.now());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        try (RunLock lock = lock(dir)) {
            return startIn(config, dir);
        }
    }

    /**
     * The settings of a new run from the command line: the preset (or the run given by {@code --config}), then every
     * option given. Validated, and checked to fit in memory; a mistake is a {@link UserError}.
     */
    static RunConfig newRunConfig(CommandLine cl) {
        RunConfig base = null;
        if (cl.hasOption("config")) {
            Path file = Path.of(cl.getOptionValue("config"));
            if (Files.isDirectory(file)) file = file.resolve("config.json");
            if (!Files.isRegularFile(file)) throw new UserError("--config " + file + " does not exist; pass a run's config.json");
            try {
                base = RunConfig.read(file);
            } catch (IllegalArgumentException e) {
                throw new UserError("--config: " + e.getMessage());
            }
        }
        RunSettings run = runSettings(cl, base == null ? new RunSettings() : base.run.copy());
        DdpgConfig algo = agentConfig(cl, run.preset, base == null || cl.hasOption("preset") ? null : base.agent.copy());
        EnvSpec spec = taskSpec(run.task);
        try {
            run.validate();
            algo.validate();
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        checkMemory(algo, spec);
        return new RunConfig(run, algo, BuildInfo.version());
    }

    /** The settings a list of train arguments describes (what {@code sweep} stores for each cell). */
    RunConfig configOf(List<String> trainArgs) {
        try {
            CommandLine cl = new org.apache.commons.cli.DefaultParser().parse(options(), trainArgs.toArray(new String[0]), false);
            if (!cl.getArgList().isEmpty()) throw new UserError("unexpected argument '" + cl.getArgList().get(0) + "'");
            return newRunConfig(cl);
        } catch (org.apache.commons.cli.ParseException e) {
            throw new UserError("bad train options " + trainArgs + ": " + e.getMessage());
        }
    }

    /** Starts a new run in {@code dir} (empty but for the lock file), which the caller has locked. */
    static int startIn(RunConfig config, Path dir) throws IOException {
        EnvSpec spec = taskSpec(config.run.task);
        config.write(dir.resolve("config.json"), spec.observationSize(), spec.actionSize());
        return train(config, dir, false);
    }

    /** Locks a run folder for this process, or refuses in one line when another process trains it. */
    static RunLock lock(Path dir) throws IOException {
        try {
            return RunLock.acquire(dir);
        } catch (RunLock.Busy e) {
            throw new UserError(e.getMessage());
        } catch (IOException e) { // a read-only folder, a full disk
            throw new UserError(new WriteFailed(dir.resolve(RunLock.FILE), e).getMessage() + "; make the run folder writable");
        }
    }

    private int resume(CommandLine cl) throws IOException {
        for (Option o : cl.getOptions()) {
            if (!RESUME_OK.contains(o.getLongOpt()))
                throw new UserError("--" + o.getLongOpt() + " cannot be changed when resuming (the run's settings are in its"
                        + " config.json); only --steps, --threads and --log-every may be given with --resume");
        }
        Path dir = Path.of(cl.getOptionValue("resume"));
        if (!Files.isDirectory(dir)) throw new UserError("run folder " + dir + " does not exist; pass a folder under runs/");
        Path cfgFile = dir.resolve("config.json");
        if (!Files.isRegularFile(cfgFile)) throw new UserError(dir + " has no config.json: not a run folder");
        try (RunLock lock = lock(dir)) {
            return resumeLocked(cl, dir, cfgFile);
        }
    }

    /** {@code --resume} once the run folder is locked by this process. */
    static int resumeLocked(CommandLine cl, Path dir, Path cfgFile) throws IOException {
        RunConfig config;
        try {
            config = RunConfig.read(cfgFile);
        } catch (IllegalArgumentException e) {
            throw new UserError("cannot resume: " + e.getMessage());
        }
        if (config.format != RunConfig.FORMAT)
            throw new UserError("cannot resume " + dir + ": it was written by ddpg " + config.version + " (checkpoint format "
                    + config.format + "), this is ddpg " + BuildInfo.version() + " (format " + RunConfig.FORMAT + "); use that version or start a new run");
        if (cl.hasOption("task") && !TaskNames.canonical(cl.getOptionValue("task")).equals(config.run.task))
            throw new UserError("cannot resume " + dir + " as --task " + cl.getOptionValue("task") + ": that run is for task "
                    + config.run.task + " (drop --task, or start a new run)");
        EnvSpec spec = taskSpec(config.run.task);
        long steps = Args.longValue(cl, "steps", config.run.steps);
        if (steps < 0) throw new UserError("--steps must be >= 0, got " + steps);
        int threads = Args.intValue(cl, "threads", config.run.threads);
        try {
            RunSettings.checkThreads(threads);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage() + (cl.hasOption("threads") ? "" : " (the run was started with --threads "
                    + threads + "; give a smaller --threads with --resume)"));
        }
        // A different thread count or kernel path (--kernels) is fine: the GEMM threads and every kernel path and
        // vector width compute the same bits (engine/README.md), and config.json keeps the kernel paths used.
        config.run.steps = steps;
        config.run.threads = threads;
        config.run.logEvery = Args.doubleValue(cl, "log-every", config.run.logEvery);
        try {
            if (Checkpoint.latest(dir) == null)
                throw new UserError(dir + " has no checkpoint yet (it stopped before the first one); start a new run instead");
        } catch (IOException e) {
            throw new UserError("cannot read the checkpoints of " + dir + ": " + e.getMessage());
        }
        checkMemory(config.agent, spec);
        return train(config, dir, true); // config.json records the new --steps/--threads once the checkpoint has loaded
    }

    /**
     * Runs the trainer. Ctrl-C, SIGTERM and SIGHUP run the shutdown hook, which asks the trainer to stop at the next
     * episode end (with a checkpoint there) and waits for this method to say so. Every outcome is reported here,
     * before the hook is released, because the JVM exits as soon as the hook returns.
     */
    private static int train(RunConfig config, Path dir, boolean resume) throws IOException {
        String task = config.run.task;
        Trainer trainer = new Trainer(config, dir, () -> Tasks.make(task), System.out, LiveProgress.terminalAttached());
        StopRequest stop = trainer.stopRequest();
        Thread hook = new Thread(() -> {
            stop.request();
            if (!stop.awaitFinished(StopRequest.WAIT_SECONDS))
                System.err.println("\nddpg: stopping without a new checkpoint: the current episode did not end within "
                        + StopRequest.WAIT_SECONDS + " s; " + resumeHint(dir));
        }, "ddpg-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (resume) trainer.resume();
            else trainer.start();
            return 0;
        } catch (Trainer.Interrupted e) {
            System.err.println("ddpg: interrupted; " + resumeHint(dir));
            return Main.EXIT_INTERRUPTED;
        } catch (Trainer.Stopped e) {
            System.err.println("ddpg: " + e.getMessage());
            return Main.EXIT_DIVERGED;
        } catch (BadFile | WriteFailed e) {
            System.err.println("ddpg: " + e.getMessage());
            return Main.EXIT_USER;
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        } finally {
            stop.finished();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running
            }
        }
    }

    /** "continue with: ... --resume DIR" when the run has a checkpoint to continue from; otherwise how to start over. */
    static String resumeHint(Path dir) {
        Path last;
        try {
            last = Checkpoint.latest(dir);
        } catch (IOException e) {
            last = null;
        }
        if (last == null) return "no checkpoint was written yet, so there is nothing to resume: start the run again";
        return String.format(Locale.ROOT, "the last checkpoint is at step %,d; continue with: %s --resume %s",
                Checkpoint.step(last), Main.PROGRAM, dir);
    }

    static EnvSpec taskSpec(String task) {
        if (task == null) throw new UserError("no task given; use --task <name>, e.g. --task walker-run (tasks: "
                + String.join(", ", Tasks.names()) + ")");
        try {
            return Tasks.spec(TaskNames.canonical(task));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** Refuses settings whose networks, optimizer state and replay buffer cannot fit in the heap (before any file). */
    private static void checkMemory(DdpgConfig algo, EnvSpec spec) {
        String problem = MemoryBudget.problem(algo, spec.observationSize(), spec.actionSize(), Runtime.getRuntime().maxMemory());
        if (problem != null) throw new UserError(problem);
    }

    private static RunSettings runSettings(CommandLine cl, RunSettings r) {
        if (cl.hasOption("task")) r.task = TaskNames.canonical(cl.getOptionValue("task"));
        r.steps = Args.longValue(cl, "steps", r.steps);
        String seed = cl.getOptionValue("seed", "");
        if (seed.contains(",") || seed.matches("\\s*\\d+\\s*-\\s*\\d+\\s*"))
            throw new UserError("--seed takes one seed per run; for several, run a sweep: java -jar ddpg.jar sweep --tasks "
                    + (r.task == null ? "<task>" : r.task) + " --seeds " + seed.replace(" ", ""));
        r.seed = Args.longValue(cl, "seed", r.seed);
        r.out = cl.getOptionValue("out", r.out);
        r.evalEvery = Args.longValue(cl, "eval-every", r.evalEvery);
        r.evalEpisodes = Args.intValue(cl, "eval-episodes", r.evalEpisodes);
        r.checkpointEvery = Args.longValue(cl, "checkpoint-every", r.checkpointEvery);
        r.threads = Args.intValue(cl, "threads", r.threads);
        r.preset = cl.getOptionValue("preset", r.preset);
        r.maxDivergences = Args.intValue(cl, "max-divergences", r.maxDivergences);
        r.logEvery = Args.doubleValue(cl, "log-every", r.logEvery);
        r.gifEvery = Args.longValue(cl, "gif-every", r.gifEvery);
        if (cl.hasOption("no-gif")) r.finalGif = false;
        r.gifSteps = Args.longValue(cl, "gif-steps", r.gifSteps);
        if (cl.hasOption("no-tensorboard")) r.tensorboard = false;
        return r;
    }

    /** {@code base} (from --config) or else the named preset, with every algorithm option given applied on top. */
    private static DdpgConfig agentConfig(CommandLine cl, String preset, DdpgConfig base) {
        DdpgConfig c = base;
        if (c == null) {
            try {
                c = Presets.named(preset);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage() + DidYouMean.hint(preset, Presets.NAMES));
            }
        }
        if (cl.hasOption("hidden")) c.hidden = parseHidden(cl.getOptionValue("hidden"));
        if (cl.hasOption("batch-norm")) c.batchNorm = true;
        c.actionLayer = Args.intValue(cl, "action-layer", c.actionLayer);
        c.finalInit = Args.doubleValue(cl, "final-init", c.finalInit);
        c.actorLr = Args.doubleValue(cl, "actor-lr", c.actorLr);
        c.criticLr = Args.doubleValue(cl, "critic-lr", c.criticLr);
        c.criticL2 = Args.doubleValue(cl, "critic-l2", c.criticL2);
        c.gamma = Args.doubleValue(cl, "gamma", c.gamma);
        c.tau = Args.doubleValue(cl, "tau", c.tau);
        c.batch = Args.intValue(cl, "batch", c.batch);
        c.utd = Args.doubleValue(cl, "utd", c.utd);
        long buffer = Args.longValue(cl, "buffer", c.buffer);
        if (buffer > Integer.MAX_VALUE) throw new UserError("--buffer " + buffer + " is too large (at most " + Integer.MAX_VALUE + ")");
        c.buffer = (int) buffer;
        c.warmup = Args.longValue(cl, "warmup", c.warmup);
        c.learningStarts = Args.longValue(cl, "learning-starts", c.learningStarts);
        c.noise = cl.getOptionValue("noise", c.noise).toLowerCase(Locale.ROOT);
        c.noiseSigma = Args.doubleValue(cl, "noise-sigma", c.noiseSigma);
        c.ouTheta = Args.doubleValue(cl, "ou-theta", c.ouTheta);
        c.ouDt = Args.doubleValue(cl, "ou-dt", c.ouDt);
        return c;
    }

    static int[] parseHidden(String v) {
        try {
            int[] h = Arrays.stream(v.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            if (h.length == 0) throw new NumberFormatException();
            return h;
        } catch (NumberFormatException e) {
            throw new UserError("--hidden expects comma-separated widths, e.g. --hidden 256,256; got '" + v + "'");
        }
    }

    /** For tests: the names of all options. */
    List<String> optionNames() {
        return options().getOptions().stream().map(Option::getLongOpt).toList();
    }
}
