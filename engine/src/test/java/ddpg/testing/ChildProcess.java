package ddpg.testing;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child process for tests that can never hang the build. Its stdout and stderr are drained on background threads
 * from the start (so a chatty child never blocks on a full pipe, and reading never waits for an end of file that a
 * hung child, or a grandchild holding the pipe, would never send), and waiting is always bounded: past the timeout
 * the whole process tree is killed and the test fails with the output so far.
 * <pre>
 *   ChildProcess.Result r = ChildProcess.run(new ProcessBuilder(java, "-cp", cp, Main.class.getName(), "version"), 60);
 *   assertEquals(0, r.exit(), r.err());
 *
 *   try (ChildProcess p = ChildProcess.start(builder)) {   // a test that interacts with the child meanwhile
 *       ...
 *       ChildProcess.Result r = p.await(120);
 *   }                                                      // close(): anything still running is killed
 * </pre>
 * With {@code redirectErrorStream(true)} everything is in {@link Result#out()}. With a stream redirected to a file,
 * the text is read back from that file, so a timeout still shows what the child wrote.
 *
 * <p>Shared by every module's tests: engine publishes this package as its test-jar.
 */
public final class ChildProcess implements AutoCloseable {
    /** How a child ended: its exit code and everything it wrote. */
    public record Result(int exit, String out, String err) {}

    /** How long, after the child exited, to wait for a grandchild that still holds its output pipe. */
    private static final long DRAIN_SECONDS = 5;

    private final Process process;
    private final String command;
    private final List<ProcessHandle> seen = new ArrayList<>();
    private final Output out, err;

    private ChildProcess(Process process, ProcessBuilder pb) {
        this.process = process;
        this.command = String.join(" ", pb.command());
        this.out = new Output(process.getInputStream(), pb.redirectOutput().file(), process.pid() + "-stdout");
        this.err = new Output(process.getErrorStream(), pb.redirectError().file(), process.pid() + "-stderr");
    }

    /** Starts the child with its stdin closed (nothing to read: a read returns end of file at once). */
    public static ChildProcess start(ProcessBuilder pb) throws IOException {
        ChildProcess c = new ChildProcess(pb.start(), pb);
        c.process.getOutputStream().close();
        return c;
    }

    /** Starts the child and waits for it, for at most {@code timeoutSeconds} (see {@link #await}). */
    public static Result run(ProcessBuilder pb, long timeoutSeconds) throws IOException, InterruptedException {
        try (ChildProcess c = start(pb)) {
            return c.await(timeoutSeconds);
        }
    }

    public Process process() {
        return process;
    }

    /** Everything the child has written to stdout so far. */
    public String outSoFar() {
        return out.text();
    }

    /** Everything the child has written to stderr so far. */
    public String errSoFar() {
        return err.text();
    }

    /**
     * The child's descendants now. They are remembered, so {@link #close} kills them even after the child is gone
     * (an orphan can no longer be found through its dead parent).
     */
    public List<ProcessHandle> descendants() {
        List<ProcessHandle> now = process.descendants().toList();
        for (ProcessHandle h : now) if (!seen.contains(h)) seen.add(h);
        return now;
    }

    /**
     * Waits at most {@code timeoutSeconds} for the child to exit and returns its exit code and output. Past the
     * timeout the child and all its descendants are killed and an {@link AssertionError} with the output so far is
     * thrown.
     */
    public Result await(long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        // Poll, remembering the descendants: once the child is gone its orphans can no longer be found through it.
        while (!process.waitFor(Math.min(200, Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))),
                TimeUnit.MILLISECONDS)) {
            descendants();
            if (System.nanoTime() >= deadline) {
                killTree();
                throw new AssertionError("child process " + command + " did not finish within " + timeoutSeconds
                        + " s and was killed with its descendants;\nstdout:\n" + outSoFar() + "\nstderr:\n" + errSoFar());
            }
        }
        // A grandchild may still hold the pipes (e.g. a launcher's relaunched JVM): wait a little, then stop reading.
        boolean outEnded = out.awaitEnd(DRAIN_SECONDS), errEnded = err.awaitEnd(DRAIN_SECONDS);
        if (!outEnded || !errEnded) killRemembered();
        return new Result(process.exitValue(), outSoFar(), errSoFar());
    }

    /** Kills the child and every descendant (SIGKILL), and waits a few seconds for them to be gone. */
    public void killTree() throws InterruptedException {
        descendants();
        process.destroyForcibly();
        killRemembered();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private void killRemembered() throws InterruptedException {
        for (ProcessHandle h : seen) h.destroyForcibly();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (ProcessHandle h : seen) {
            while (h.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
        }
    }

    /** Kills whatever is still running (for try-with-resources around a test that failed half-way). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive() || seen.stream().anyMatch(ProcessHandle::isAlive)) killTree();
    }

    /** One output stream of the child: drained from its pipe, or read back from the file it was redirected to. */
    private static final class Output {
        private final File file;
        private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        private final Thread reader;

        Output(InputStream pipe, File file, String name) {
            this.file = file;
            this.reader = new Thread(() -> drain(pipe), "child-" + name);
            reader.setDaemon(true); // never keeps the test JVM alive
            reader.start();
        }

        private void drain(InputStream pipe) {
            byte[] buf = new byte[8192];
            try (pipe) {
                for (int n; (n = pipe.read(buf)) >= 0; ) {
                    synchronized (captured) {
                        captured.write(buf, 0, n);
                    }
                }
            } catch (IOException e) {
                // the stream was closed under us (the child was killed): what was read is kept
            }
        }

        /** Whether the pipe reached its end within the time (a redirected stream's pipe ends at once). */
        boolean awaitEnd(long seconds) throws InterruptedException {
            reader.join(TimeUnit.SECONDS.toMillis(seconds));
            return !reader.isAlive();
        }

        String text() {
            if (file != null) {
                try {   // bytes, not readString: a child's malformed UTF-8 must not hide the rest of its output
                    return file.exists() ? new String(Files.readAllBytes(file.toPath()), StandardCharsets.UTF_8) : "";
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            synchronized (captured) {
                return captured.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
