package ddpg.engine.kernels;

/**
 * The blocked kernel on several threads: C is cut into disjoint blocks of columns (or of rows when C has too few
 * columns), a couple per thread ({@link Parallel#JOBS_PER_THREAD}, taken by whichever thread is free), so threads
 * never write the same memory and need no locks. Column blocks are preferred
 * because A is read in place while B is packed: each thread then packs only its own columns of B and nothing is
 * copied twice. Small or thin products run on the calling thread (handing work to another thread costs microseconds),
 * except large matrix-vector products (one output column), which are cut by rows (tn: by output ranges).
 * Each output element is computed whole by one thread (its canonical chain, see {@link Gemm}), so the thread count
 * never changes a bit. A call made inside a job (one of {@link Parallel#alongside}'s two pieces) runs on its thread
 * alone. Loaded only when the Vector API is.
 */
final class ParallelGemm implements Gemm {
    /**
     * Below this many multiply-adds (about 5 microseconds of work) a call stays on one thread. Measured on 2 cores
     * (JDK 25): 256x256x6 in every form runs 1.8x faster split, 64x256x6 (98k) 0.8x.
     */
    static final long MIN_PARALLEL_MACS = 1 << 18;
    /**
     * Below this inner dimension a call stays on one thread: each thread's share is then mostly packing and the
     * hand-over (nt 256x6x256: 0.75x split; nt 256x1x256: 0.34x).
     */
    static final int MIN_PARALLEL_K = 8;
    /**
     * A matrix-vector product (one output column: the critic's last layer, and in tn form its weight gradient) of at
     * least this many multiply-adds is cut by rows (tn: by outputs), one piece per thread: its eight scalar chains per
     * row block run at about 9 GFLOP/s, so 256x256x1 is 7-8 microseconds of work per thread even when halved.
     */
    static final long MIN_PARALLEL_ROW_DOT_MACS = 1 << 15;
    /** A split product gets more jobs than threads only while each job keeps at least this many multiply-adds. */
    static final long MIN_JOB_MACS = 1 << 17;

    private final int threads;
    private final long minParallelMacs;
    private final Gemm single = new VectorGemm();
    private final WorkerPool pool;

    ParallelGemm(int threads) {
        this(threads, MIN_PARALLEL_MACS);
    }

    /** Tests pass minParallelMacs = 0 to force the split path on small shapes. */
    ParallelGemm(int threads, long minParallelMacs) {
        this.minParallelMacs = minParallelMacs;
        if (threads < 2) throw new IllegalArgumentException("ParallelGemm needs at least 2 threads, got " + threads);
        this.threads = threads;
        this.pool = new WorkerPool(threads - 1, "ddpg-gemm");
    }

    @Override
    public void nn(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        GemmChecks.check("nn", m, k, n, a, b, c);
        if (splitsRowDots(m, k, n)) rowDots(m, k, a, b, c, accumulate);
        else if (!worthSplitting(m, k, n)) single.nn(m, k, n, a, b, c, accumulate);
        else split(VectorBlockedGemm.NN, m, k, n, a, b, c, accumulate, null);
    }

    @Override
    public void nt(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        GemmChecks.check("nt", m, k, n, a, b, c);
        if (splitsRowDots(m, k, n)) rowDots(m, k, a, b, c, accumulate);   // B is 1 x k: the same vector as nn's
        else if (!worthSplitting(m, k, n)) single.nt(m, k, n, a, b, c, accumulate);
        else split(VectorBlockedGemm.NT, m, k, n, a, b, c, accumulate, null);
    }

    @Override
    public void tn(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        GemmChecks.check("tn", m, k, n, a, b, c);
        if (splitsColumnCombination(m, k, n)) columnCombination(m, k, a, b, c, accumulate);
        else if (!worthSplitting(m, k, n)) single.tn(m, k, n, a, b, c, accumulate);
        else split(VectorBlockedGemm.TN, m, k, n, a, b, c, accumulate, null);
    }

    @Override
    public void nnBiasRelu(int m, int k, int n, float[] a, float[] b, float[] bias, float[] c) {
        GemmChecks.check("nnBiasRelu", m, k, n, a, b, c);
        GemmChecks.checkBias("nnBiasRelu", n, bias);
        if (!worthSplitting(m, k, n) || !VectorBlockedGemm.fusesBiasRelu(k)) single.nnBiasRelu(m, k, n, a, b, bias, c);
        else split(VectorBlockedGemm.NN, m, k, n, a, b, c, false, bias);
    }

