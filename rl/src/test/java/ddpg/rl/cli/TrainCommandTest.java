package ddpg.rl.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The train and eval commands: every option documented, user mistakes are one line and exit 2, a tiny real run. */
class TrainCommandTest extends ConsoleTest {
    @TempDir Path tmp;

    private void assertUserError(String contains, String... args) {
        assertOneLineError(run(args), contains);
    }

    private long filesUnder(Path p) throws IOException {
        if (!Files.exists(p)) return 0;
        try (Stream<Path> s = Files.walk(p)) {
            return s.count();
        }
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        assertEquals(0, run("train", "--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String name : new TrainCommand().optionNames()) {
            assertTrue(help.contains("--" + name), name);
        }
        // Every option but the flags and --task/--resume names its default.
        for (org.apache.commons.cli.Option o : new TrainCommand().options().getOptions()) {
            String d = o.getDescription();
            if (!o.getLongOpt().equals("task") && !o.getLongOpt().equals("resume"))
                assertTrue(d.contains("default"), o.getLongOpt() + ": " + d);
        }
        assertTrue(help.replaceAll("\\s+", " ").contains("paper preset 400,300"), help);
    }

    @Test
    void mistakesAreOneLineAndWriteNothing() throws IOException {
        Path runs = tmp.resolve("runs");
        String o = runs.toString();
        assertUserError("did you mean 'walker-run'?", "--task", "walker-rnu", "--out", o);
        assertUserError("--steps must be >= 0", "--task", "walker-run", "--steps", "-5", "--out", o);
        assertUserError("--tau must be in (0, 1]", "--task", "walker-run", "--tau", "0", "--out", o);
        assertUserError("--tau must be in (0, 1]", "--task", "walker-run", "--tau", "1.5", "--out", o);
        assertUserError("larger than the replay buffer", "--task", "walker-run", "--batch", "500", "--buffer", "100", "--out", o);
        assertUserError("did you mean 'paper'?", "--task", "walker-run", "--preset", "papr", "--out", o);
        assertUserError("--noise must be 'gaussian' or 'ou'", "--task", "walker-run", "--noise", "pink", "--out", o);
        assertUserError("--gif-steps must be >= 0", "--task", "walker-run", "--gif-steps", "-1", "--out", o);
        assertUserError("--steps expects a whole number", "--task", "walker-run", "--steps", "lots", "--out", o);
        assertUserError("no task given", "--steps", "10", "--out", o);
        assertEquals(0, filesUnder(runs), "nothing written for a rejected command");
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertUserError("choose another with --out", "--task", "cartpole-swingup", "--out", file.resolve("sub").toString());
        assertEquals("x", Files.readString(file));
    }

    @Test
    void resumeMistakes() throws IOException {
        assertUserError("does not exist", "--resume", tmp.resolve("nope").toString());
        Path notRun = Files.createDirectories(tmp.resolve("empty"));
        assertUserError("not a run folder", "--resume", notRun.toString());
    }

    @Test
    void aTinyRunTrainsEvaluatesResumesAndRefusesAnotherTask() throws IOException {
        Path runs = tmp.resolve("runs");
        String[] common = {"--out", runs.toString(), "--hidden", "16,16", "--batch", "16", "--warmup", "100",
                "--learning-starts", "100", "--eval-every", "200", "--eval-episodes", "1", "--checkpoint-every", "100", "--gif-steps", "5"};
        List<String> args = new ArrayList<>(List.of("--task", "cartpole-swingup", "--steps", "200"));
        args.addAll(List.of(common));
        assertEquals(0, run(args.toArray(new String[0])), err.toString(StandardCharsets.UTF_8));
        Path dir;
        try (Stream<Path> s = Files.list(runs)) {
            dir = s.findFirst().orElseThrow();
        }
        assertTrue(dir.getFileName().toString().matches("cartpole-swingup-s1-\\d{8}-\\d{6}"), dir.toString());
        String config = Files.readString(dir.resolve("config.json"));
        for (String key : new String[] {"\"version\"", "\"jdk\"", "\"kernels\"", "\"tau\"", "\"hidden\"", "\"seed\""})
            assertTrue(config.contains(key), key);
        assertTrue(Files.isRegularFile(dir.resolve("actor.safetensors")));
        byte[] gif = Files.readAllBytes(dir.resolve("agent.gif"));   // the final policy, filmed by default
        assertEquals("GIF89a", new String(gif, 0, 6, StandardCharsets.US_ASCII));

        assertEquals(0, run("eval", "--run", dir.toString(), "--episodes", "1"), err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("cartpole-swingup: "), out.toString(StandardCharsets.UTF_8));

        assertUserError("that run is for task cartpole-swingup", "--resume", dir.toString(), "--task", "walker-run");
        assertUserError("cannot be changed when resuming", "--resume", dir.toString(), "--tau", "0.1");
        String cfg = Files.readString(dir.resolve("config.json"));
        Files.writeString(dir.resolve("config.json"), cfg.replace("\"format\": 1", "\"format\": 99"));
        assertUserError("format 99", "--resume", dir.toString());
        Files.writeString(dir.resolve("config.json"), cfg);

        // Extending the finished run by 100 steps continues from its final checkpoint.
        assertEquals(0, run("--resume", dir.toString(), "--steps", "300"), err.toString(StandardCharsets.UTF_8));
        List<String> rows = Files.readAllLines(dir.resolve("progress.csv"));
        assertTrue(rows.get(rows.size() - 1).startsWith("300,"), rows.toString());
    }
}
