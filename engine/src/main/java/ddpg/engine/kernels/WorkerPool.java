package ddpg.engine.kernels;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A tiny fork-join for {@link ParallelGemm}: a fixed set of daemon threads that each get one job per call while
 * the calling thread runs job 0, then wait for all. Two details make it fit products of 10-600 microseconds:
 * <ul>
 *   <li>an idle worker spins for {@value #SPIN_NANOS} ns before parking, so back-to-back products find it awake
 *       (an executor's park/unpark hand-off costs tens of microseconds);</li>
 *   <li>a job is claimed atomically by whoever starts it first: when the caller finishes its own share and a
 *       worker has not started yet (on a busy machine it may not get a core for milliseconds), the caller runs
 *       that job itself instead of waiting. Two threads are then never much slower than one.</li>
 * </ul>
 * Pure JDK; calls are serialised.
 */
final class WorkerPool {
    /** How long an idle worker (and a waiting caller) spins before parking. */
    static final long SPIN_NANOS = 50_000;

    private final Worker[] workers;

    WorkerPool(int workers, String name) {
        this(workers, name, true);
    }

    /** Tests pass startThreads = false: the workers never run, so the caller must take over every job. */
    WorkerPool(int workers, String name, boolean startThreads) {
        this.workers = new Worker[workers];
        for (int i = 0; i < workers; i++) {
            this.workers[i] = new Worker(name + "-" + (i + 1));
            if (startThreads) this.workers[i].start();
        }
    }

    /** Whether the calling thread is one of the workers (of any pool): its job must not hand out jobs of its own. */
    static boolean onWorker() {
        return Thread.currentThread() instanceof Worker;
    }

    int size() {
        return workers.length;
    }

    /** One job: run exactly once, by a worker or by the caller, whichever claims it first. */
    private static final class Job {
        final Runnable body;
        final Thread caller;
        final AtomicBoolean claimed = new AtomicBoolean();
        volatile boolean finished;
        Throwable error;

        Job(Runnable body, Thread caller) {
            this.body = body;
            this.caller = caller;
        }

        /** Runs the body if nobody has claimed it yet; returns false when someone else has. */
        boolean tryRun() {
            if (!claimed.compareAndSet(false, true)) return false;
            try {
                body.run();
            } catch (Throwable t) {
                error = t;
            }
            finished = true;
            return true;
        }
    }

    /** Runs jobs[0] here and jobs[1..] on the workers (at most size() of them), returning when all are done. */
    synchronized void runAll(Runnable[] jobs) {
        int n = jobs.length - 1;
        if (n > workers.length) throw new IllegalArgumentException(jobs.length + " jobs for " + (workers.length + 1) + " threads");
        Thread caller = Thread.currentThread();
        Job[] handed = new Job[n];
        for (int i = 0; i < n; i++) {
            handed[i] = new Job(jobs[i + 1], caller);
            workers[i].hand(handed[i]);
        }
        Throwable failure = null;
        try {
            jobs[0].run();
        } catch (Throwable t) {
            failure = t;
        }
        for (Job job : handed) {
            if (!job.tryRun()) await(job);
            if (failure == null) failure = job.error;
        }
        if (failure instanceof RuntimeException) throw (RuntimeException) failure;
        if (failure instanceof Error) throw (Error) failure;
        if (failure != null) throw new IllegalStateException("gemm worker failed", failure);
    }

    private static void await(Job job) {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (!job.finished) {
            if (System.nanoTime() < spinUntil) Thread.onSpinWait();
            else LockSupport.parkNanos(job, 20_000);
        }
    }

    private static final class Worker extends Thread {
        private final AtomicReference<Job> slot = new AtomicReference<>();

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        void hand(Job job) {
            slot.set(job);
            LockSupport.unpark(this);
        }

        @Override
        public void run() {
            while (true) {
                Job job = slot.get();
                if (job == null) {
                    long spinUntil = System.nanoTime() + SPIN_NANOS;
                    while ((job = slot.get()) == null && System.nanoTime() < spinUntil) Thread.onSpinWait();
                    if (job == null) {
                        LockSupport.park(this);
                        continue;
                    }
                }
                // Clear the slot only if it still holds this job: the caller may already have handed the next one.
                slot.compareAndSet(job, null);
                if (job.tryRun()) LockSupport.unpark(job.caller);
            }
        }
    }
}