    @Override
    public String name() {
        return "vector-" + threads + "t";
    }

    int threads() {
        return threads;
    }

    /** Runs every job once, on the calling thread and this GEMM's workers (any number of jobs). */
    void runAll(Runnable[] jobs) {
        pool.runAll(jobs);
    }

    /** Runs {@code mine} on the calling thread while the workers take {@code jobs} (see {@link WorkerPool#runAll(Runnable, Runnable[])}). */
    void runAll(Runnable mine, Runnable[] jobs) {
        pool.runAll(mine, jobs);
    }

    /**
     * A product with one output column large enough to cut into {@code unit}-aligned output ranges. Never inside a
     * job (a piece of {@link Parallel#alongside}): there every product runs on the job's thread.
     */
    private boolean splitsOneColumn(int m, int k, int n, int unit) {
        return n == 1 && (long) m * k >= Math.min(minParallelMacs, MIN_PARALLEL_ROW_DOT_MACS) && m >= 2 * unit
                && !WorkerPool.inJob();
    }

    private boolean splitsRowDots(int m, int k, int n) {
        return splitsOneColumn(m, k, n, 8);
    }

    private boolean splitsColumnCombination(int m, int k, int n) {
        return splitsOneColumn(m, k, n, VectorBlockedGemm.L);
    }

    /** c = A x on row blocks of 8, one piece per thread: each output is still one thread's whole chain. */
    private void rowDots(int m, int k, float[] a, float[] x, float[] c, boolean accumulate) {
        byOutputRanges(m, 8, (lo, hi) -> VectorGemm.rowDots(lo, hi, k, a, x, c, accumulate));
    }

    /** c = A^T x (the critic's last weight gradient) on output ranges of whole vectors, one per thread. */
    private void columnCombination(int m, int k, float[] a, float[] x, float[] c, boolean accumulate) {
        byOutputRanges(m, VectorBlockedGemm.L, (lo, hi) -> VectorGemm.columnCombination(lo, hi, m, k, a, x, c, accumulate));
    }

    /** Outputs [0, m) cut into one piece per thread at multiples of {@code unit}; the ragged rest goes with the last. */
    private void byOutputRanges(int m, int unit, Parallel.Range job) {
        int units = m / unit;
        Runnable[] jobs = new Runnable[threads];
        for (int t = 0; t < threads; t++) {
            int lo = (int) ((long) units * t / threads) * unit;
            int hi = t == threads - 1 ? m : (int) ((long) units * (t + 1) / threads) * unit;
            jobs[t] = () -> job.run(lo, hi);
        }
        pool.runAll(jobs);
    }

    /** Whether a product is cut into blocks for the threads; never inside a job (see {@link #splitsOneColumn}). */
    private boolean worthSplitting(int m, int k, int n) {
        return (long) m * k * n >= minParallelMacs && n > 1 && m >= VectorGemm.FEW_ROWS && k >= MIN_PARALLEL_K
                && !WorkerPool.inJob();
    }

    private void split(int form, int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate, float[] biasRelu) {
        int L = VectorBlockedGemm.L, MR = VectorBlockedGemm.MR;
        boolean byColumns = n >= threads * 2 * L;
        int units = byColumns ? VectorBlockedGemm.ceilDiv(n, L) : VectorBlockedGemm.ceilDiv(m, MR);
        long macs = (long) m * k * n;
        int parts = (int) Math.min(Math.min(threads * Parallel.JOBS_PER_THREAD, units), Math.max(threads, macs / MIN_JOB_MACS));
        int unit = byColumns ? L : MR;
        Runnable[] jobs = new Runnable[parts];
        boolean narrow = !byColumns && biasRelu == null && NarrowGemm.takes(n);
        for (int t = 0; t < parts; t++) {
            int lo = Math.min(byColumns ? n : m, (int) ((long) units * t / parts) * unit);
            int hi = Math.min(byColumns ? n : m, (int) ((long) units * (t + 1) / parts) * unit);
            jobs[t] = byColumns
                    ? () -> VectorBlockedGemm.compute(form, m, k, n, a, b, c, accumulate, 0, m, lo, hi, biasRelu)
                    : narrow
                    ? () -> NarrowGemm.compute(form, m, k, n, a, b, c, accumulate, lo, hi)
                    : () -> VectorBlockedGemm.compute(form, m, k, n, a, b, c, accumulate, lo, hi, 0, n, biasRelu);
        }
        pool.runAll(jobs);
    }
}
