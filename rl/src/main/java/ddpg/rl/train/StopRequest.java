package ddpg.rl.train;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stopping a run cleanly on Ctrl-C, SIGTERM or SIGHUP: the shutdown hook {@link #request}s a stop, the training loop
 * sees it at the next episode end, writes a checkpoint there and returns; the command then reports
 * {@link #finished}, which the hook waits for (bounded) before the JVM exits.
 */
public final class StopRequest {
    /** How long a signal waits for the current episode to end and its checkpoint to be written. */
    public static final long WAIT_SECONDS = 60;

    private volatile boolean requested;
    private final CountDownLatch finished = new CountDownLatch(1);

    public void request() {
        requested = true;
    }

    public boolean requested() {
        return requested;
    }

    /** Called once the run has stopped (or ended) and said what to do next. */
    public void finished() {
        finished.countDown();
    }

    /** True if the run finished within {@code seconds}. */
    public boolean awaitFinished(long seconds) {
        try {
            return finished.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
