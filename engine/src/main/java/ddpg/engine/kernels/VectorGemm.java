package ddpg.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The GEMM the engine uses when the Vector API is present: sends each call to the kernel that suits its shape.
 * Every branch computes the canonical chains of {@link Gemm}, so the dispatch never changes a bit.
 * <ul>
 *   <li>one output column (n = 1, e.g. the critic's last layer): matrix-vector products (a tile of C would be 31/32
 *       padding). For tn the outputs lie along a row of A, so lanes take one output each; for nn and nt each output
 *       is a dot product along a row of A, which a lane cannot hold without splitting K, so these run as eight
 *       interleaved scalar fma chains;</li>
 *   <li>fewer than {@value #FEW_ROWS} rows (acting on one observation): {@link FewRowsGemm}, nothing to pack;</li>
 *   <li>2 to 8 columns when vectors have 16 lanes, on JDK 25+ (the actor's output layer): {@link NarrowGemm}, 8-lane rows;</li>
 *   <li>everything else: {@link VectorBlockedGemm}.</li>
 * </ul>
 * Loaded only when the Vector API is.
 */
final class VectorGemm implements Gemm {
    private static final VectorSpecies<Float> S = VectorInfo.SPECIES;
    private static final int L = S.length();
    static final int FEW_ROWS = 4;

    @Override
    public void nn(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        GemmChecks.check("nn", m, k, n, a, b, c);
        if (n == 1) rowDots(0, m, k, a, b, c, accumulate);
        else if (m < FEW_ROWS) FewRowsGemm.nn(m, k, n, a, b, c, accumulate);
        else if (NarrowGemm.takes(n)) NarrowGemm.compute(VectorBlockedGemm.NN, m, k, n, a, b, c, accumulate, 0, m);
        else VectorBlockedGemm.compute(VectorBlockedGemm.NN, m, k, n, a, b, c, accumulate, 0, m, 0, n);
    }

    @Override
    public void nt(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        GemmChecks.check("nt", m, k, n, a, b, c);
        if (n == 1) rowDots(0, m, k, a, b, c, accumulate);   // B is 1 x k: the same vector as nn's k x 1
        else if (m < FEW_ROWS) FewRowsGemm.nt(m, k, n, a, b, c, accumulate);
        else if (NarrowGemm.takes(n)) NarrowGemm.compute(VectorBlockedGemm.NT, m, k, n, a, b, c, accumulate, 0, m);
        else VectorBlockedGemm.compute(VectorBlockedGemm.NT, m, k, n, a, b, c, accumulate, 0, m, 0, n);
    }

    @Override
    public void tn(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        GemmChecks.check("tn", m, k, n, a, b, c);
        if (n == 1) columnCombination(0, m, m, k, a, b, c, accumulate);
        else if (m < FEW_ROWS) FewRowsGemm.tn(m, k, n, a, b, c, accumulate);
        else if (NarrowGemm.takes(n)) NarrowGemm.compute(VectorBlockedGemm.TN, m, k, n, a, b, c, accumulate, 0, m);
        else VectorBlockedGemm.compute(VectorBlockedGemm.TN, m, k, n, a, b, c, accumulate, 0, m, 0, n);
    }

    @Override
    public void nnBiasRelu(int m, int k, int n, float[] a, float[] b, float[] bias, float[] c) {
        GemmChecks.check("nnBiasRelu", m, k, n, a, b, c);
        GemmChecks.checkBias("nnBiasRelu", n, bias);
        if (n == 1 || !VectorBlockedGemm.fusesBiasRelu(k)) Gemm.super.nnBiasRelu(m, k, n, a, b, bias, c);
        else if (m < FEW_ROWS) FewRowsGemm.nnBiasRelu(m, k, n, a, b, bias, c);   // acting: one observation
        else VectorBlockedGemm.compute(VectorBlockedGemm.NN, m, k, n, a, b, c, false, 0, m, 0, n, bias);
    }

    @Override
    public String name() {
        return "vector";
    }

    /**
     * c[i] (+)= dot(row i of A[. x k], x[0..k)) for rows i in [i0, i1), each the canonical per-K-block fma chain.
     * Eight rows at a time: eight independent chains keep both FMA pipes busy despite the 4-cycle latency, and each
     * load of x feeds eight FMAs. (A row range, so that {@link ParallelGemm} can give each thread its own rows.)
     */
    static void rowDots(int i0, int i1, int k, float[] a, float[] x, float[] c, boolean accumulate) {
        int kc = k == 0 ? 1 : KBlocks.length(k);
        int i = i0;
        for (; i + 8 <= i1; i += 8) {
            int r0 = i * k, r1 = r0 + k, r2 = r1 + k, r3 = r2 + k, r4 = r3 + k, r5 = r4 + k, r6 = r5 + k, r7 = r6 + k;
            float c0 = start(c, i, accumulate), c1 = start(c, i + 1, accumulate), c2 = start(c, i + 2, accumulate);
            float c3 = start(c, i + 3, accumulate), c4 = start(c, i + 4, accumulate), c5 = start(c, i + 5, accumulate);
            float c6 = start(c, i + 6, accumulate), c7 = start(c, i + 7, accumulate);
            for (int p0 = 0; p0 < k; p0 += kc) {
                float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f, s4 = 0f, s5 = 0f, s6 = 0f, s7 = 0f;
                for (int p = p0, p1 = Math.min(k, p0 + kc); p < p1; p++) {
                    float xp = x[p];
                    s0 = Math.fma(a[r0 + p], xp, s0);
                    s1 = Math.fma(a[r1 + p], xp, s1);
                    s2 = Math.fma(a[r2 + p], xp, s2);
                    s3 = Math.fma(a[r3 + p], xp, s3);
                    s4 = Math.fma(a[r4 + p], xp, s4);
                    s5 = Math.fma(a[r5 + p], xp, s5);
                    s6 = Math.fma(a[r6 + p], xp, s6);
                    s7 = Math.fma(a[r7 + p], xp, s7);
                }
                if (p0 == 0 && !accumulate) {
                    c0 = s0; c1 = s1; c2 = s2; c3 = s3; c4 = s4; c5 = s5; c6 = s6; c7 = s7;
                } else {
                    c0 += s0; c1 += s1; c2 += s2; c3 += s3; c4 += s4; c5 += s5; c6 += s6; c7 += s7;
                }
            }
            c[i] = c0; c[i + 1] = c1; c[i + 2] = c2; c[i + 3] = c3;
            c[i + 4] = c4; c[i + 5] = c5; c[i + 6] = c6; c[i + 7] = c7;
        }
        for (; i < i1; i++) {
            int r = i * k;
            float ci = start(c, i, accumulate);
            for (int p0 = 0; p0 < k; p0 += kc) {
                float s = 0f;
                for (int p = p0, p1 = Math.min(k, p0 + kc); p < p1; p++) s = Math.fma(a[r + p], x[p], s);
                ci = p0 == 0 && !accumulate ? s : ci + s;
            }
            c[i] = ci;
        }
    }

    /** C's value before the product: itself when accumulating, else 0 (which an empty K leaves in place). */
    private static float start(float[] c, int i, boolean accumulate) {
        return accumulate ? c[i] : 0f;
    }

    /**
     * c[i0..i1) (+)= sum over p of x[p] * (row p of A[k x m]), columns i0..i1: tn with one column, a sum of scaled
     * rows; lane i holds output i's chain, in a scratch row of partial sums added to c after each K block. Four rows
     * per pass over the partial sums, so they are loaded and stored once per four FMAs instead of once per FMA (the
     * same chain, in the same order). (An output range, so that {@link ParallelGemm} can give each thread its own.)
     */
    static void columnCombination(int i0, int i1, int m, int k, float[] a, float[] x, float[] c, boolean accumulate) {
        int w = i1 - i0;
        if (k == 0) {
            if (!accumulate) java.util.Arrays.fill(c, i0, i1, 0f);
            return;
        }
        int kc = KBlocks.length(k);
        float[] t = Scratch.floats(1, w);
        int wv = S.loopBound(w);
        for (int p0 = 0; p0 < k; p0 += kc) {
            java.util.Arrays.fill(t, 0, w, 0f);
            int p = p0, p1 = Math.min(k, p0 + kc);
            for (; p + 4 <= p1; p += 4) {
                int r0 = p * m + i0, r1 = r0 + m, r2 = r1 + m, r3 = r2 + m;
                float x0 = x[p], x1 = x[p + 1], x2 = x[p + 2], x3 = x[p + 3];
                FloatVector v0 = FloatVector.broadcast(S, x0), v1 = FloatVector.broadcast(S, x1);
                FloatVector v2 = FloatVector.broadcast(S, x2), v3 = FloatVector.broadcast(S, x3);
                int i = 0;
                for (; i < wv; i += L) {
                    FloatVector acc = FloatVector.fromArray(S, t, i);
                    acc = FloatVector.fromArray(S, a, r0 + i).fma(v0, acc);
                    acc = FloatVector.fromArray(S, a, r1 + i).fma(v1, acc);
                    acc = FloatVector.fromArray(S, a, r2 + i).fma(v2, acc);
                    acc = FloatVector.fromArray(S, a, r3 + i).fma(v3, acc);
                    acc.intoArray(t, i);
                }
                for (; i < w; i++) {
                    float ti = Math.fma(a[r0 + i], x0, t[i]);
                    ti = Math.fma(a[r1 + i], x1, ti);
                    ti = Math.fma(a[r2 + i], x2, ti);
                    t[i] = Math.fma(a[r3 + i], x3, ti);
                }
            }
            for (; p < p1; p++) VectorRowGemm.axpyRow(x[p], a, p * m + i0, t, 0, w);
            VectorRowGemm.addRow(t, c, i0, w, p0 == 0 && !accumulate);
        }
    }
}
