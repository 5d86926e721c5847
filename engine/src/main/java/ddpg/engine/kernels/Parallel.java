package ddpg.engine.kernels;

import java.util.ArrayList;
import java.util.List;

/**
 * Work spread over the GEMM's threads in two shapes: passes over several tensors (an optimizer step, a soft target update:
 * {@link #forEachSlice}) and one elementwise pass over a large array cut into pieces ({@link #forRange}). Each
 * item or element is computed by one thread with the same kernel and the same order it would have alone, so the
 * results never depend on the thread count; only the wall time does. Called from inside a worker's job, both simply
 * run on that thread (the pool serves one caller at a time). {@link #alongside} runs two different pieces of work
 * at once.
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
    /** The smaller of two pieces run {@link #alongside} has at least this many multiply-adds (about 3 microseconds). */
    static final long MIN_ALONGSIDE_MACS = 1 << 17;

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
        int parts = g instanceof ParallelGemm pg && !WorkerPool.inJob() ? pieces(n, costPerIndex, pg.threads()) : 1;
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

    /**
     * Runs two independent pieces of work at the same time: {@code mine} on the calling thread, {@code other} on a
     * worker (or on the caller after {@code mine}, if no worker has started it by then). Inside either piece the
     * products and passes run on their own thread alone, so each piece keeps one core's data in one core's cache and
     * the two need a single hand-over instead of one per product. The pieces must not write anything the other reads.
     * Only on exactly two threads: on more, two single-threaded pieces would leave the other cores idle, so it runs
     * {@code other} and then {@code mine} on the calling thread, each spread over every thread as usual; the same on
     * one thread and inside a job.
     */
    public static void alongside(Runnable other, Runnable mine) {
        if (Kernels.gemm() instanceof ParallelGemm pg && pg.threads() == 2 && !WorkerPool.inJob()) {
            pg.runAll(mine, new Runnable[] {other});
        } else {
            other.run();
            mine.run();
        }
    }

    /**
     * Whether two pieces of work, the smaller of {@code smallerMacs} multiply-adds, are worth {@link #alongside}: below
     * about three microseconds of work the hand-over costs more than it saves.
     */
    public static boolean worthRunningAlongside(long smallerMacs) {
        return smallerMacs >= MIN_ALONGSIDE_MACS;
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

    /** Elements [from, to) of item {@code item}. */
    @FunctionalInterface
    public interface Slice {
        void run(int item, int from, int to);
    }

    /**
     * Calls {@code body} on slices that cover every item's elements [0, sizes[i]) exactly once. An item larger than an
     * even share of the whole ({@link #JOBS_PER_THREAD} jobs per thread) is cut into aligned slices of about that
     * share, so one big tensor (a 256x256 weight beside a few small ones) does not leave the other threads idle. One job
     * per slice, largest first, taken by whichever thread is free (the calling thread among them).
     */
    public static void forEachSlice(int[] sizes, Slice body) {
        Gemm g = Kernels.gemm();
        long total = 0;
        for (int s : sizes) total += s;
        if (!(g instanceof ParallelGemm pg) || total < MIN_ELEMENTS || WorkerPool.inJob()) {
            for (int i = 0; i < sizes.length; i++) body.run(i, 0, sizes[i]);
            return;
        }
        List<int[]> slices = slices(sizes, pg.threads());
        Runnable[] jobs = new Runnable[slices.size()];
        for (int j = 0; j < jobs.length; j++) {
            int[] sl = slices.get(j);
            jobs[j] = () -> body.run(sl[0], sl[1], sl[2]);
        }
        pg.runAll(jobs);
    }

    /** {item, from, to} of every slice forEachSlice hands out on {@code threads} threads, largest first. */
    static List<int[]> slices(int[] sizes, int threads) {
        long total = 0;
        for (int s : sizes) total += s;
        long share = Math.max(MIN_PIECE, (total + threads * JOBS_PER_THREAD - 1) / (threads * JOBS_PER_THREAD));
        List<int[]> slices = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            int n = sizes[i], blocks = (n + ALIGN - 1) / ALIGN;
            int cuts = (int) Math.max(1, Math.min(blocks, (n + share - 1) / share));
            for (int c = 0; c < cuts; c++) {
                int from = (int) ((long) blocks * c / cuts) * ALIGN;
                int to = Math.min(n, (int) ((long) blocks * (c + 1) / cuts) * ALIGN);
                slices.add(new int[] {i, from, to});
            }
        }
        slices.sort((a, b) -> a[2] - a[1] != b[2] - b[1] ? Integer.compare(b[2] - b[1], a[2] - a[1])
                : a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        return slices;
    }
}
