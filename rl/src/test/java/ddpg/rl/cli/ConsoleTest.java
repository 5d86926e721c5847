package ddpg.rl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Shared by the command tests: runs {@code Main.dispatch} in-process with stdout and stderr captured, and checks
 * the project's rule for user mistakes (exit 2, exactly one line starting "ddpg: ", no stack trace).
 */
abstract class ConsoleTest {
    protected final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    private PrintStream oldOut, oldErr;

    @BeforeEach
    void captureConsole() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreConsole() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    /** Runs one command line; the buffers then hold only this run's output. */
    protected int run(String... args) {
        out.reset();
        err.reset();
        return Main.dispatch(new ArrayList<>(Arrays.asList(args)));
    }

    protected String outText() {
        return out.toString(StandardCharsets.UTF_8);
    }

    protected String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    protected String lastOutLine() {
        List<String> lines = outText().lines().toList();
        return lines.get(lines.size() - 1);
    }

    /**
     * Trains a tiny cartpole-swingup run of 200 steps into {@code runs} (16-16 networks, learning from step 100, one
     * evaluation episode at the end, no GIF, no TensorBoard; a checkpoint at the end) and returns its folder.
     */
    static Path tinyRun(Path runs) throws IOException {
        int code = Main.dispatch(new ArrayList<>(List.of("--task", "cartpole-swingup", "--steps", "200", "--out", runs.toString(),
                "--hidden", "16,16", "--batch", "16", "--warmup", "100", "--learning-starts", "100", "--eval-every", "200",
                "--eval-episodes", "1", "--checkpoint-every", "0", "--no-gif", "--no-tensorboard")));
        assertEquals(0, code);
        try (Stream<Path> s = Files.list(runs)) {
            return s.findFirst().orElseThrow();
        }
    }

    protected void assertOneLineError(int code, String contains) {
        String e = errText().strip();
        assertEquals(2, code, e);
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("ddpg: ") && e.contains(contains), e);
        assertFalse(e.contains("Exception"), e);
    }
}
