package ddpg.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Parallel.forEachItem and forRange: every item or index exactly once, on more than one thread when the GEMM has them,
 * groups balanced, pieces aligned.
 */
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
    void aRangeIsCoveredExactlyOnceInAlignedPiecesOnSeveralThreads() {
        Assumptions.assumeTrue(Kernels.vectorAvailable(), "the thread pool belongs to the SIMD GEMM");
        int before = Kernels.threads();
        try {
            for (int t : new int[] {2, 3}) {
                Kernels.setThreads(t);
                for (int n : new int[] {65_536, 100_003, 256}) {
                    int cost = n == 256 ? 256 : 1; // 256 rows of 256: the bias fill's shape
                    Set<String> threads = ConcurrentHashMap.newKeySet();
                    // On a busy machine a worker may not get a core within one call (the caller then runs its piece
                    // too), so up to 50 calls; every one must cover the range exactly once in aligned pieces.
                    for (int round = 0; round < 50 && threads.size() < 2; round++) {
                        AtomicIntegerArray hits = new AtomicIntegerArray(n);
                        List<int[]> pieces = java.util.Collections.synchronizedList(new ArrayList<>());
                        Parallel.forRange(n, cost, (from, to) -> {
                            pieces.add(new int[] {from, to});
                            threads.add(Thread.currentThread().getName());
                            for (int i = from; i < to; i++) hits.incrementAndGet(i);
                            long spin = System.nanoTime() + 200_000;
                            while (System.nanoTime() < spin) Thread.onSpinWait();
                        });
                        for (int i = 0; i < n; i++) assertEquals(1, hits.get(i), "n " + n + ", index " + i);
                        assertEquals(Parallel.pieces(n, cost, t), pieces.size(), "pieces of " + n);
                        for (int[] p : pieces) assertEquals(0, p[0] % Parallel.ALIGN, "piece start " + p[0]);
                    }
                    assertTrue(threads.size() >= 2 || Runtime.getRuntime().availableProcessors() < 2,
                            "ran on " + threads + " only");
                }
            }
        } finally {
            Kernels.setThreads(before);
        }
    }

    @Test
    void smallRangesStayOnTheCallingThread() {
        List<String> seen = new ArrayList<>();
        Parallel.forRange(1000, 1, (from, to) -> seen.add(from + "-" + to + " " + Thread.currentThread().getName()));
        assertEquals(List.of("0-1000 " + Thread.currentThread().getName()), seen);
    }

    @Test
    void smallPassesStayOnTheCallingThread() {
        List<String> seen = new ArrayList<>();
        Parallel.forEachItem(new int[] {100, 200}, i -> seen.add(Thread.currentThread().getName()));
        assertEquals(List.of(Thread.currentThread().getName(), Thread.currentThread().getName()), seen);
    }

    @Test
    void itemsStartLargestFirstAndRangesAreCutIntoAFewAlignedPiecesPerThread() {
        assertArrayEquals(new Integer[] {0, 2, 1, 3}, Parallel.largestFirst(new int[] {100, 10, 60, 5}));
        assertArrayEquals(new Integer[] {1, 2, 0}, Parallel.largestFirst(new int[] {5, 7, 7}));
        assertEquals(4, Parallel.pieces(65_536, 1, 2));       // a 256 x 256 ReLU on two threads
        assertEquals(2, Parallel.pieces(32_768, 1, 2));       // just worth splitting
        assertEquals(1, Parallel.pieces(32_767, 1, 2));
        assertEquals(6, Parallel.pieces(1_536, 64, 3));       // the actor's 256 x 6 tanh, 64 element-passes each
        assertEquals(2, Parallel.pieces(40, 10_000, 2));      // at least 16 indices per piece
    }
}
