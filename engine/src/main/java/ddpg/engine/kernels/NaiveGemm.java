package ddpg.engine.kernels;

/**
 * The textbook triple loop, one dot product per output element: {@code C[i][j] = sum_p A[i][p] * B[p][j]}.
 * For nn and tn the innermost loop walks B down a column (a stride of n floats), so every multiply touches a
 * new cache line; it is here to show how much the loop order alone costs. Not used by the engine.
 */
public final class NaiveGemm implements Gemm {
    @Override
    public void nn(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        GemmChecks.check("nn", m, k, n, a, b, c);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0f;
                for (int p = 0; p < k; p++) s += a[i * k + p] * b[p * n + j];
                c[i * n + j] = accumulate ? c[i * n + j] + s : s;
            }
        }
    }

    @Override
    public void nt(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        GemmChecks.check("nt", m, k, n, a, b, c);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0f;
                for (int p = 0; p < k; p++) s += a[i * k + p] * b[j * k + p];
                c[i * n + j] = accumulate ? c[i * n + j] + s : s;
            }
        }
    }

    @Override
    public void tn(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        GemmChecks.check("tn", m, k, n, a, b, c);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0f;
                for (int p = 0; p < k; p++) s += a[p * m + i] * b[p * n + j];
                c[i * n + j] = accumulate ? c[i * n + j] + s : s;
            }
        }
    }

    @Override
    public String name() {
        return "naive";
    }
}
