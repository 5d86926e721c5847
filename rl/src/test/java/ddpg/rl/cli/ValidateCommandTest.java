package ddpg.rl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ddpg.jar validate}: shipped oracle by default, or mjref files; exit 0 on pass, 1 on fail, 2 (one line) on bad input. */
class ValidateCommandTest extends ConsoleTest {
    @TempDir
    Path dir;

    /** Real MuJoCo 2.2.2 records (see src/test/resources/validate/README.md), written to a temp file. */
    private List<String> realRecords() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/validate/reacher_transitions.csv")) {
            assertNotNull(in);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private Path write(List<String> lines) throws Exception {
        Path p = dir.resolve("transitions.csv");
        Files.writeString(p, String.join("\n", lines) + "\n");
        return p;
    }

    @Test
    void passesOnRealMujocoRecords() throws Exception {
        assertEquals(0, run("validate", "--model", "reacher", "--transitions", write(realRecords()).toString()));
        assertTrue(lastOutLine().matches("validate reacher: 3 records, worst \\S+ \\S+, PASS"), lastOutLine());
    }

    @Test
    void failsWithExitOneWhenAValueIsWrong() throws Exception {
        List<String> lines = new ArrayList<>(realRecords());
        List<String> header = List.of(lines.get(0).split(","));
        String[] rec = lines.get(2).split(",", -1);
        int c = header.indexOf("qfrc_bias[1]");
        rec[c] = Double.toString(Double.parseDouble(rec[c]) + 1e-3);
        lines.set(2, String.join(",", rec));
        assertEquals(1, run("validate", "--model", "reacher", "--transitions", write(lines).toString()));
        assertTrue(lastOutLine().matches("validate reacher: 3 records, worst qfrc_bias \\S+, FAIL"), lastOutLine());
    }

    @Test
    void fileOfAnotherModelIsOneLine() throws Exception {
        assertOneLineError(run("validate", "--model", "cheetah", "--transitions", write(realRecords()).toString()),
                "written for another model");
    }

    @Test
    void malformedNumberNamesFileAndLine() throws Exception {
        List<String> lines = new ArrayList<>(realRecords());
        lines.set(3, lines.get(3).replaceFirst(",[^,]*$", ",1.2.3"));
        assertOneLineError(run("validate", "--model", "reacher", "--transitions", write(lines).toString()),
                "transitions.csv:4: column 'next_qvel[1]': malformed number '1.2.3'");
    }

    /** Without files: the real-MuJoCo records shipped in the jar (physics' ShippedOracle). */
    @Test
    void defaultValidationOfAModelAndATaskUsesTheShippedOracle() {
        assertEquals(0, run("validate", "--model", "walker"));
        String text = outText();
        for (String f : new String[] {"transitions_seed1", "transitions_seed2", "transitions_seed11", "transitions_seed21"}) {
            assertTrue(text.contains("transitions oracle/walker/" + f + ".csv (model walker, "), text);
        }
        assertTrue(text.contains("rollout oracle/walker/rollout_seed11.csv: 100 steps"), text);
        assertTrue(lastOutLine().matches("validate walker: 304 records in 4 files, 2 rollouts, worst .+, PASS"),
                lastOutLine());

        assertEquals(0, run("validate", "--task", "walker-run"));
        assertTrue(outText().startsWith("validate walker-run: oracle/tasks/walker-run_seed7.csv.gz, 1001 rows"
                + " (reset + 1000 steps)"), outText());
        assertTrue(lastOutLine().matches("validate walker-run: 1001 rows, worst .+, PASS"), lastOutLine());
    }

    /** A user's episode may be gzip-compressed, as the shipped ones are. */
    @Test
    void replaysAGzipCompressedEpisodeFile() throws Exception {
        Path episode = dir.resolve("episode_0.csv.gz");
        try (InputStream in = getClass().getResourceAsStream("/ddpg/physics/oracle/tasks/cartpole-balance_seed7.csv.gz")) {
            assertNotNull(in);
            Files.copy(in, episode);
        }
        assertEquals(0, run("validate", "--task", "cartpole-balance", "--episode", episode.toString()));
        assertTrue(lastOutLine().matches("validate cartpole-balance: 1001 rows, worst .+, PASS"), lastOutLine());
    }

    @Test
    void validateAloneRunsEveryShippedModelAndTask() {
        assertEquals(0, run("validate"));
        assertEquals("validate: 5 models, 11 tasks, PASS", lastOutLine());
        assertTrue(outText().contains("  validate humanoid-run: 1001 rows, worst "), outText());
        assertTrue(outText().contains("  validate cartpole: 364 records in 4 files, 1 rollout, worst "), outText());
    }

    @Test
    void helpSaysWhatRunsByDefault() {
        assertEquals(0, run("validate", "--help"));
        String help = outText().replaceAll("\\s+", " ");
        assertTrue(help.contains("Without --transitions: the model's shipped MuJoCo records"), help);
        assertTrue(help.contains("Without --episode: the task's shipped MuJoCo episode (seed 7: the reset and all 1000"
                + " control steps)"), help);
        assertTrue(help.contains("what 'validate' without options does"), help);
    }

    @Test
    void defaultValidationMistakesAreOneLine() throws Exception {
        Path xml = dir.resolve("mine.xml");
        Files.writeString(xml, "<mujoco><worldbody><body><joint type=\"hinge\"/><geom size=\".1\"/></body>"
                + "</worldbody></mujoco>");
        assertOneLineError(run("validate", "--model", xml.toString()), "missing --transitions");
        assertOneLineError(run("validate", "--model", "reachr"), "unknown model 'reachr'");
        assertOneLineError(run("validate", "--model", "reacher", "--rollout", xml.toString()),
                "--rollout needs --transitions");
        assertOneLineError(run("validate", "--task", "walker-rn"), "did you mean 'walker-run'");
        assertOneLineError(run("validate", "--task", "walker-run", "--model", "walker"), "--task replays an episode");
        assertOneLineError(run("validate", "--all", "--model", "walker"), "--all runs every shipped file");
        assertOneLineError(run("validate", "walker"), "unexpected argument 'walker'");
    }

    @Test
    void missingFileIsOneLine() {
        assertOneLineError(run("validate", "--model", "reacher", "--transitions", dir.resolve("nope.csv").toString()),
                "no such file");
    }

    @Test
    void unknownModelIsOneLine() throws Exception {
        assertOneLineError(run("validate", "--model", "reachr", "--transitions", write(realRecords()).toString()),
                "unknown model 'reachr'");
    }
}
