package ddpg.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Products with fewer than {@link VectorGemm#FEW_ROWS} rows of C, e.g. acting on one observation (y = x W with x a
 * single row): nothing is worth packing, and each output needs just one chain along K. Four vectors of C's row stay
 * in registers for a whole K block, so every FMA costs one load of B and nothing else (the row-FMA kernel, {@link
 * VectorRowGemm}, also loads and stores its partial sums for every FMA: about three times the memory traffic).
 * Each lane holds one output's canonical chain ({@link Gemm}), so the bits equal every other kernel's. Loaded only
 * when the Vector API is.
 */
final class FewRowsGemm {
    private static final VectorSpecies<Float> S = VectorInfo.SPECIES;
    private static final int L = S.length();

    private FewRowsGemm() {}

    static void nn(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        rows(m, k, n, a, k, 1, b, c, accumulate);
    }

    static void tn(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        rows(m, k, n, a, 1, m, b, c, accumulate);
    }

    /** B [n x k] is transposed into scratch first, so that its rows run along C's row as in nn. */
    static void nt(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        float[] bt = Scratch.floats(0, k * n);
        for (int j = 0; j < n; j++) {
            int src = j * k;
            for (int p = 0; p < k; p++) bt[p * n + j] = b[src + p];
        }
        rows(m, k, n, a, k, 1, bt, c, accumulate);
    }

    /** C (+)= op(A) B with op(A)[i][p] = a[i*ai + p*ap] and B [k x n] row-major. */
    private static void rows(int m, int k, int n, float[] a, int ai, int ap, float[] b, float[] c, boolean accumulate) {
        if (k == 0) {
            if (!accumulate) java.util.Arrays.fill(c, 0, m * n, 0f);
            return;
        }
        int kc = KBlocks.length(k);
        float[] t = Scratch.floats(1, n);
        for (int i = 0; i < m; i++) {
            for (int p0 = 0; p0 < k; p0 += kc) {
                int p1 = Math.min(k, p0 + kc), j = 0;
                for (; j + 4 * L <= n; j += 4 * L) {
                    FloatVector t0 = FloatVector.zero(S), t1 = t0, t2 = t0, t3 = t0;
                    for (int p = p0; p < p1; p++) {
                        FloatVector x = FloatVector.broadcast(S, a[i * ai + p * ap]);
                        int row = p * n + j;
                        t0 = FloatVector.fromArray(S, b, row).fma(x, t0);
                        t1 = FloatVector.fromArray(S, b, row + L).fma(x, t1);
                        t2 = FloatVector.fromArray(S, b, row + 2 * L).fma(x, t2);
                        t3 = FloatVector.fromArray(S, b, row + 3 * L).fma(x, t3);
                    }
                    t0.intoArray(t, j);
                    t1.intoArray(t, j + L);
                    t2.intoArray(t, j + 2 * L);
                    t3.intoArray(t, j + 3 * L);
                }
                if (j < n) { // fewer than four vectors left: the row-FMA on the rest of the row
                    java.util.Arrays.fill(t, j, n, 0f);
                    for (int p = p0; p < p1; p++) VectorRowGemm.axpyRow(a[i * ai + p * ap], b, p * n + j, t, j, n - j);
                }
                VectorRowGemm.addRow(t, c, i * n, n, p0 == 0 && !accumulate);
            }
        }
    }
}
