package ddpg.rl.cli;

import ddpg.physics.DidYouMean;
import ddpg.physics.env.EnvSpec;
import ddpg.physics.env.Tasks;
import ddpg.rl.ddpg.DdpgConfig;
import ddpg.rl.ddpg.Presets;
import ddpg.rl.settings.Settings;
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
import java.util.List;
import java.util.Locale;
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

    /** The options come from the settings table; see {@link TrainOptions}. */
    @Override
    public Options options() {
        return TrainOptions.options();
    }

    @Override
    public int run(CommandLine cl) throws Exception {
        if (!cl.getArgList().isEmpty())
            throw new UserError("unexpected argument '" + cl.getArgList().get(0) + "'; options start with --, e.g. --task walker-run");
        if (cl.hasOption(TrainOptions.RESUME)) return resume(cl);
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
        if (cl.hasOption(TrainOptions.CONFIG)) {
            Path file = Path.of(cl.getOptionValue(TrainOptions.CONFIG));
            if (Files.isDirectory(file)) file = file.resolve("config.json");
            if (!Files.isRegularFile(file)) throw new UserError("--config " + file + " does not exist; pass a run's config.json");
            try {
                base = RunConfig.read(file);
            } catch (IllegalArgumentException e) {
                throw new UserError("--config: " + e.getMessage());
            }
        }
        RunSettings run = base == null ? new RunSettings() : base.run.copy();
        TrainOptions.apply(cl, run);
        DdpgConfig algo = base == null || cl.hasOption(Settings.PRESET.option()) ? preset(run.preset) : base.agent.copy();
        TrainOptions.apply(cl, algo);
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
        for (Option o : cl.getOptions()) if (!TrainOptions.allowedOnResume(o.getLongOpt())) throw TrainOptions.notOnResume(o.getLongOpt());
        Path dir = Path.of(cl.getOptionValue(TrainOptions.RESUME));
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
        // A different thread count or kernel path (--kernels) is fine: the GEMM threads and every kernel path and
        // vector width compute the same bits (engine/README.md), and config.json keeps the kernel paths used.
        TrainOptions.applyOnResume(cl, config);
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

    /** The named preset, or a one-line {@link UserError} with the closest name. */
    private static DdpgConfig preset(String name) {
        try {
            return Presets.named(name);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage() + DidYouMean.hint(name, Presets.NAMES));
        }
    }

    /** For tests: the names of all options. */
    List<String> optionNames() {
        return options().getOptions().stream().map(Option::getLongOpt).toList();
    }
}
