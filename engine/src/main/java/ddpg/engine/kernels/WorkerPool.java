package ddpg.engine.kernels;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A tiny fork-join for {@link ParallelGemm} and {@link Parallel}: a fixed set of daemon threads and the calling thread
 * share one call's jobs, each taking the next unclaimed job whenever it is free, until none is left; then the caller
 * waits for the ones still running. Three details make it fit jobs of 5-600 microseconds:
 * <ul>
 *   <li>an idle worker spins for {@value #SPIN_NANOS} ns before parking, so back-to-back calls find it awake
 *       (an executor's park/unpark hand-off costs tens of microseconds);</li>
 *   <li>jobs are claimed, not assigned: a worker that gets no core for a while (a busy machine) simply claims
 *       fewer, and the caller does the rest instead of waiting for it;</li>
 *   <li>callers cut work into a few more jobs than threads, so a late or slow thread holds up at most one small job.</li>
 * </ul>
 * A caller may also keep one job for itself ({@link #runAll(Runnable, Runnable[])}, for {@link Parallel#alongside}).
 * A job never hands out jobs of its own: products and passes called inside one run on its thread ({@link #inJob}).
 * Which thread runs which job never matters to the results: every job writes its own outputs with the same code.
 * Pure JDK; calls are serialised.
 */
final class WorkerPool {
    /** How long an idle worker (and a waiting caller) spins before parking. */
    static final long SPIN_NANOS = 50_000;

    private final Worker[] workers;

    WorkerPool(int workers, String name) {
        this(workers, name, true);
    }

    /** Tests pass startThreads = false: the workers never run, so the caller must do every job. */
    WorkerPool(int workers, String name, boolean startThreads) {
        this.workers = new Worker[workers];
        for (int i = 0; i < workers; i++) {
            this.workers[i] = new Worker(name + "-" + (i + 1));
            if (startThreads) this.workers[i].start();
        }
    }

    /** Set on a thread while it runs a job of any pool, the calling thread's own share included. */
    private static final ThreadLocal<boolean[]> IN_JOB = ThreadLocal.withInitial(() -> new boolean[1]);

    /**
     * Whether the calling thread is running a job (a worker's or the caller's own share): such a job must not hand out
     * jobs of its own, so the products and passes it calls run on its thread alone.
     */
    static boolean inJob() {
        return IN_JOB.get()[0];
    }

    /** Runs {@code job} marked as a job (see {@link #inJob}); restores the mark after, so nesting is harmless. */
    private static void runAsJob(Runnable job) {
        boolean[] mark = IN_JOB.get();
        boolean before = mark[0];
        mark[0] = true;
        try {
            job.run();
        } finally {
            mark[0] = before;
        }
    }

    int size() {
        return workers.length;
    }

    /** One call's jobs, claimed one at a time by whoever is free. */
    private static final class Batch {
        final Runnable[] jobs;
        final Thread caller;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger unfinished;
        final AtomicReference<Throwable> firstError = new AtomicReference<>();

        Batch(Runnable[] jobs, Thread caller) {
            this.jobs = jobs;
            this.caller = caller;
            this.unfinished = new AtomicInteger(jobs.length);
        }

        /** Claims and runs jobs until every job has been claimed. */
        void work() {
            for (int i = next.getAndIncrement(); i < jobs.length; i = next.getAndIncrement()) {
                try {
                    runAsJob(jobs[i]);
                } catch (Throwable t) {
                    firstError.compareAndSet(null, t);
                }
                if (unfinished.decrementAndGet() == 0 && Thread.currentThread() != caller) LockSupport.unpark(caller);
            }
        }
    }

    /** Runs every job once, on this thread and the workers, returning when all are done. */
    void runAll(Runnable[] jobs) {
        runAll(null, jobs);
    }

    /**
     * Runs {@code mine} on this thread (when not null) while the workers take {@code jobs}; then this thread claims the
     * jobs no worker has started, and waits for the rest. For a job that must run on the caller (it uses the caller's
     * thread-local state, e.g. an arena), beside jobs that may run anywhere.
     */
    synchronized void runAll(Runnable mine, Runnable[] jobs) {
        Batch batch = new Batch(jobs, Thread.currentThread());
        int handOut = mine == null ? jobs.length - 1 : jobs.length;
        for (int i = 0; i < Math.min(workers.length, handOut); i++) workers[i].hand(batch);
        Throwable mineFailed = null;
        if (mine != null) {
            try {
                runAsJob(mine);
            } catch (Throwable t) {
                mineFailed = t;
            }
        }
        batch.work();
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (batch.unfinished.get() > 0) {
            if (System.nanoTime() < spinUntil) Thread.onSpinWait();
            else LockSupport.parkNanos(batch, 20_000);
        }
        Throwable failure = mineFailed != null ? mineFailed : batch.firstError.get();
        if (failure instanceof RuntimeException) throw (RuntimeException) failure;
        if (failure instanceof Error) throw (Error) failure;
        if (failure != null) throw new IllegalStateException("worker job failed", failure);
    }

    private static final class Worker extends Thread {
        private final AtomicReference<Batch> slot = new AtomicReference<>();

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        void hand(Batch batch) {
            slot.set(batch);
            LockSupport.unpark(this);
        }

        @Override
        public void run() {
            while (true) {
                Batch batch = slot.get();
                if (batch == null) {
                    long spinUntil = System.nanoTime() + SPIN_NANOS;
                    while ((batch = slot.get()) == null && System.nanoTime() < spinUntil) Thread.onSpinWait();
                    if (batch == null) {
                        LockSupport.park(this);
                        continue;
                    }
                }
                // Clear the slot only if it still holds this batch: the caller may already have handed the next one.
                slot.compareAndSet(batch, null);
                batch.work();
            }
        }
    }
}
