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
 * Parallel.forEachSlice and forRange: every element or index exactly once, on more than one thread when the GEMM has them,
 * groups balanced, pieces aligned.
 */
class ParallelTest {
    @Test
    void everyElementOfEveryItemRunsExactlyOnceAndTheWorkIsShared() {
        Assumptions.assumeTrue(Kernels.vectorAvailable(), "the thread pool belongs to the SIMD GEMM");
        int before = Kernels.threads();
        try {
            Kernels.setThreads(2);
            int[] sizes = {65_536, 256, 7_680, 6, 1_536, 0, 1}; // a critic's tensors, and two edge sizes
            AtomicIntegerArray[] hits = new AtomicIntegerArray[sizes.length];
            Set<String> threads = ConcurrentHashMap.newKeySet();
            for (int round = 0; round < 50; round++) {
                for (int i = 0; i < sizes.length; i++) hits[i] = new AtomicIntegerArray(sizes[i]);
                Parallel.forEachSlice(sizes, (item, from, to) -> {
                    for (int e = from; e < to; e++) hits[item].incrementAndGet(e);
                    threads.add(Thread.currentThread().getName());
                    long spin = System.nanoTime() + 200_000; // long enough that the worker gets its share
                    while (System.nanoTime() < spin) Thread.onSpinWait();
                });
                for (int i = 0; i < sizes.length; i++) {
                    for (int e = 0; e < sizes[i]; e++) assertEquals(1, hits[i].get(e), "item " + i + ", element " + e);
                }
            }
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
        Parallel.forEachSlice(new int[] {100, 200}, (i, from, to) -> seen.add(Thread.currentThread().getName()));
        assertEquals(List.of(Thread.currentThread().getName(), Thread.currentThread().getName()), seen);
    }

    @Test
    void bigItemsAreSlicedLargestFirstAndRangesAreCutIntoAFewAlignedPiecesPerThread() {
        // A critic on two threads: 74k elements, a share of 18.5k; the 256 x 256 weight becomes 4 aligned slices.
        List<int[]> slices = Parallel.slices(new int[] {7_680, 256, 65_536, 256, 256, 1}, 2);
        assertArrayEquals(new int[] {2, 0, 16_384}, slices.get(0));
        assertArrayEquals(new int[] {2, 49_152, 65_536}, slices.get(3));
        assertArrayEquals(new int[] {0, 0, 7_680}, slices.get(4));
        assertArrayEquals(new int[] {5, 0, 1}, slices.get(slices.size() - 1));
        assertEquals(9, slices.size());
        // slices are never smaller than MIN_PIECE just because there are many threads; starts stay aligned
        List<int[]> many = Parallel.slices(new int[] {100_003}, 64);
        assertEquals(7, many.size());
        for (int[] sl : many) assertEquals(0, sl[1] % Parallel.ALIGN, "slice start " + sl[1]);
        assertEquals(4, Parallel.pieces(65_536, 1, 2));       // a 256 x 256 ReLU on two threads
        assertEquals(2, Parallel.pieces(32_768, 1, 2));       // just worth splitting
        assertEquals(1, Parallel.pieces(32_767, 1, 2));
        assertEquals(6, Parallel.pieces(1_536, 64, 3));       // the actor's 256 x 6 tanh, 64 element-passes each
        assertEquals(2, Parallel.pieces(40, 10_000, 2));      // at least 16 indices per piece
    }

    @Test
    void alongsideRunsBothPiecesAtOnceAndTheWorkInsideEachStaysOnItsThread() {
        Assumptions.assumeTrue(Kernels.vectorAvailable(), "the thread pool belongs to the SIMD GEMM");
        int before = Kernels.threads();
        try {
            Kernels.setThreads(2);
            Set<String> otherThreads = ConcurrentHashMap.newKeySet();
            for (int round = 0; round < 50; round++) {
                List<String> otherPieces = java.util.Collections.synchronizedList(new ArrayList<>());
                List<String> minePieces = new ArrayList<>();
                String caller = Thread.currentThread().getName();
                Parallel.alongside(() -> {
                    otherThreads.add(Thread.currentThread().getName());
                    // a pass forRange would cut into pieces on its own stays whole inside a piece
                    Parallel.forRange(1 << 20, 1, (from, to) -> otherPieces.add(from + "-" + to));
                    long spin = System.nanoTime() + 200_000;
                    while (System.nanoTime() < spin) Thread.onSpinWait();
                }, () -> {
                    minePieces.add(Thread.currentThread().getName());
                    Parallel.forRange(1 << 20, 1, (from, to) -> minePieces.add(from + "-" + to));
                    long spin = System.nanoTime() + 200_000;
                    while (System.nanoTime() < spin) Thread.onSpinWait();
                });
                assertEquals(List.of("0-1048576"), otherPieces, "round " + round);
                assertEquals(List.of(caller, "0-1048576"), minePieces, "round " + round);
            }
            assertTrue(otherThreads.stream().anyMatch(t -> t.startsWith("ddpg-gemm"))
                    || Runtime.getRuntime().availableProcessors() < 2, "the other piece ran on " + otherThreads + " only");
            // outside a piece the same pass is cut again
            List<int[]> pieces = java.util.Collections.synchronizedList(new ArrayList<>());
            Parallel.forRange(1 << 20, 1, (from, to) -> pieces.add(new int[] {from, to}));
            assertEquals(Parallel.pieces(1 << 20, 1, 2), pieces.size());
        } finally {
            Kernels.setThreads(before);
        }
    }

    @Test
    void alongsideOnOneThreadOrOnMoreThanTwoRunsTheOtherPieceThenTheCallersOwnEachOnEveryThread() {
        int before = Kernels.threads();
        try {
            for (int threads : Kernels.vectorAvailable() ? new int[] {1, 3} : new int[] {1}) {
                Kernels.setThreads(threads);
                List<String> order = new ArrayList<>();
                List<int[]> pieces = java.util.Collections.synchronizedList(new ArrayList<>());
                Parallel.alongside(() -> {
                    order.add("other " + Thread.currentThread().getName());
                    Parallel.forRange(1 << 20, 1, (from, to) -> pieces.add(new int[] {from, to}));
                }, () -> order.add("mine " + Thread.currentThread().getName()));
                String caller = Thread.currentThread().getName();
                assertEquals(List.of("other " + caller, "mine " + caller), order, threads + " threads");
                // on 3 threads the pass inside a piece is still cut for every thread (1 piece on one thread)
                assertEquals(threads == 1 ? 1 : Parallel.pieces(1 << 20, 1, threads), pieces.size(), threads + " threads");
            }
        } finally {
            Kernels.setThreads(before);
        }
    }
}
