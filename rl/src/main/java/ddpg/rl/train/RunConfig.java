package ddpg.rl.train;

import ddpg.rl.ddpg.DdpgConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's {@code config.json}: every setting of the run and of the algorithm, plus the facts needed to reproduce it
 * (project version, checkpoint format, JDK, kernel species, environment sizes). {@code --resume} reads it back.
 */
public final class RunConfig {
    /** Bumped whenever the checkpoint layout changes; a run with another format cannot be resumed. */
    public static final int FORMAT = 1;

    public final RunSettings run;
    public final DdpgConfig agent;
    public final String version;
    public final int format;
    /**
     * The kernel paths this run has used before, oldest first (e.g. "simd512 (FloatVector S_512_BIT, 16 lanes)",
     * "scalar"): every path gives the same bits, so a run may resume on another one, and config.json keeps the
     * list under "kernels_history", with the path in use now appended when it differs from the last.
     */
    public final List<String> kernelsHistory = new ArrayList<>();

    public RunConfig(RunSettings run, DdpgConfig agent, String version) {
        this(run, agent, version, FORMAT);
    }

    private RunConfig(RunSettings run, DdpgConfig agent, String version, int format) {
        this.run = run;
        this.agent = agent;
        this.version = version;
        this.format = format;
    }

    /** The JSON object, in a readable order: facts, run settings, algorithm settings. */
    public Map<String, Object> toMap(int obsSize, int actSize) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", run.task);
        m.put("version", version);
        m.put("commit", BuildInfo.commit());
        m.put("format", (long) format);
        m.put("jdk", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        String kernels = ddpg.engine.kernels.Kernels.description();
        m.put("kernels", kernels);
        List<String> history = new ArrayList<>(kernelsHistory);
        if (history.isEmpty() || !history.get(history.size() - 1).equals(kernels)) history.add(kernels);
        m.put("kernels_history", history);
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("cpus", (long) Runtime.getRuntime().availableProcessors());
        m.put("obs_size", (long) obsSize);
        m.put("act_size", (long) actSize);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("steps", run.steps);
        r.put("seed", run.seed);
        r.put("out", run.out);
        r.put("eval_every", run.evalEvery);
        r.put("eval_episodes", (long) run.evalEpisodes);
        r.put("checkpoint_every", run.checkpointEvery);
        r.put("threads", (long) run.threads);
        r.put("preset", run.preset);
        r.put("max_divergences", (long) run.maxDivergences);
        r.put("log_every", run.logEvery);
        r.put("gif_every", run.gifEvery);
        r.put("final_gif", run.finalGif);
        r.put("gif_steps", run.gifSteps);
        r.put("tensorboard", run.tensorboard);
        m.put("run", r);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("hidden", agent.hidden);
        a.put("batch_norm", agent.batchNorm);
        a.put("action_layer", (long) agent.actionLayer);
        a.put("final_init", agent.finalInit);
        a.put("actor_lr", agent.actorLr);
        a.put("critic_lr", agent.criticLr);
        a.put("critic_l2", agent.criticL2);
        a.put("gamma", agent.gamma);
        a.put("tau", agent.tau);
        a.put("batch", (long) agent.batch);
        a.put("utd", agent.utd);
        a.put("buffer", (long) agent.buffer);
        a.put("warmup", agent.warmup);
        a.put("learning_starts", agent.learningStarts);
        a.put("noise", agent.noise);
        a.put("noise_sigma", agent.noiseSigma);
        a.put("ou_theta", agent.ouTheta);
        a.put("ou_dt", agent.ouDt);
        m.put("agent", a);
        return m;
    }

    public void write(Path file, int obsSize, int actSize) throws IOException {
        AtomicFiles.writeString(file, Json.write(toMap(obsSize, actSize)));
    }

    /** Reads a config.json written by {@link #write}; a missing or malformed file is an IllegalArgumentException. */
    @SuppressWarnings("unchecked")
    public static RunConfig read(Path file) {
        Map<String, Object> m;
        try {
            m = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + " (" + e.getMessage() + "); is this a run folder?");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
        try {
            RunSettings r = new RunSettings();
            r.task = (String) m.get("task");
            Map<String, Object> rm = (Map<String, Object>) m.get("run");
            r.steps = Json.toLong(rm.get("steps"));
            r.seed = Json.toLong(rm.get("seed"));
            r.out = (String) rm.get("out");
            r.evalEvery = Json.toLong(rm.get("eval_every"));
            r.evalEpisodes = (int) Json.toLong(rm.get("eval_episodes"));
            r.checkpointEvery = Json.toLong(rm.get("checkpoint_every"));
            r.threads = (int) Json.toLong(rm.get("threads"));
            r.preset = (String) rm.get("preset");
            r.maxDivergences = (int) Json.toLong(rm.get("max_divergences"));
            r.logEvery = Json.toDouble(rm.get("log_every"));
            r.gifEvery = rm.containsKey("gif_every") ? Json.toLong(rm.get("gif_every")) : 0;
            r.finalGif = !rm.containsKey("final_gif") || (Boolean) rm.get("final_gif");
            r.gifSteps = rm.containsKey("gif_steps") ? Json.toLong(rm.get("gif_steps")) : 0;
            r.tensorboard = !rm.containsKey("tensorboard") || (Boolean) rm.get("tensorboard");
            DdpgConfig a = new DdpgConfig();
            Map<String, Object> am = (Map<String, Object>) m.get("agent");
            a.hidden = Json.toIntArray(am.get("hidden"));
            a.batchNorm = (Boolean) am.get("batch_norm");
            a.actionLayer = (int) Json.toLong(am.get("action_layer"));
            a.finalInit = Json.toDouble(am.get("final_init"));
            a.actorLr = Json.toDouble(am.get("actor_lr"));
            a.criticLr = Json.toDouble(am.get("critic_lr"));
            a.criticL2 = Json.toDouble(am.get("critic_l2"));
            a.gamma = Json.toDouble(am.get("gamma"));
            a.tau = Json.toDouble(am.get("tau"));
            a.batch = (int) Json.toLong(am.get("batch"));
            a.utd = Json.toDouble(am.get("utd"));
            a.buffer = (int) Json.toLong(am.get("buffer"));
            a.warmup = Json.toLong(am.get("warmup"));
            a.learningStarts = Json.toLong(am.get("learning_starts"));
            a.noise = (String) am.get("noise");
            a.noiseSigma = Json.toDouble(am.get("noise_sigma"));
            a.ouTheta = Json.toDouble(am.get("ou_theta"));
            a.ouDt = Json.toDouble(am.get("ou_dt"));
            Object fmt = m.get("format");
            RunConfig c = new RunConfig(r, a, String.valueOf(m.get("version")), fmt == null ? -1 : (int) Json.toLong(fmt));
            if (m.get("kernels_history") instanceof List<?> h) for (Object k : h) c.kernelsHistory.add((String) k);
            else if (m.get("kernels") instanceof String k) c.kernelsHistory.add(k);
            return c;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " is missing settings or has wrong types (" + e.getMessage()
                    + "); it was not written by this version of ddpg");
        }
    }
}
