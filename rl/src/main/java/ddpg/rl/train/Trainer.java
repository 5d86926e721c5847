package ddpg.rl.train;

import ddpg.engine.Rng;
import ddpg.engine.io.Json;
import ddpg.physics.env.EnvSpec;
import ddpg.physics.env.Environment;
import ddpg.physics.env.StepResult;
import ddpg.rl.ddpg.DdpgAgent;
import ddpg.rl.ddpg.DdpgConfig;
import ddpg.rl.noise.ActionNoise;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The training loop: act with exploration noise, store the transition, update the agent, and along the way log,
 * evaluate, checkpoint and export the policy. Same seed and thread count give the same numbers, bit for bit, and a
 * run stopped and resumed from a checkpoint continues exactly as if it had never stopped.
 *
 * <p>Checkpoints are taken at episode boundaries (the first episode end at or after each multiple of
 * {@code checkpointEvery}), because a simulator's mid-episode state is not part of a checkpoint: a resumed run starts
 * the next episode, just as the uninterrupted run does at that point.
 */
public final class Trainer {
    /**
     * The run stopped early because learning diverged (repeated simulation divergence, a non-finite loss, weight or
     * action); nothing non-finite was written. The message says why, names the last good checkpoint and what to do.
     */
    public static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Stopped(String message) {
            super(message);
        }
    }

    /** The run stopped at an episode end because a {@link StopRequest} asked it to (Ctrl-C, SIGTERM, SIGHUP). */
    public static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Path checkpoint;

        Interrupted(long step, Path checkpoint) {
            super("stopped at step " + step);
            this.checkpoint = checkpoint;
        }

        /** The newest checkpoint, written at the stop if there was none at that step; null if there is none at all. */
        public Path checkpoint() {
            return checkpoint;
        }
    }

    /** What a finished run reports. */
    public record Summary(long envSteps, long episodes, long updates, double lastEvalMean, double lastEvalStd, Path runDir) {}

    private final RunConfig config;
    private final RunSettings run;
    private final DdpgConfig algo;
    private final Path runDir;
    private final Environment env;
    private final EnvSpec spec;
    private final LiveProgress live;
    private final PrintStream console;

    private final TrainingStep step;
    private final DdpgAgent agent;

    // Counters (all saved in checkpoints).
    private long envStep, episode, nextCheckpointAt;
    private double lastTrainReturn = Double.NaN, lastEvalMean = Double.NaN, lastEvalStd = Double.NaN;
    private int consecutiveDivergences;
    private long totalDivergences;
    private double wallBefore;

    // Since the last progress row (always empty at a checkpoint, which follows a row).
    private double sumCriticLoss, sumActorLoss, sumMeanQ;
    private long updatesSinceRow;
    private long rowStartStep;
    private long rowStartNanos;
    private long startNanos;

    private boolean curveWarned, gifWarned;
    /** This process's TensorBoard event file; opened by start/resume. */
    private TensorBoardLog tensorboard = TensorBoardLog.off();
    /** The env step of the last checkpoint this process wrote; -1 before the first. */
    private long lastCheckpointStep = -1;
    private final Supplier<Environment> envFactory;
    /** The evaluation episodes, on run.threads threads. */
    private final ActorEvaluation evaluation;
    private Environment gifEnv;
    /** For tests: stop abruptly (no checkpoint, no export) after this env step, like a killed process. */
    long killAfterStep = Long.MAX_VALUE;
    /** For tests: after this env step, element 0 of the state tensor {@link #poisonTensor} becomes NaN. */
    long poisonAfterStep = Long.MAX_VALUE;
    String poisonTensor = "actor.net.0.weight";
    private final StopRequest stop = new StopRequest();
    /** The progress.csv length recorded in the checkpoint a resume starts from. */
    private long resumeProgressBytes;
    /** divergences.log's length at the checkpoint resumed from; -1 when the checkpoint predates the field. */
    private long resumeDivergenceBytes = -1;

    /**
     * @param envFactory makes a fresh environment for the task (for training, and one per evaluation thread)
     * @param console    where progress goes; {@code inPlace} rewrites one line (a terminal)
     */
    public Trainer(RunConfig config, Path runDir, Supplier<Environment> envFactory, PrintStream console, boolean inPlace) {
        this.config = config;
        this.run = config.run;
        this.algo = config.agent;
        this.runDir = runDir;
        this.console = console;
        this.envFactory = envFactory;
        this.env = envFactory.get();
        this.spec = env.spec();
        ddpg.engine.kernels.Kernels.setThreads(run.threads);
        this.step = new TrainingStep(env, algo, run.seed, new TrainingStep.Listener() {
            @Override public void updated(DdpgAgent a) {
                afterUpdate(a);
            }

            @Override public void nonFiniteAction(double value) {
                throw diverged("the actor's action is " + value);
            }
        });
        this.agent = step.agent();
        this.evaluation = new ActorEvaluation(agent.actor(), envFactory, run.threads);
        this.live = new LiveProgress(console, inPlace, run.steps, run.logEvery).learningStartsAt(Math.max(algo.learningStarts, algo.batch));
        this.nextCheckpointAt = run.checkpointEvery > 0 ? run.checkpointEvery : Long.MAX_VALUE;
    }

    public DdpgAgent agent() {
        return agent;
    }

    /** Ask this to stop, and the run ends at the next episode end with a checkpoint ({@link Interrupted}). */
    public StopRequest stopRequest() {
        return stop;
    }

    /** The initial-state seed of training episode {@code e}. */
    static long trainEpisodeSeed(long seed, long e) {
        return Rng.mix(Rng.derive(seed, "training-episode") + e);
    }

    /** Starts a new run in {@code runDir} (which holds config.json and nothing else yet). */
    @SuppressWarnings("try") // writeRow reaches the event file through the field
    public Summary start() throws IOException {
        try (ProgressLog log = ProgressLog.create(runDir.resolve(ProgressLog.FILE_NAME));
             TensorBoardLog events = openTensorBoard()) {
            startNanos = System.nanoTime();
            rowStartNanos = startNanos;
            live.message(String.format(Locale.ROOT, "training %s for %,d steps (seed %d, %s preset, obs %d, act %d) -> %s",
                    run.task, run.steps, run.seed, run.preset, spec.observationSize(), spec.actionSize(), runDir));
            // Evaluate the initial policy so every curve starts at step 0.
            evaluate();
            writeRow(log, false, true);
            return loop(log);
        } catch (WriteFailed e) {
            throw writeFailed(e);
        }
    }

    /** Continues from the latest checkpoint of {@code runDir}. */
    @SuppressWarnings("try") // writeRow reaches the event file through the field
    public Summary resume() throws IOException {
        Path ckpt = restoreNewestIntact();
        lastCheckpointStep = envStep;
        cutDivergenceLog();
        try (ProgressLog log = ProgressLog.resume(runDir.resolve(ProgressLog.FILE_NAME), resumeProgressBytes);
             TensorBoardLog events = openTensorBoard()) {
            // Only now, so that a resume refused for a damaged file leaves the folder as it was.
            Path cfg = runDir.resolve("config.json");
            WriteFailed.guard(cfg, () -> config.write(cfg, spec.observationSize(), spec.actionSize()));
            startNanos = System.nanoTime();
            rowStartNanos = startNanos;
            live.message(String.format(Locale.ROOT, "resuming %s at step %,d of %,d from %s", run.task, envStep, run.steps,
                    runDir.relativize(ckpt)));
            return loop(log);
        } catch (WriteFailed e) {
            throw writeFailed(e);
        }
    }

    /**
     * Loads the newest checkpoint that is intact. A damaged newer one is reported in one line and renamed aside
     * (see {@link Checkpoint#setAside}); the run then continues bit for bit from the one before, since progress.csv
     * is cut back to that checkpoint's length. With no intact checkpoint at all, nothing is moved.
     */
    private Path restoreNewestIntact() throws IOException {
        List<Path> all = Checkpoint.list(runDir);
        if (all.isEmpty()) throw new IllegalArgumentException(runDir + " has no checkpoint to resume from (the run stopped"
                + " before its first checkpoint); start a new run instead");
        List<BadFile> damaged = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            Path ckpt = all.get(i);
            try {
                restoreState(Checkpoint.load(ckpt, agent, step.replay()));
            } catch (BadFile e) {
                damaged.add(e);
                continue;
            }
            for (int k = 0; k < damaged.size(); k++) {
                Path aside = Checkpoint.setAside(all.get(all.size() - 1 - k));
                live.message("warning: " + damaged.get(k).getMessage() + "; resuming from the checkpoint before it, "
                        + runDir.relativize(ckpt) + " (the damaged one is kept as " + runDir.relativize(aside) + ")");
            }
            return ckpt;
        }
        throw new BadFile(damaged.get(0).getMessage() + (all.size() > 1 ? ", and so are the older checkpoints" : "")
                + "; no intact checkpoint is left to resume from: restore " + runDir.resolve(Checkpoint.FOLDER)
                + " from a backup, or start a new run");
    }

    /** A file could not be written: one line naming it and the checkpoint to continue from once that is fixed. */
    private BadFile writeFailed(WriteFailed e) {
        Path last = latestCheckpoint();
        return new BadFile(e.getMessage() + "; " + (last == null
                ? "no checkpoint was written yet: free some space (or make the folder writable) and start the run again"
                : "the last good checkpoint, " + last + ", is intact: free some space (or make the folder writable),"
                + " then continue with java -jar ddpg.jar --resume " + runDir), e);
    }

    private Path latestCheckpoint() {
        try {
            return Checkpoint.latest(runDir);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * A new event file per process (a resumed run adds one, starting at the checkpoint step), opened with the run's
     * settings as text; nothing with --no-tensorboard.
     */
    private TensorBoardLog openTensorBoard() {
        String settings = Json.write(config.toMap(spec.observationSize(), spec.actionSize()));
        tensorboard = run.tensorboard ? TensorBoardLog.open(runDir, envStep, settings, live::message) : TensorBoardLog.off();
        return tensorboard;
    }

    private Summary loop(ProgressLog log) throws IOException {
        double[] obs = null;
        double episodeReturn = 0;
        rowStartStep = envStep;
        live.start(envStep, agent.updates());
        while (envStep < run.steps) {
            if (obs == null && stop.requested()) throw interrupted(log);
            if (obs == null) {
                obs = step.startEpisode(trainEpisodeSeed(run.seed, episode));
                episodeReturn = 0;
            }
            // Act, execute, store the transition, learn (TrainingStep).
            StepResult res = step.take(obs, envStep++); // counted first, so a divergence inside names this step
            boolean episodeEnd = res.last() || res.diverged();
            boolean diverged = res.diverged();
            if (diverged) {
                divergence(res);
            } else {
                episodeReturn += res.reward();
                obs = res.observation();
            }
            boolean evalDue = envStep % run.evalEvery == 0 || envStep == run.steps;
            if (episodeEnd) {
                episode++;
                obs = null;
                if (diverged) {
                    lastTrainReturn = Double.NaN;
                    if (consecutiveDivergences >= run.maxDivergences) {
                        log.sync();
                        Path last = latestCheckpoint();
                        throw new Stopped(String.format(Locale.ROOT, "the simulation diverged in %d episodes in a row (last at step %,d; see %s);"
                                + " stopping. %s, or try a smaller --actor-lr/--critic-lr",
                                consecutiveDivergences, envStep, runDir.resolve("divergences.log"), last == null
                                        ? "No checkpoint was written yet: start a new run"
                                        : "The last good checkpoint, " + last + ", is intact: resume with --resume " + runDir));
                    }
                } else {
                    consecutiveDivergences = 0;
                    lastTrainReturn = episodeReturn;
                }
            }
            if (evalDue) evaluate();
            if (run.gifEvery > 0 && envStep % run.gifEvery == 0) writeGif();
            if (episodeEnd || evalDue) writeRow(log, episodeEnd && !diverged, evalDue);
            if (obs == null && envStep >= nextCheckpointAt) {
                nextCheckpointAt = (envStep / run.checkpointEvery + 1) * run.checkpointEvery; // saved with it
                checkpoint(log);
            }
            if (envStep == poisonAfterStep) agent.stateTensors().get(poisonTensor).data()[0] = Float.NaN;
            if (envStep >= killAfterStep) return null;
            live.tick(envStep, agent.updates(), lastTrainReturn, lastEvalMean);
        }
        live.finish();
        // The run is complete: a final checkpoint (so it can be extended with --resume --steps; unless the periodic
        // one was just taken at this very step: a large replay buffer is not worth writing twice) and the policy.
        if (lastCheckpointStep != envStep) checkpoint(log);
        checkWeights();
        PolicyFiles.export(runDir, agent.actor(), run.task, envStep);
        if (run.finalGif && !stop.requested()) writeGif(runDir.resolve("agent.gif")); // a stop must not wait for a film
        live.message(String.format(Locale.ROOT, "done: %,d steps, %,d episodes, %,d updates; final evaluation %.1f +- %.1f;"
                + " policy in %s", envStep, episode, agent.updates(), lastEvalMean, lastEvalStd, runDir.resolve(PolicyFiles.WEIGHTS)));
        return new Summary(envStep, episode, agent.updates(), lastEvalMean, lastEvalStd, runDir);
    }

    /** Stops at an episode end for a {@link StopRequest}: a checkpoint at this step (unless there is one), then out. */
    private Interrupted interrupted(ProgressLog log) throws IOException {
        live.finish();
        if (envStep > 0 && lastCheckpointStep != envStep) checkpoint(log);
        live.message(String.format(Locale.ROOT, "stopped at step %,d, at the end of an episode", envStep));
        return new Interrupted(envStep, latestCheckpoint());
    }

    /**
     * Adds an update's losses to the next progress row. A non-finite loss means the networks diverged: stop before
     * the next checkpoint could save them.
     */
    private void afterUpdate(DdpgAgent a) {
        float c = a.lastCriticLoss(), l = a.lastActorLoss();
        if (!Float.isFinite(c) || !Float.isFinite(l)) {
            throw diverged(String.format(Locale.ROOT, "the critic loss is %s and the actor loss %s at update %,d", c, l,
                    a.updates()));
        }
        sumCriticLoss += c;
        sumActorLoss += l;
        sumMeanQ += a.lastMeanQ();
        updatesSinceRow++;
    }

    /**
     * Scans every parameter, target and Adam moment (a few hundred thousand floats; done at evaluations, checkpoints
     * and the export, not every update), so a NaN that the losses do not show never reaches a file.
     */
    private void checkWeights() {
        String problem = Finite.firstProblem(agent.stateTensors());
        if (problem != null) throw diverged("tensor " + problem);
    }

    private Stopped diverged(String what) {
        Path last = latestCheckpoint();
        return new Stopped(String.format(Locale.ROOT, "the networks diverged at step %,d: %s. Stopped before it reached a"
                + " checkpoint or %s; %s. Try a new run with a smaller --actor-lr/--critic-lr or with --batch-norm",
                envStep, what, PolicyFiles.WEIGHTS, last == null ? "no checkpoint was written yet"
                        : "the last good checkpoint, " + last + ", is intact"));
    }

    private long divergenceLogBytes() {
        try {
            Path file = runDir.resolve("divergences.log");
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * A resumed run logs again the divergences that happened after its checkpoint: cut the log back to the
     * checkpoint, as progress.csv is, so that none is listed twice.
     */
    private void cutDivergenceLog() throws IOException {
        Path file = runDir.resolve("divergences.log");
        if (resumeDivergenceBytes < 0 || !Files.isRegularFile(file) || Files.size(file) <= resumeDivergenceBytes) return;
        WriteFailed.guard(file, () -> {
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(resumeDivergenceBytes);
            }
        });
    }

    private void divergence(StepResult res) throws IOException {
        consecutiveDivergences++;
        totalDivergences++;
        String line = String.format(Locale.ROOT, "step %d episode %d: simulation diverged (%s); episode ended, training continues",
                envStep, episode, res.divergence());
        Path file = runDir.resolve("divergences.log");
        WriteFailed.guard(file, () -> Files.writeString(file, line + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        live.message("warning: " + line);
    }

    private void evaluate() {
        checkWeights(); // no score from a policy with NaN weights
        Evaluator.Result r = evaluation.run(run.seed, run.evalEpisodes);
        lastEvalMean = r.mean();
        lastEvalStd = r.std();
        live.message(String.format(Locale.ROOT, "eval at step %,d: %.1f +- %.1f over %d episodes%s", envStep, r.mean(),
                r.std(), run.evalEpisodes, r.diverged() > 0 ? " (" + r.diverged() + " diverged)" : ""));
    }

    private void writeRow(ProgressLog log, boolean withTrain, boolean withEval) throws IOException {
        long now = System.nanoTime();
        double dt = (now - rowStartNanos) * 1e-9;
        boolean timed = dt > 0 && envStep > rowStartStep;
        double n = updatesSinceRow; // the agent.updates() delta since the previous row
        double trainReturn = withTrain ? lastTrainReturn : Double.NaN;
        double evalMean = withEval ? lastEvalMean : Double.NaN, evalStd = withEval ? lastEvalStd : Double.NaN;
        double criticLoss = n > 0 ? sumCriticLoss / n : Double.NaN, actorLoss = n > 0 ? sumActorLoss / n : Double.NaN;
        double meanQ = n > 0 ? sumMeanQ / n : Double.NaN;
        double sps = timed ? (envStep - rowStartStep) / dt : Double.NaN;
        log.row(envStep, episode, trainReturn, evalMean, evalStd, criticLoss, actorLoss, meanQ, sps, wallSeconds());
        tensorboard.row(envStep, trainReturn, evalMean, evalStd, criticLoss, actorLoss, meanQ, sps, timed ? n / dt : Double.NaN);
        sumCriticLoss = sumActorLoss = sumMeanQ = 0;
        updatesSinceRow = 0;
        rowStartStep = envStep;
        rowStartNanos = now;
        if (withEval) writeCurve(log);
    }

    private void writeCurve(ProgressLog log) {
        try {
            log.sync();
            ddpg.rl.viz.Plot.writeRunCurve(runDir);
        } catch (Throwable e) { // a picture must never stop training
            if (!curveWarned) live.message("note: could not draw curve.png (" + e.getMessage() + "); training continues");
            curveWarned = true;
        }
    }

    /** The periodic film of {@code --gif-every}: gifs/step-N.gif. */
    private void writeGif() {
        try {
            Path dir = runDir.resolve("gifs");
            Files.createDirectories(dir);
            writeGif(dir.resolve(String.format("step-%09d.gif", envStep)));
        } catch (IOException e) {
            gifFailed(e);
        }
    }

    /**
     * Films one evaluation episode of the deterministic policy (the first evaluation episode's initial state) into
     * {@code out}, written atomically by ddpg.rl.viz. A failure is reported once and never stops training.
     */
    private void writeGif(Path out) {
        try {
            if (gifEnv == null) gifEnv = envFactory.get();
            if (!(gifEnv instanceof ddpg.physics.env.ControlSuiteEnv cs)) return;
            ddpg.rl.viz.EpisodeGif.Settings d = ddpg.rl.viz.EpisodeGif.Settings.DEFAULT;
            ddpg.rl.viz.EpisodeGif.record(cs, agent::act, 1, k -> Evaluator.episodeSeed(run.seed, (int) k), out,
                    new ddpg.rl.viz.EpisodeGif.Settings(d.width(), d.height(), d.fps(), (int) Math.min(Integer.MAX_VALUE, run.gifSteps)));
            live.message("gif at step " + String.format(Locale.ROOT, "%,d", envStep) + " -> " + runDir.relativize(out));
        } catch (Throwable e) { // a picture must never stop training
            gifFailed(e);
        }
    }

    private void gifFailed(Throwable e) {
        if (!gifWarned) live.message("note: could not write the GIF (" + e.getMessage() + "); training continues");
        gifWarned = true;
    }

    private double wallSeconds() {
        return wallBefore + (System.nanoTime() - startNanos) * 1e-9;
    }

    private void checkpoint(ProgressLog log) throws IOException {
        checkWeights();
        long bytes = log.sync();
        Path p = Checkpoint.save(runDir, envStep, agent, step.replay(), saveState(bytes));
        lastCheckpointStep = envStep;
        live.message(String.format(Locale.ROOT, "checkpoint at step %,d -> %s", envStep, runDir.relativize(p)));
    }

    private Map<String, Object> saveState(long progressBytes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", run.task);
        m.put("format", (long) RunConfig.FORMAT);
        m.put("env_step", envStep);
        m.put("episode", episode);
        m.put("next_checkpoint_at", nextCheckpointAt);
        m.put("update_credit", step.updateCredit());
        m.put("agent_counters", agent.counterState());
        m.put("warmup_rng", step.explore().state());
        ActionNoise.NoiseState ns = step.noise().state();
        m.put("noise_rng", ns.rng());
        m.put("noise_values", ns.values());
        m.put("last_train_return", lastTrainReturn);
        m.put("last_eval_mean", lastEvalMean);
        m.put("last_eval_std", lastEvalStd);
        m.put("consecutive_divergences", (long) consecutiveDivergences);
        m.put("total_divergences", totalDivergences);
        m.put("progress_bytes", progressBytes);
        m.put("divergences_bytes", divergenceLogBytes());
        m.put("wall_s", wallSeconds());
        return m;
    }

    /** Sets every counter from a checkpoint's state.json; a missing or malformed field is a {@link BadFile}. */
    private void restoreState(JsonFields m) {
        String task = m.text("task");
        if (!run.task.equals(task))
            throw new IllegalArgumentException("the checkpoint is for task '" + task + "', not '" + run.task + "'");
        long format = m.whole("format");
        if (format != RunConfig.FORMAT)
            throw new IllegalArgumentException("the checkpoint has format " + format + " but this ddpg reads format "
                    + RunConfig.FORMAT + "; resume it with the version that wrote it");
        envStep = m.whole("env_step");
        episode = m.whole("episode");
        nextCheckpointAt = m.whole("next_checkpoint_at");
        step.restoreUpdateCredit(m.number("update_credit"));
        try {
            agent.restoreCounterState(m.wholes("agent_counters"));
            step.explore().restore(m.wholes("warmup_rng"));
            step.noise().restore(new ActionNoise.NoiseState(m.wholes("noise_rng"), m.numbers("noise_values")));
        } catch (BadFile e) {
            throw e;
        } catch (RuntimeException e) { // a generator state of the wrong length
            throw m.bad(e.getMessage());
        }
        lastTrainReturn = m.number("last_train_return");
        lastEvalMean = m.number("last_eval_mean");
        lastEvalStd = m.number("last_eval_std");
        consecutiveDivergences = (int) m.whole("consecutive_divergences");
        totalDivergences = m.whole("total_divergences");
        wallBefore = m.number("wall_s");
        resumeProgressBytes = m.whole("progress_bytes");
        resumeDivergenceBytes = m.map().containsKey("divergences_bytes") ? m.whole("divergences_bytes") : -1;
        // A longer --steps on resume moves the end; the checkpoint schedule continues from where it was.
        if (run.checkpointEvery == 0) nextCheckpointAt = Long.MAX_VALUE;
    }
}
