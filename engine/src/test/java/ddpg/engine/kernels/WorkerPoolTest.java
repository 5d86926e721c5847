package ddpg.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WorkerPoolTest {
    @Test
    void runsEveryJobOncePerCallManyTimesInARow() {
        WorkerPool pool = new WorkerPool(2, "test-pool");
        int[] counts = new int[3];
        for (int round = 0; round < 2000; round++) {
            pool.runAll(new Runnable[] {() -> counts[0]++, () -> counts[1]++, () -> counts[2]++});
        }
        assertArrayEquals(new int[] {2000, 2000, 2000}, counts);
        pool.runAll(new Runnable[] {() -> counts[0]++});   // fewer jobs than threads is fine
        assertEquals(2001, counts[0]);
    }

    @Test
    void aFailingWorkerJobIsRethrownToTheCallerAndThePoolStaysUsable() {
        WorkerPool pool = new WorkerPool(1, "test-pool");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> pool.runAll(new Runnable[] {() -> { }, () -> { throw new IllegalStateException("boom"); }}));
        assertEquals("boom", e.getMessage());
        int[] ran = new int[2];
        pool.runAll(new Runnable[] {() -> ran[0]++, () -> ran[1]++});
        assertArrayEquals(new int[] {1, 1}, ran);
    }

    @Test
    void moreJobsThanThreadsAreSharedByWhoeverIsFree() {
        WorkerPool pool = new WorkerPool(1, "test-pool");
        java.util.concurrent.atomic.AtomicIntegerArray counts = new java.util.concurrent.atomic.AtomicIntegerArray(7);
        java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int round = 0; round < 200; round++) {
            Runnable[] jobs = new Runnable[7];
            for (int j = 0; j < jobs.length; j++) {
                int mine = j;
                jobs[j] = () -> {
                    counts.incrementAndGet(mine);
                    threads.add(Thread.currentThread().getName());
                    long spin = System.nanoTime() + 20_000;
                    while (System.nanoTime() < spin) Thread.onSpinWait();
                };
            }
            pool.runAll(jobs);
            for (int j = 0; j < jobs.length; j++) assertEquals(round + 1, counts.get(j), "job " + j + ", round " + round);
        }
        assertTrue(threads.size() == 2 || Runtime.getRuntime().availableProcessors() < 2, "ran on " + threads);
    }

    @Test
    void theCallerRunsJobsNoWorkerHasStarted() {
        WorkerPool pool = new WorkerPool(2, "never-started", false);
        int[] counts = new int[3];
        for (int round = 0; round < 10; round++) {
            pool.runAll(new Runnable[] {() -> counts[0]++, () -> counts[1]++, () -> counts[2]++});
        }
        assertArrayEquals(new int[] {10, 10, 10}, counts);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> pool.runAll(new Runnable[] {() -> { }, () -> { throw new IllegalStateException("stolen boom"); }}));
        assertEquals("stolen boom", e.getMessage());
    }

    @Test
    void theCallersOwnJobRunsOnTheCallerBesideTheOthersAndNoJobHandsOutJobs() {
        WorkerPool pool = new WorkerPool(1, "beside");
        Thread caller = Thread.currentThread();
        for (int round = 0; round < 100; round++) {
            boolean[] seen = new boolean[4];
            pool.runAll(() -> {
                seen[0] = Thread.currentThread() == caller;
                seen[1] = WorkerPool.inJob();
            }, new Runnable[] {() -> {
                seen[2] = true;
                seen[3] = WorkerPool.inJob();
            }});
            assertArrayEquals(new boolean[] {true, true, true, true}, seen, "round " + round);
            assertFalse(WorkerPool.inJob(), "the mark is cleared after the call");
        }
    }

    @Test
    void theCallersOwnJobThenTheRestRunOnTheCallerWhenNoWorkerStartsAndItsFailureIsRethrown() {
        WorkerPool pool = new WorkerPool(1, "never-started", false);
        StringBuilder order = new StringBuilder();
        pool.runAll(() -> order.append("mine "), new Runnable[] {() -> order.append("other")});
        assertEquals("mine other", order.toString());
        int[] others = new int[1];
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> pool.runAll(() -> { throw new IllegalStateException("mine failed"); }, new Runnable[] {() -> others[0]++}));
        assertEquals("mine failed", e.getMessage());
        assertEquals(1, others[0], "the other jobs still ran");
        assertFalse(WorkerPool.inJob());
    }
}
