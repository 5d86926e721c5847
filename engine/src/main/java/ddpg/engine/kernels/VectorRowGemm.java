package ddpg.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * ScalarGemm's loops with the inner loop turned into SIMD: a row of partial sums gets {@code a * (row of B)} added,
 * one FMA per vector of the row ("row-FMA"), and is added to C's row at the end of each K block (the canonical
 * arithmetic of {@link Gemm}; the scalar tail uses {@link Math#fma} where the vectors fuse). For nt, whose B rows
 * are C's columns, B is first transposed into a scratch buffer so that the same row-FMA applies.
 *
 * <p>What limits it: every FMA also loads a vector of B and loads and stores a vector of partial sums, so it runs at
 * the speed of the L1 load/store ports (and of L2 once a row no longer fits), well below the FMA peak. The
 * register-blocked kernel ({@link VectorBlockedGemm}) fixes exactly that. Loaded only when the Vector API is.
 */
final class VectorRowGemm implements Gemm {
    private static final VectorSpecies<Float> S = VectorInfo.SPECIES;
    private static final int L = S.length();

    @Override
    public void nn(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        GemmChecks.check("nn", m, k, n, a, b, c);
        rows(m, k, n, a, k, 1, b, c, accumulate);
    }

    @Override
    public void tn(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        GemmChecks.check("tn", m, k, n, a, b, c);
        rows(m, k, n, a, 1, m, b, c, accumulate);
    }

    @Override
    public void nt(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        GemmChecks.check("nt", m, k, n, a, b, c);
        rows(m, k, n, a, k, 1, transposed(b, n, k), c, accumulate);
    }

    /** B [n x k] as B^T, a k x n row-major matrix in scratch slot 0 (bt[p][j] = b[j][p]). */
    static float[] transposed(float[] b, int n, int k) {
        float[] bt = Scratch.floats(0, k * n);
        for (int j = 0; j < n; j++) {
            int src = j * k;
            for (int p = 0; p < k; p++) bt[p * n + j] = b[src + p];
        }
        return bt;
    }

    /** C (+)= op(A) B with op(A)[i][p] = a[i*ai + p*ap] and B [k x n] row-major, one row of C at a time. */
    private static void rows(int m, int k, int n, float[] a, int ai, int ap, float[] b, float[] c, boolean accumulate) {
        if (k == 0) {
            if (!accumulate) java.util.Arrays.fill(c, 0, m * n, 0f);
            return;
        }
        int kc = KBlocks.length(k);
        float[] t = Scratch.floats(1, n);
        for (int i = 0; i < m; i++) {
            for (int p0 = 0; p0 < k; p0 += kc) {
                java.util.Arrays.fill(t, 0, n, 0f);
                for (int p = p0, p1 = Math.min(k, p0 + kc); p < p1; p++) axpyRow(a[i * ai + p * ap], b, p * n, t, 0, n);
                addRow(t, c, i * n, n, p0 == 0 && !accumulate);
            }
        }
    }

    /** {@code y[yo .. yo+len) = fma(alpha, x[xo .. xo+len), y[yo .. yo+len))}, lane by lane. */
    static void axpyRow(float alpha, float[] x, int xo, float[] y, int yo, int len) {
        FloatVector av = FloatVector.broadcast(S, alpha);
        int j = 0;
        for (int end = S.loopBound(len); j < end; j += L) {
            FloatVector yv = FloatVector.fromArray(S, y, yo + j);
            FloatVector.fromArray(S, x, xo + j).fma(av, yv).intoArray(y, yo + j);
        }
        for (; j < len; j++) y[yo + j] = Math.fma(alpha, x[xo + j], y[yo + j]);
    }

    /** A finished K block's partial sums t[0 .. len) into c[co ..): copied (first block, overwriting) or added. */
    static void addRow(float[] t, float[] c, int co, int len, boolean overwrite) {
        if (overwrite) {
            System.arraycopy(t, 0, c, co, len);
            return;
        }
        int j = 0;
        for (int end = S.loopBound(len); j < end; j += L)
            FloatVector.fromArray(S, c, co + j).add(FloatVector.fromArray(S, t, j)).intoArray(c, co + j);
        for (; j < len; j++) c[co + j] += t[j];
    }

    @Override
    public String name() {
        return "vector-row";
    }
}
