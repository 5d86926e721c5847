package ddpg.rl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
 * With {@code redirectErrorStream(true)} everything is in {@link Result#out()}; with output redirected to a file,
 * the captured text is empty and the file holds it.
 */
public final class ChildProcess implements AutoCloseable {
    /** How a child ended: its exit code and everything it wrote. */
    public record Result(int exit, String out, String err) {}

    /** How long, after the child exited, to wait for a grandchild that still holds its output pipe. */
    private static final long DRAIN_SECONDS = 5;

    private final Process process;
    private final List<ProcessHandle> seen = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    private final Thread outReader, errReader;

    private ChildProcess(Process process) {
        this.process = process;
        this.outReader = drain(process.getInputStream(), out, "stdout");
        this.errReader = drain(process.getErrorStream(), err, "stderr");
    }

    /** Starts the child with its stdin closed (nothing to read: a read returns end of file at once). */
    public static ChildProcess start(ProcessBuilder pb) throws IOException {
        ChildProcess c = new ChildProcess(pb.start());
        c.process.getOutputStream().close();
        return c;
    }

    /** Starts the child and waits for it, for at most {@code timeoutSeconds} (see {@link #await}). */
    public static Result run(ProcessBuilder pb, long timeoutSeconds) throws IOException, InterruptedException {
        try (ChildProcess c = start(pb)) {
            return c.await(timeoutSeconds);
        }
    }

    private Thread drain(InputStream in, ByteArrayOutputStream sink, String name) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    synchronized (sink) {
                        sink.write(buf, 0, n);
                    }
                }
            } catch (IOException e) {
                // the stream was closed under us (the child was killed): what was read is kept
            }
        }, "child-" + process.pid() + "-" + name);
        t.setDaemon(true); // never keeps the test JVM alive
        t.start();
        return t;
    }

    public Process process() {
        return process;
    }

    /** Everything the child has written to stdout so far. */
    public String outSoFar() {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** Everything the child has written to stderr so far. */
    public String errSoFar() {
        synchronized (err) {
            return err.toString(StandardCharsets.UTF_8);
        }
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
            remember();
            if (System.nanoTime() >= deadline) {
                killTree();
                throw new AssertionError("child process " + String.join(" ", process.info().command().orElse("?"))
                        + " did not finish within " + timeoutSeconds + " s and was killed with its descendants;\nstdout:\n"
                        + outSoFar() + "\nstderr:\n" + errSoFar());
            }
        }
        // A grandchild may still hold the pipes (e.g. a launcher's relaunched JVM): wait a little, then stop reading.
        outReader.join(TimeUnit.SECONDS.toMillis(DRAIN_SECONDS));
        errReader.join(TimeUnit.SECONDS.toMillis(DRAIN_SECONDS));
        if (outReader.isAlive() || errReader.isAlive()) killRemembered();
        return new Result(process.exitValue(), outSoFar(), errSoFar());
    }

    private void remember() {
        process.descendants().forEach(h -> {
            if (!seen.contains(h)) seen.add(h);
        });
    }

    /** Kills the child and every descendant (SIGKILL), and waits a few seconds for them to be gone. */
    public void killTree() throws InterruptedException {
        remember();
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
}
