package ddpg.engine.kernels;

/**
 * The textbook triple loop, one dot product per output element: {@code C[i][j] = sum_p A[i][p] * B[p][j]}, written
 * as the canonical arithmetic of {@link Gemm}: per K block a fused multiply-add chain from zero, added to C. For nn
 * and tn the innermost loop walks B down a column (a stride of n floats), so every multiply touches a new cache
 * line; it is here to show how much the loop order alone costs, and as the definition the tests read. Not used by
 * the engine.
 */
public final class NaiveGemm implements Gemm {
    @Override
    public void nn(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        GemmChecks.check("nn", m, k, n, a, b, c);
        compute(m, k, n, a, k, 1, b, n, 1, c, accumulate);
    }

    @Override
    public void nt(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        GemmChecks.check("nt", m, k, n, a, b, c);
        compute(m, k, n, a, k, 1, b, 1, k, c, accumulate);
    }

    @Override
    public void tn(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        GemmChecks.check("tn", m, k, n, a, b, c);
        compute(m, k, n, a, 1, m, b, n, 1, c, accumulate);
    }

    /** op(A)[i][p] = a[i*ai + p*ap], op(B)[p][j] = b[p*bp + j*bj]. */
    private static void compute(int m, int k, int n, float[] a, int ai, int ap, float[] b, int bp, int bj, float[] c,
                                boolean accumulate) {
        int kc = k == 0 ? 1 : KBlocks.length(k);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float cij = accumulate ? c[i * n + j] : 0f;
                for (int p0 = 0; p0 < k; p0 += kc) {
                    float t = 0f;
                    for (int p = p0; p < Math.min(k, p0 + kc); p++) t = Math.fma(a[i * ai + p * ap], b[p * bp + j * bj], t);
                    cij = p0 == 0 && !accumulate ? t : cij + t;
                }
                c[i * n + j] = cij;
            }
        }
    }

    @Override
    public String name() {
        return "naive";
    }
}
