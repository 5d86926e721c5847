package ddpg.engine.kernels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Work spread over the GEMM's threads in two shapes: independent per-tensor passes (an optimizer step, a soft target
 * update: {@link #forEachItem}) and one elementwise pass over a large array cut into pieces ({@link #forRange}). Each
 * item or element is computed by one thread with the same kernel and the same order it would have alone, so the
 * results never depend on the thread count; only the wall time does. Called from inside a worker's job, both simply
 * run on that thread (the pool serves one caller at a time).
 */
public final class Parallel {
    /** Below this many elements in all a pass stays on the calling thread: a hand-over costs a few microseconds. */
    static final long MIN_ELEMENTS = 1 << 15;

    /** Pieces of a range start at multiples of this many elements: 64 bytes, one cache line, a 16-lane vector. */
    static final int ALIGN = 16;

    private Parallel() {}

    /** A piece [from, to) of a range. */
    @FunctionalInterface
    public interface Range {
        void run(int from, int to);
    }

    /**
     * Calls {@code body} on pieces that cover [0, n) exactly once, one piece per thread, when {@code n *
     * costPerIndex} (the work, in element-passes) is large enough to be worth a hand-over; otherwise
     * {@code body.run(0, n)} on the calling thread.
     */
    public static void forRange(int n, int costPerIndex, Range body) {
        Gemm g = Kernels.gemm();
        int parts = g instanceof ParallelGemm pg && !WorkerPool.onWorker()
                ? (int) Math.min(pg.threads(), (long) n * costPerIndex / MIN_ELEMENTS) : 1;
        parts = Math.min(parts, n / ALIGN);
        if (parts < 2) {
            body.run(0, n);
            return;
        }
        Runnable[] jobs = new Runnable[parts];
        int pieces = (n + ALIGN - 1) / ALIGN;
        for (int t = 0; t < parts; t++) {
            int from = (int) ((long) pieces * t / parts) * ALIGN, to = Math.min(n, (int) ((long) pieces * (t + 1) / parts) * ALIGN);
            jobs[t] = () -> body.run(from, to);
        }
        ((ParallelGemm) g).runAll(jobs);
    }

    /**
     * Calls {@code body.accept(i)} once for every item i, where {@code sizes[i]} is its element count. The items are
     * dealt to at most {@link Kernels#threads()} groups of similar total size (largest first); the calling thread
     * runs one group.
     */
    public static void forEachItem(int[] sizes, IntConsumer body) {
        Gemm g = Kernels.gemm();
        long total = 0;
        for (int s : sizes) total += s;
        if (!(g instanceof ParallelGemm pg) || sizes.length < 2 || total < MIN_ELEMENTS || WorkerPool.onWorker()) {
            for (int i = 0; i < sizes.length; i++) body.accept(i);
            return;
        }
        List<List<Integer>> groups = deal(sizes, Math.min(pg.threads(), sizes.length));
        Runnable[] jobs = new Runnable[groups.size()];
        for (int t = 0; t < jobs.length; t++) {
            List<Integer> mine = groups.get(t);
            jobs[t] = () -> {
                for (int i : mine) body.accept(i);
            };
        }
        pg.runAll(jobs);
    }

    /** Largest item first, each to the group with the fewest elements so far; empty groups are dropped. */
    static List<List<Integer>> deal(int[] sizes, int groups) {
        Integer[] order = new Integer[sizes.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> sizes[b] != sizes[a] ? Integer.compare(sizes[b], sizes[a]) : Integer.compare(a, b));
        List<List<Integer>> out = new ArrayList<>();
        long[] load = new long[groups];
        for (int t = 0; t < groups; t++) out.add(new ArrayList<>());
        for (int i : order) {
            int least = 0;
            for (int t = 1; t < groups; t++) if (load[t] < load[least]) least = t;
            out.get(least).add(i);
            load[least] += sizes[i];
        }
        out.removeIf(List::isEmpty);
        return out;
    }
}
