package ddpg.engine.kernels;

/** The plain reference: the textbook loops, in the order that walks memory contiguously. Every SIMD kernel is tested against it. */
public final class ScalarGemm implements Gemm {
    @Override
    public void nn(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        GemmChecks.check("nn", m, k, n, a, b, c);
        if (!accumulate) java.util.Arrays.fill(c, 0, m * n, 0f);
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                float aip = a[i * k + p];
                for (int j = 0; j < n; j++) c[i * n + j] += aip * b[p * n + j];
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
        if (!accumulate) java.util.Arrays.fill(c, 0, m * n, 0f);
        for (int p = 0; p < k; p++) {
            for (int i = 0; i < m; i++) {
                float api = a[p * m + i];
                for (int j = 0; j < n; j++) c[i * n + j] += api * b[p * n + j];
            }
        }
    }

    @Override
    public String name() {
        return "scalar";
    }
}
