package ddpg.engine.kernels;

import java.util.Arrays;
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
    /** The smallest piece of a split range, in element-passes (a few microseconds). */
    static final long MIN_PIECE = 1 << 14;
    /**
     * Jobs per thread when work is cut (here and in {@link ParallelGemm}): with a few more jobs than threads, a
     * thread that gets its core late holds the others up by one small job at most (see {@link WorkerPool}).
     */
    static final int JOBS_PER_THREAD = 2;

    private Parallel() {}

    /** A piece [from, to) of a range. */
    @FunctionalInterface
    public interface Range {
        void run(int from, int to);
    }

    /**
     * Calls {@code body} on pieces that cover [0, n) exactly once, when {@code n * costPerIndex} (the work, in
     * element-passes) is large enough to be worth a hand-over; otherwise {@code body.run(0, n)} on the calling thread.
     */
    public static void forRange(int n, int costPerIndex, Range body) {
        Gemm g = Kernels.gemm();
        int parts = g instanceof ParallelGemm pg && !WorkerPool.onWorker() ? pieces(n, costPerIndex, pg.threads()) : 1;
        if (parts < 2) {
            body.run(0, n);
            return;
        }
        Runnable[] jobs = new Runnable[parts];
        int blocks = (n + ALIGN - 1) / ALIGN;
        for (int t = 0; t < parts; t++) {
            int from = (int) ((long) blocks * t / parts) * ALIGN;
            int to = Math.min(n, (int) ((long) blocks * (t + 1) / parts) * ALIGN);
            jobs[t] = () -> body.run(from, to);
        }
        ((ParallelGemm) g).runAll(jobs);
    }

    /** Whether a pass of {@code work} element-passes is large enough to split at all (callers skip the lambda if not). */
    public static boolean worthSplitting(long work) {
        return work >= MIN_ELEMENTS;
    }

    /**
     * How many pieces forRange cuts [0, n) into on {@code threads} threads: {@link #JOBS_PER_THREAD} per thread, each
     * at least {@link #MIN_PIECE} element-passes and {@link #ALIGN} indices; 1 (no split) below {@link #MIN_ELEMENTS}.
     */
    static int pieces(int n, int costPerIndex, int threads) {
        long work = (long) n * costPerIndex;
        if (work < MIN_ELEMENTS) return 1;
        return (int) Math.max(1, Math.min(Math.min((long) threads * JOBS_PER_THREAD, work / MIN_PIECE), n / ALIGN));
    }

    /**
     * Calls {@code body.accept(i)} once for every item i, where {@code sizes[i]} is its element count: one job per
     * item, largest first, taken by whichever thread is free (the calling thread among them).
     */
    public static void forEachItem(int[] sizes, IntConsumer body) {
        Gemm g = Kernels.gemm();
        long total = 0;
        for (int s : sizes) total += s;
        if (!(g instanceof ParallelGemm pg) || sizes.length < 2 || total < MIN_ELEMENTS || WorkerPool.onWorker()) {
            for (int i = 0; i < sizes.length; i++) body.accept(i);
            return;
        }
        Integer[] order = largestFirst(sizes);
        Runnable[] jobs = new Runnable[order.length];
        for (int j = 0; j < jobs.length; j++) {
            int item = order[j];
            jobs[j] = () -> body.accept(item);
        }
        pg.runAll(jobs);
    }

    /** Item indices by size, largest first (ties in index order): the big items start first, the small fill in. */
    static Integer[] largestFirst(int[] sizes) {
        Integer[] order = new Integer[sizes.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> sizes[b] != sizes[a] ? Integer.compare(sizes[b], sizes[a]) : Integer.compare(a, b));
        return order;
    }
}
