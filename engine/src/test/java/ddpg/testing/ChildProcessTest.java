package ddpg.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link ChildProcess}: output captured from both streams, never a hang, never a child left running. */
@Timeout(120)
class ChildProcessTest {
    /** The hung JVM of {@link #aJvmThatSleepsForeverIsKilledAtTheTimeoutAndFailsWithItsOutput}: says so, then sleeps. */
    public static void main(String[] args) throws InterruptedException {
        System.out.println("asleep for ever");
        Thread.sleep(Long.MAX_VALUE);
    }

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

    /** What a hung test JVM child looks like: the wait ends at the timeout with a failure that shows its output. */
    @Test
    void aJvmThatSleepsForeverIsKilledAtTheTimeoutAndFailsWithItsOutput() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ChildProcess p = ChildProcess.start(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ChildProcessTest.class.getName()));
        long startUpDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!p.outSoFar().contains("asleep") && System.nanoTime() < startUpDeadline) Thread.sleep(20);
        long t0 = System.nanoTime();
        AssertionError e = assertThrows(AssertionError.class, () -> p.await(2));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds >= 2 && seconds < 30, "returned after " + seconds + " s");
        assertTrue(e.getMessage().startsWith("child process " + java + " -cp "), "names the command: " + e.getMessage());
        assertTrue(e.getMessage().contains("did not finish within 2 s and was killed with its descendants"), e.getMessage());
        assertTrue(e.getMessage().contains("stdout:\nasleep for ever\n"), e.getMessage());
        assertFalse(p.process().isAlive(), "the JVM was killed");
    }

    /** Output that went to a file rather than a pipe is still in the failure. */
    @Test
    void aTimeoutShowsOutputRedirectedToAFile(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("child.log");
        ChildProcess p = ChildProcess.start(sh("echo started; exec sleep 300").redirectErrorStream(true)
                .redirectOutput(log.toFile()));
        AssertionError e = assertThrows(AssertionError.class, () -> p.await(2));
        assertTrue(e.getMessage().contains("stdout:\nstarted\n"), e.getMessage());
        assertFalse(p.process().isAlive());
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
