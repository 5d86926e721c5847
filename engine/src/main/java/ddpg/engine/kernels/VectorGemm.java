package ddpg.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The GEMM the engine uses when the Vector API is present: sends each call to the kernel that suits its shape.
 * <ul>
 *   <li>one output column (n = 1, e.g. the critic's last layer): matrix-vector products, vectorised along the long
 *       side (a tile of C would be 31/32 padding);</li>
 *   <li>fewer than {@value #FEW_ROWS} rows (acting on one observation): {@link VectorRowGemm}, nothing to pack;</li>
 *   <li>everything else: {@link VectorBlockedGemm}.</li>
 * </ul>
 * Loaded only when the Vector API is.
 */
final class VectorGemm implements Gemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    static final int FEW_ROWS = 4;

    private final VectorRowGemm row = new VectorRowGemm();

    @Override
    public void nn(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        GemmChecks.check("nn", m, k, n, a, b, c);
        if (n == 1) rowDots(m, k, a, b, c, accumulate);
        else if (m < FEW_ROWS) row.nn(m, k, n, a, b, c, accumulate);
        else VectorBlockedGemm.compute(VectorBlockedGemm.NN, m, k, n, a, b, c, accumulate, 0, m, 0, n);
    }

    @Override
    public void nt(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        GemmChecks.check("nt", m, k, n, a, b, c);
        if (n == 1) rowDots(m, k, a, b, c, accumulate);   // B is 1 x k: the same vector as nn's k x 1
        else if (m < FEW_ROWS) row.nt(m, k, n, a, b, c, accumulate);
        else VectorBlockedGemm.compute(VectorBlockedGemm.NT, m, k, n, a, b, c, accumulate, 0, m, 0, n);
    }

    @Override
    public void tn(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        GemmChecks.check("tn", m, k, n, a, b, c);
        if (n == 1) columnCombination(m, k, a, b, c, accumulate);
        else if (m < FEW_ROWS) row.tn(m, k, n, a, b, c, accumulate);
        else VectorBlockedGemm.compute(VectorBlockedGemm.TN, m, k, n, a, b, c, accumulate, 0, m, 0, n);
    }

    @Override
    public String name() {
        return "vector";
    }

    /** c[i] (+)= dot(row i of A[m x k], x[0..k)), four rows at a time so each load of x feeds four FMAs. */
    static void rowDots(int m, int k, float[] a, float[] x, float[] c, boolean accumulate) {
        int i = 0;
        int kv = S.loopBound(k);
        for (; i + 4 <= m; i += 4) {
            int r0 = i * k, r1 = r0 + k, r2 = r1 + k, r3 = r2 + k;
            FloatVector s0 = FloatVector.zero(S), s1 = FloatVector.zero(S);
            FloatVector s2 = FloatVector.zero(S), s3 = FloatVector.zero(S);
            for (int p = 0; p < kv; p += L) {
                FloatVector xv = FloatVector.fromArray(S, x, p);
                s0 = FloatVector.fromArray(S, a, r0 + p).fma(xv, s0);
                s1 = FloatVector.fromArray(S, a, r1 + p).fma(xv, s1);
                s2 = FloatVector.fromArray(S, a, r2 + p).fma(xv, s2);
                s3 = FloatVector.fromArray(S, a, r3 + p).fma(xv, s3);
            }
            float d0 = Lanes.sum(s0), d1 = Lanes.sum(s1);
            float d2 = Lanes.sum(s2), d3 = Lanes.sum(s3);
            for (int p = kv; p < k; p++) {
                float xp = x[p];
                d0 += a[r0 + p] * xp;
                d1 += a[r1 + p] * xp;
                d2 += a[r2 + p] * xp;
                d3 += a[r3 + p] * xp;
            }
            put(c, i, d0, accumulate);
            put(c, i + 1, d1, accumulate);
            put(c, i + 2, d2, accumulate);
            put(c, i + 3, d3, accumulate);
        }
        for (; i < m; i++) put(c, i, VectorRowGemm.dot(a, i * k, x, 0, k), accumulate);
    }

    /**
     * c[0..m) (+)= sum over p of x[p] * (row p of A[k x m]): tn with one column, a sum of scaled rows. Four rows
     * per pass over c, so c is loaded and stored once per four FMAs instead of once per FMA.
     */
    static void columnCombination(int m, int k, float[] a, float[] x, float[] c, boolean accumulate) {
        if (!accumulate) java.util.Arrays.fill(c, 0, m, 0f);
        int mv = S.loopBound(m);
        int p = 0;
        for (; p + 4 <= k; p += 4) {
            int r0 = p * m, r1 = r0 + m, r2 = r1 + m, r3 = r2 + m;
            float x0 = x[p], x1 = x[p + 1], x2 = x[p + 2], x3 = x[p + 3];
            FloatVector v0 = FloatVector.broadcast(S, x0), v1 = FloatVector.broadcast(S, x1);
            FloatVector v2 = FloatVector.broadcast(S, x2), v3 = FloatVector.broadcast(S, x3);
            int i = 0;
            for (; i < mv; i += L) {
                FloatVector acc = FloatVector.fromArray(S, c, i);
                acc = FloatVector.fromArray(S, a, r0 + i).fma(v0, acc);
                acc = FloatVector.fromArray(S, a, r1 + i).fma(v1, acc);
                acc = FloatVector.fromArray(S, a, r2 + i).fma(v2, acc);
                acc = FloatVector.fromArray(S, a, r3 + i).fma(v3, acc);
                acc.intoArray(c, i);
            }
            for (; i < m; i++) c[i] += x0 * a[r0 + i] + x1 * a[r1 + i] + x2 * a[r2 + i] + x3 * a[r3 + i];
        }
        for (; p < k; p++) VectorRowGemm.axpyRow(x[p], a, p * m, c, 0, m);
    }

    private static void put(float[] c, int i, float v, boolean accumulate) {
        c[i] = accumulate ? c[i] + v : v;
    }
}
