package ddpg.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        assertThrows(IllegalArgumentException.class, () -> pool.runAll(new Runnable[] {() -> { }, () -> { }, () -> { }}));
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
}
