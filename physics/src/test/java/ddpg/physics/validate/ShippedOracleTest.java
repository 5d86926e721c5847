package ddpg.physics.validate;

import static org.junit.jupiter.api.Assertions.*;

import ddpg.physics.env.Tasks;
import ddpg.physics.mjcf.Models;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The oracle set shipped in the jar (src/main/resources/ddpg/physics/oracle): what {@code ddpg.jar validate} runs
 * without a file. Every shipped model file but {@code <model>/transitions_seed21.csv} is a byte-identical copy of a
 * test fixture, so the tight per-model bounds of the oracle tests hold for it too; the seed-21 files are read in place
 * by the per-stage tests (PipelineFixtures.transitionSets) with the same bounds. Each shipped task episode is the whole
 * mjref episode whose first rows are the test fixture, byte for byte once decompressed. Here the command's own
 * criteria must pass for every model and task.
 */
class ShippedOracleTest {
    /** Shipped file -> the test fixture it copies (the provenance in the README beside the shipped files). */
    static Map<String, String> copies() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String model : Models.NAMES) {
            m.put(model + "/transitions_seed1.csv", "/oracle/" + model + "/constraints_transitions.csv");
            m.put(model + "/transitions_seed2.csv", "/oracle/" + model + "/constraints_own_seed2.csv");
            m.put(model + "/transitions_seed11.csv", "/pipeline/" + model + "/transitions.csv");
            m.put(model + "/rollout_seed11.csv", "/pipeline/" + model + "/rollout_0.csv");
            if (!model.equals("cartpole") && !model.equals("reacher")) {
                m.put(model + "/rollout_seed1.csv", "/oracle/" + model + "/constraints_rollout_head.csv");
            }
        }
        return m;
    }

    private static byte[] bytes(String resource) throws Exception {
        try (InputStream in = ShippedOracleTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return in.readAllBytes();
        }
    }

    @Test
    void everyShippedFileIsAnUnchangedCopyOfAFixture() throws Exception {
        int files = 0;
        for (Map.Entry<String, String> e : copies().entrySet()) {
            assertArrayEquals(bytes(e.getValue()), bytes(ShippedOracle.ROOT + e.getKey()), e.getKey());
            files++;
        }
        assertEquals(5 * 4 + 3, files);
        for (String model : Models.NAMES) {
            assertEquals(4, ShippedOracle.transitionFiles(model).size(), model);
            assertEquals(model.equals("cartpole") || model.equals("reacher") ? 1 : 2,
                    ShippedOracle.rolloutFiles(model).size(), model);
        }
    }

    /**
     * The shipped episode is one whole mjref episode (reset row, then control steps 0..999 chained state to state)
     * that begins with the test fixture's text exactly, and whose rewards sum to the return mjref recorded for the
     * full episode in the fixture's task_info.txt (same order of additions, so the same double).
     */
    @Test
    void everyShippedEpisodeIsTheWholeEpisodeTheFixtureBeginsWith() throws Exception {
        for (String task : Tasks.names()) {
            byte[] fixture = bytes("/tasks/" + task + "/episode_0.csv");
            byte[] shipped;
            try (InputStream in = new GZIPInputStream(ShippedOracleTest.class.getResourceAsStream(
                    ShippedOracle.episodeFile(task)))) {
                shipped = in.readAllBytes();
            }
            assertTrue(shipped.length > 4 * fixture.length, task);
            assertArrayEquals(fixture, Arrays.copyOf(shipped, fixture.length), task);

            EpisodeCsv e = EpisodeCsv.resource(ShippedOracle.episodeFile(task));
            assertEquals(1 + 1000, e.rows.size(), task);
            double sum = 0;
            for (int k = 0; k < e.rows.size(); k++) {
                EpisodeCsv.Row row = e.rows.get(k);
                assertEquals(k - 1, row.t(), task);
                if (k > 0) {
                    EpisodeCsv.Row prev = e.rows.get(k - 1);
                    assertArrayEquals(prev.nextQpos(), row.qpos(), task + " t=" + row.t());
                    assertArrayEquals(prev.nextQvel(), row.qvel(), task + " t=" + row.t());
                    sum += row.reward();
                }
            }
            assertEquals(recordedReturn(task), sum, 0.0, task);
        }
    }

    /** "episode 0: seed=7 return=29.251608151716582 ..." of the fixture's task_info.txt. */
    private static double recordedReturn(String task) throws Exception {
        String info = new String(bytes("/tasks/" + task + "/task_info.txt"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^episode 0: seed=7 return=(\\S+) ").matcher(info);
        assertTrue(m.find(), info);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void everyModelPassesOnItsShippedFiles() {
        Map<String, Integer> records = Map.of("cartpole", 364, "reacher", 360, "cheetah", 304, "walker", 304,
                "humanoid", 93);
        for (String model : Models.NAMES) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            ShippedOracle.Result r = ShippedOracle.validateModel(model, new PrintStream(buf, true,
                    StandardCharsets.UTF_8));
            String text = buf.toString(StandardCharsets.UTF_8);
            assertTrue(r.pass(), text);
            assertEquals(records.get(model), r.records(), model);
            List<String> lines = text.lines().toList();
            assertEquals(r.summary(), lines.get(lines.size() - 1));
            assertTrue(r.summary().matches("validate " + model + ": \\d+ records in 4 files, (1 rollout|2 rollouts), worst "
                    + ".+ \\(oracle/" + model + "/transitions_seed\\d+\\.csv\\), PASS"), r.summary());
            assertTrue(text.contains("transitions oracle/" + model + "/transitions_seed11.csv (model " + model),
                    text);
        }
    }

    @Test
    void everyTaskPassesOnItsShippedEpisode() {
        for (String task : Tasks.names()) {
            TaskValidator.Result r = ShippedOracle.validateTask(task, null);
            assertTrue(r.pass(), r.summary());
            assertEquals(1001, r.rows(), task);
            assertEquals("oracle/tasks/" + task + "_seed7.csv.gz", r.source());
        }
        assertEquals(ShippedOracle.ROOT + "tasks/walker-run_seed7.csv.gz", ShippedOracle.episodeFile(" Walker-Run"));
    }

    @Test
    void modelsWithoutAShippedOracleAreOneLineErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShippedOracle.transitionFiles("ant.xml"));
        assertEquals("no shipped oracle for model 'ant.xml' (there is one for cartpole, reacher, cheetah, walker, "
                + "humanoid); give the mjref file with --transitions FILE", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ShippedOracle.episodeFile("walker-rn"));
    }
}
