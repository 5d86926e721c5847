package ddpg.rl.train;

import ddpg.engine.io.Json;
import ddpg.rl.ddpg.DdpgConfig;
import ddpg.rl.settings.ConfigJson;
import ddpg.rl.settings.Setting.Section;
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
        Map<String, Object> m = ConfigJson.fields(Section.TOP, run, agent);
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
        m.put(Section.RUN.key(), ConfigJson.fields(Section.RUN, run, agent));
        m.put(Section.AGENT.key(), ConfigJson.fields(Section.AGENT, run, agent));
        return m;
    }

    public void write(Path file, int obsSize, int actSize) throws IOException {
        AtomicFiles.writeString(file, Json.write(toMap(obsSize, actSize)));
    }

    /** Reads a config.json written by {@link #write}; a missing or malformed file is an IllegalArgumentException. */
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
            DdpgConfig a = new DdpgConfig();
            ConfigJson.read(Section.TOP, m, r, a);
            ConfigJson.read(Section.RUN, section(m, Section.RUN), r, a);
            ConfigJson.read(Section.AGENT, section(m, Section.AGENT), r, a);
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> config, Section section) {
        if (config.get(section.key()) instanceof Map<?, ?> m) return (Map<String, Object>) m;
        throw new IllegalArgumentException("no '" + section.key() + "' section");
    }
}
