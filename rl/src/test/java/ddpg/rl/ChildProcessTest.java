package ddpg.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link ChildProcess}: output captured from both streams, never a hang, never a child left running. */
@Timeout(120)
class ChildProcessTest {
    @BeforeEach
    void needsAShell() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
    }

    private static ProcessBuilder sh(String script) {
        return new ProcessBuilder("/bin/sh", "-c", script);
    }

    private static boolean alive(long pid) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        return h.isPresent() && h.get().isAlive();
    }

    @Test
    void exitCodeAndBothStreams() throws Exception {
        ChildProcess.Result r = ChildProcess.run(sh("echo hello; echo oops >&2; exit 3"), 30);
        assertEquals(3, r.exit());
        assertEquals("hello\n", r.out());
        assertEquals("oops\n", r.err());
    }

    /** 2 MB on stderr before anything on stdout: reading stdout to its end first would deadlock on the full pipe. */
    @Test
    void aChattyChildDoesNotBlockOnAFullPipe() throws Exception {
        ChildProcess.Result r = ChildProcess.run(sh("head -c 2000000 /dev/zero | tr '\\0' b >&2; head -c 2000000 /dev/zero | tr '\\0' a"), 60);
        assertEquals(0, r.exit(), r.err().length() + " bytes on stderr");
        assertEquals(2_000_000, r.out().length());
        assertEquals(2_000_000, r.err().length());
    }

    @Test
    void aHungChildIsKilledWithItsDescendantsAtTheTimeout() throws Exception {
        long t0 = System.nanoTime();
        ChildProcess p = ChildProcess.start(sh("sleep 300 & echo $!; wait"));
        AssertionError e = assertThrows(AssertionError.class, () -> p.await(2));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds < 30, "returned after " + seconds + " s");
        assertTrue(e.getMessage().contains("did not finish within 2 s"), e.getMessage());
        long sleepPid = Long.parseLong(p.outSoFar().strip());
        assertTrue(e.getMessage().contains(Long.toString(sleepPid)), "the output so far is in the message: " + e.getMessage());
        assertFalse(p.process().isAlive(), "the shell was killed");
        assertFalse(alive(sleepPid), "its child sleep was killed too");
    }

    /** The child exits but a grandchild keeps its stdout open: the result still comes back within seconds. */
    @Test
    void aGrandchildHoldingThePipeDoesNotHoldTheTest() throws Exception {
        long t0 = System.nanoTime();
        ChildProcess.Result r;
        try (ChildProcess p = ChildProcess.start(sh("sleep 300 & echo $!; exit 0"))) {
            r = p.await(30);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long sleepPid = Long.parseLong(r.out().strip());
        ProcessHandle.of(sleepPid).ifPresent(ProcessHandle::destroyForcibly); // ours, in case it outlived its shell
        assertEquals(0, r.exit());
        assertTrue(seconds < 20, "returned after " + seconds + " s");
    }

    @Test
    void closeKillsAChildThatIsStillRunning() throws Exception {
        ChildProcess p = ChildProcess.start(sh("exec sleep 300"));
        long pid = p.process().pid();
        p.close();
        assertFalse(alive(pid));
    }
}
