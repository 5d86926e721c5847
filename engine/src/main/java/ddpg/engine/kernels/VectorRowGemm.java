package ddpg.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * ScalarGemm's loops with the inner loop turned into SIMD: for nn and tn, a row of C gets {@code a * (row of B)}
 * added, one FMA per vector of the row ("row-FMA"); for nt each element is a vectorised dot product.
 *
 * <p>What limits it: every FMA also loads a vector of B and loads and stores a vector of C, so it runs at the speed
 * of the L1 load/store ports (and of L2 once a row of C or B no longer fits), well below the FMA peak. The
 * register-blocked kernel ({@link VectorBlockedGemm}) fixes exactly that. Loaded only when the Vector API is.
 */
final class VectorRowGemm implements Gemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public void nn(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        GemmChecks.check("nn", m, k, n, a, b, c);
        if (!accumulate) java.util.Arrays.fill(c, 0, m * n, 0f);
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) axpyRow(a[i * k + p], b, p * n, c, i * n, n);
        }
    }

    @Override
    public void tn(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        GemmChecks.check("tn", m, k, n, a, b, c);
        if (!accumulate) java.util.Arrays.fill(c, 0, m * n, 0f);
        for (int p = 0; p < k; p++) {
            for (int i = 0; i < m; i++) axpyRow(a[p * m + i], b, p * n, c, i * n, n);
        }
    }

    @Override
    public void nt(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        GemmChecks.check("nt", m, k, n, a, b, c);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = dot(a, i * k, b, j * k, k);
                c[i * n + j] = accumulate ? c[i * n + j] + s : s;
            }
        }
    }

    /** {@code y[yo .. yo+len) += alpha * x[xo .. xo+len)}. */
    static void axpyRow(float alpha, float[] x, int xo, float[] y, int yo, int len) {
        FloatVector av = FloatVector.broadcast(S, alpha);
        int j = 0;
        for (int end = S.loopBound(len); j < end; j += L) {
            FloatVector yv = FloatVector.fromArray(S, y, yo + j);
            FloatVector.fromArray(S, x, xo + j).fma(av, yv).intoArray(y, yo + j);
        }
        for (; j < len; j++) y[yo + j] += alpha * x[xo + j];
    }

    /** Dot product of x[xo ..) and y[yo ..) over len elements, with one vector accumulator. */
    static float dot(float[] x, int xo, float[] y, int yo, int len) {
        FloatVector acc = FloatVector.zero(S);
        int p = 0;
        for (int end = S.loopBound(len); p < end; p += L) {
            acc = FloatVector.fromArray(S, x, xo + p).fma(FloatVector.fromArray(S, y, yo + p), acc);
        }
        float s = Lanes.sum(acc);
        for (; p < len; p++) s += x[xo + p] * y[yo + p];
        return s;
    }

    @Override
    public String name() {
        return "vector-row";
    }
}
