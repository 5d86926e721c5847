package ddpg.rl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    protected void assertOneLineError(int code, String contains) {
        String e = errText().strip();
        assertEquals(2, code, e);
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("ddpg: ") && e.contains(contains), e);
        assertFalse(e.contains("Exception"), e);
    }
}
