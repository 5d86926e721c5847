package ddpg.engine.kernels;

import java.util.concurrent.locks.LockSupport;

/**
 * A tiny fork-join for {@link ParallelGemm}: a fixed set of daemon threads that each run one job per call while
 * the calling thread runs job 0, then wait for all. A DDPG layer's product takes 10-600 microseconds, so the usual
 * executor hand-off (park, unpark, wake-up latency of tens of microseconds) would eat the gain; here an idle worker
 * spins for {@value #SPIN_NANOS} ns before parking, so back-to-back products find it awake. Pure JDK, no
 * dependencies; not reentrant (calls are serialised).
 */
final class WorkerPool {
    /** How long an idle worker (and a waiting caller) spins before parking. */
    static final long SPIN_NANOS = 50_000;

    private final Worker[] workers;

    WorkerPool(int workers, String name) {
        this.workers = new Worker[workers];
        for (int i = 0; i < workers; i++) {
            this.workers[i] = new Worker(name + "-" + (i + 1));
            this.workers[i].start();
        }
    }

    int size() {
        return workers.length;
    }

    /** Runs jobs[0] here and jobs[1..] on the workers (at most size() of them), returning when all are done. */
    synchronized void runAll(Runnable[] jobs) {
        int n = jobs.length - 1;
        if (n > workers.length) throw new IllegalArgumentException(jobs.length + " jobs for " + (workers.length + 1) + " threads");
        Thread caller = Thread.currentThread();
        for (int i = 0; i < n; i++) workers[i].submit(jobs[i + 1], caller);
        Throwable failure = null;
        try {
            jobs[0].run();
        } catch (Throwable t) {
            failure = t;
        }
        for (int i = 0; i < n; i++) {
            Throwable t = workers[i].await();
            if (failure == null) failure = t;
        }
        if (failure instanceof RuntimeException) throw (RuntimeException) failure;
        if (failure instanceof Error) throw (Error) failure;
        if (failure != null) throw new IllegalStateException("gemm worker failed", failure);
    }

    private static final class Worker extends Thread {
        private volatile Runnable task;
        private volatile boolean done = true;
        private volatile Thread waiter;
        private Throwable error;

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        void submit(Runnable job, Thread caller) {
            error = null;
            waiter = caller;
            done = false;
            task = job;
            LockSupport.unpark(this);
        }

        /** Waits until the current job finished; returns what it threw, or null. */
        Throwable await() {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (!done) {
                if (System.nanoTime() < spinUntil) Thread.onSpinWait();
                else LockSupport.parkNanos(this, 20_000);
            }
            return error;
        }

        @Override
        public void run() {
            while (true) {
                Runnable job = task;
                if (job == null) {
                    long spinUntil = System.nanoTime() + SPIN_NANOS;
                    while ((job = task) == null && System.nanoTime() < spinUntil) Thread.onSpinWait();
                    if (job == null) {
                        LockSupport.park(this);
                        continue;
                    }
                }
                try {
                    job.run();
                } catch (Throwable t) {
                    error = t;
                }
                task = null;
                done = true;
                Thread w = waiter;
                if (w != null) LockSupport.unpark(w);
            }
        }
    }
}
