package ddpg.rl.train;

import ddpg.physics.tasks.EnvSpec;
import ddpg.physics.tasks.Environment;
import ddpg.physics.tasks.StepResult;
import ddpg.rl.ddpg.DdpgAgent;
import ddpg.rl.ddpg.DdpgConfig;
import ddpg.rl.noise.ActionNoise;
import ddpg.rl.noise.GaussianNoise;
import ddpg.rl.noise.OrnsteinUhlenbeckNoise;
import ddpg.rl.noise.Rng;
import ddpg.rl.replay.ReplayBuffer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
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
    /** The run stopped early (repeated divergence, NaN actions); the message says why and what to do. */
    public static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Stopped(String message) {
            super(message);
        }
    }

    /** What a finished run reports. */
    public record Summary(long envSteps, long episodes, long updates, double lastEvalMean, double lastEvalStd, Path runDir) {}

    private final RunConfig config;
    private final RunSettings run;
    private final DdpgConfig algo;
    private final Path runDir;
    private final Environment env, evalEnv;
    private final EnvSpec spec;
    private final LiveProgress live;
    private final PrintStream console;

    private final DdpgAgent agent;
    private final ReplayBuffer replay;
    private final ActionNoise noise;
    private final Rng explore;

    // Counters (all saved in checkpoints).
    private long envStep, episode, nextCheckpointAt;
    private double updateCredit;
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
    private Environment gifEnv;
    /** For tests: stop abruptly (no checkpoint, no export) after this env step, like a killed process. */
    long killAfterStep = Long.MAX_VALUE;

    /**
     * @param envFactory makes a fresh environment for the task (called twice: training and evaluation)
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
        this.evalEnv = envFactory.get();
        this.spec = env.spec();
        ddpg.engine.kernels.Kernels.setThreads(run.threads);
        this.agent = new DdpgAgent(spec.observationSize(), spec.actionSize(), algo, run.seed);
        this.replay = new ReplayBuffer(algo.buffer, spec.observationSize(), spec.actionSize());
        long noiseSeed = Rng.derive(run.seed, "exploration-noise");
        this.noise = algo.noise.equals("ou")
                ? new OrnsteinUhlenbeckNoise(spec.actionSize(), algo.ouTheta, algo.noiseSigma, algo.ouDt, noiseSeed)
                : new GaussianNoise(algo.noiseSigma, noiseSeed);
        this.explore = new Rng(Rng.derive(run.seed, "warmup-actions"));
        this.live = new LiveProgress(console, inPlace, run.steps, run.logEvery).learningStartsAt(Math.max(algo.learningStarts, algo.batch));
        this.nextCheckpointAt = run.checkpointEvery > 0 ? run.checkpointEvery : Long.MAX_VALUE;
    }

    public DdpgAgent agent() {
        return agent;
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
        }
    }

    /** Continues from the latest checkpoint of {@code runDir}. */
    @SuppressWarnings("try") // writeRow reaches the event file through the field
    public Summary resume() throws IOException {
        Path ckpt = Checkpoint.latest(runDir);
        if (ckpt == null) throw new IllegalArgumentException(runDir + " has no checkpoint to resume from (the run stopped"
                + " before its first checkpoint); start a new run instead");
        Map<String, Object> st = Checkpoint.load(ckpt, agent, replay);
        restoreState(st);
        long bytes = Json.toLong(st.get("progress_bytes"));
        try (ProgressLog log = ProgressLog.resume(runDir.resolve(ProgressLog.FILE_NAME), bytes);
             TensorBoardLog events = openTensorBoard()) {
            startNanos = System.nanoTime();
            rowStartNanos = startNanos;
            live.message(String.format(Locale.ROOT, "resuming %s at step %,d of %,d from %s", run.task, envStep, run.steps,
                    runDir.relativize(ckpt)));
            return loop(log);
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
        int act = spec.actionSize();
        double[] action = new double[act], eps = new double[act];
        double[] obs = null;
        double episodeReturn = 0;
        rowStartStep = envStep;
        live.start(envStep, agent.updates());
        while (envStep < run.steps) {
            if (obs == null) {
                obs = env.reset(trainEpisodeSeed(run.seed, episode));
                noise.reset();
                episodeReturn = 0;
            }
            // Select action a_t = mu(s_t) + N_t (uniformly random during the warm-up), clipped to [-1, 1].
            if (envStep < algo.warmup) {
                for (int j = 0; j < act; j++) action[j] = explore.uniform(-1, 1);
            } else {
                agent.act(obs, action);
                noise.sample(eps);
                for (int j = 0; j < act; j++) action[j] = Math.max(-1, Math.min(1, action[j] + eps[j]));
                checkFinite(action);
            }
            // Execute a_t, observe r_t and s_t+1; store (s_t, a_t, r_t, s_t+1) in R.
            StepResult res = env.step(action);
            envStep++;
            boolean episodeEnd = res.last() || res.diverged();
            boolean diverged = res.diverged();
            if (diverged) {
                divergence(res);
            } else {
                replay.add(obs, action, res.reward(), res.discount(), res.observation());
                episodeReturn += res.reward();
                obs = res.observation();
            }
            // Learn: utd updates per env step once enough data is in.
            if (envStep >= algo.learningStarts && replay.size() >= algo.batch) {
                updateCredit += algo.utd;
                while (updateCredit >= 1) {
                    agent.update(replay);
                    updateCredit -= 1;
                    sumCriticLoss += agent.lastCriticLoss();
                    sumActorLoss += agent.lastActorLoss();
                    sumMeanQ += agent.lastMeanQ();
                    updatesSinceRow++;
                }
            }
            boolean evalDue = envStep % run.evalEvery == 0 || envStep == run.steps;
            if (episodeEnd) {
                episode++;
                obs = null;
                if (diverged) {
                    lastTrainReturn = Double.NaN;
                    if (consecutiveDivergences >= run.maxDivergences) {
                        log.sync();
                        throw new Stopped(String.format(Locale.ROOT, "the simulation diverged in %d episodes in a row (last at step %,d; see %s);"
                                + " stopping. The last good checkpoint is intact: resume with --resume %s, or try a smaller --actor-lr/--critic-lr",
                                consecutiveDivergences, envStep, runDir.resolve("divergences.log"), runDir));
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
            if (envStep >= killAfterStep) return null;
            live.tick(envStep, agent.updates(), lastTrainReturn, lastEvalMean);
        }
        live.finish();
        // The run is complete: a final checkpoint (so it can be extended with --resume --steps; unless the periodic
        // one was just taken at this very step: a large replay buffer is not worth writing twice) and the policy.
        if (lastCheckpointStep != envStep) checkpoint(log);
        PolicyFiles.export(runDir, agent.actor(), run.task, envStep);
        if (run.finalGif) writeGif(runDir.resolve("agent.gif"));
        live.message(String.format(Locale.ROOT, "done: %,d steps, %,d episodes, %,d updates; final evaluation %.1f +- %.1f;"
                + " policy in %s", envStep, episode, agent.updates(), lastEvalMean, lastEvalStd, runDir.resolve(PolicyFiles.WEIGHTS)));
        return new Summary(envStep, episode, agent.updates(), lastEvalMean, lastEvalStd, runDir);
    }

    private void checkFinite(double[] action) {
        for (double v : action) {
            if (!Double.isFinite(v)) {
                throw new Stopped(String.format(Locale.ROOT, "the actor produced a non-finite action at step %,d: the networks"
                        + " diverged. The last good checkpoint is intact; try smaller --actor-lr/--critic-lr or --batch-norm", envStep));
            }
        }
    }

    private void divergence(StepResult res) throws IOException {
        consecutiveDivergences++;
        totalDivergences++;
        String line = String.format(Locale.ROOT, "step %d episode %d: simulation diverged (%s); episode ended, training continues",
                envStep, episode, res.divergence());
        Files.writeString(runDir.resolve("divergences.log"), line + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        live.message("warning: " + line);
    }

    private void evaluate() {
        Evaluator.Result r = Evaluator.evaluate(evalEnv, agent::act, run.seed, run.evalEpisodes);
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
            if (!(gifEnv instanceof ddpg.physics.tasks.ControlSuiteEnv cs)) return;
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
        long bytes = log.sync();
        Path p = Checkpoint.save(runDir, envStep, agent, replay, saveState(bytes));
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
        m.put("update_credit", updateCredit);
        m.put("agent_counters", agent.counterState());
        m.put("warmup_rng", explore.state());
        ActionNoise.NoiseState ns = noise.state();
        m.put("noise_rng", ns.rng());
        m.put("noise_values", ns.values());
        m.put("last_train_return", lastTrainReturn);
        m.put("last_eval_mean", lastEvalMean);
        m.put("last_eval_std", lastEvalStd);
        m.put("consecutive_divergences", (long) consecutiveDivergences);
        m.put("total_divergences", totalDivergences);
        m.put("progress_bytes", progressBytes);
        m.put("wall_s", wallSeconds());
        return m;
    }

    private void restoreState(Map<String, Object> m) {
        if (!run.task.equals(m.get("task")))
            throw new IllegalArgumentException("the checkpoint is for task '" + m.get("task") + "', not '" + run.task + "'");
        if (Json.toLong(m.get("format")) != RunConfig.FORMAT)
            throw new IllegalArgumentException("the checkpoint has format " + m.get("format") + " but this ddpg reads format "
                    + RunConfig.FORMAT + "; resume it with the version that wrote it");
        envStep = Json.toLong(m.get("env_step"));
        episode = Json.toLong(m.get("episode"));
        nextCheckpointAt = Json.toLong(m.get("next_checkpoint_at"));
        updateCredit = Json.toDouble(m.get("update_credit"));
        agent.restoreCounterState(Json.toLongArray(m.get("agent_counters")));
        explore.restore(Json.toLongArray(m.get("warmup_rng")));
        noise.restore(new ActionNoise.NoiseState(Json.toLongArray(m.get("noise_rng")), Json.toDoubleArray(m.get("noise_values"))));
        lastTrainReturn = Json.toDouble(m.get("last_train_return"));
        lastEvalMean = Json.toDouble(m.get("last_eval_mean"));
        lastEvalStd = Json.toDouble(m.get("last_eval_std"));
        consecutiveDivergences = (int) Json.toLong(m.get("consecutive_divergences"));
        totalDivergences = Json.toLong(m.get("total_divergences"));
        wallBefore = Json.toDouble(m.get("wall_s"));
        // A longer --steps on resume moves the end; the checkpoint schedule continues from where it was.
        if (run.checkpointEvery == 0) nextCheckpointAt = Long.MAX_VALUE;
    }
}
