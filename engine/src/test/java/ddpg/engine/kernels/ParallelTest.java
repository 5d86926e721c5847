package ddpg.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Parallel.forEachItem: every item exactly once, on more than one thread when the GEMM has them, groups balanced. */
class ParallelTest {
    @Test
    void everyItemRunsExactlyOnceAndTheWorkIsShared() {
        Assumptions.assumeTrue(Kernels.vectorAvailable(), "the thread pool belongs to the SIMD GEMM");
        int before = Kernels.threads();
        try {
            Kernels.setThreads(2);
            int[] sizes = {65_536, 256, 65_536, 6, 1_536, 256};
            AtomicIntegerArray calls = new AtomicIntegerArray(sizes.length);
            Set<String> threads = ConcurrentHashMap.newKeySet();
            for (int round = 0; round < 50; round++) {
                Parallel.forEachItem(sizes, i -> {
                    calls.incrementAndGet(i);
                    threads.add(Thread.currentThread().getName());
                    long spin = System.nanoTime() + 200_000; // long enough that the worker gets its share
                    while (System.nanoTime() < spin) Thread.onSpinWait();
                });
            }
            for (int i = 0; i < sizes.length; i++) assertEquals(50, calls.get(i), "item " + i);
            assertTrue(threads.size() >= 2 || Runtime.getRuntime().availableProcessors() < 2,
                    "ran on " + threads + " only");
        } finally {
            Kernels.setThreads(before);
        }
    }

    @Test
    void smallPassesStayOnTheCallingThread() {
        List<String> seen = new ArrayList<>();
        Parallel.forEachItem(new int[] {100, 200}, i -> seen.add(Thread.currentThread().getName()));
        assertEquals(List.of(Thread.currentThread().getName(), Thread.currentThread().getName()), seen);
    }

    @Test
    void groupsAreDealtLargestFirstToTheLightestGroup() {
        assertEquals(List.of(List.of(0), List.of(2, 1, 3)), Parallel.deal(new int[] {100, 10, 60, 5}, 2));
        assertEquals(List.of(List.of(0, 3), List.of(2, 1)), Parallel.deal(new int[] {100, 50, 60, 5}, 2));
        assertEquals(List.of(List.of(0)), Parallel.deal(new int[] {7}, 3));
    }
}
