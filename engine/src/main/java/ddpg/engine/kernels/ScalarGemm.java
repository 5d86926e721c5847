package ddpg.engine.kernels;

/**
 * The plain reference: the canonical arithmetic of {@link Gemm} (per K block, a fused multiply-add chain from zero
 * for each output, then added to C), with the loops in the order that walks memory contiguously: the chains of a
 * whole row of C advance together in a scratch row. Every SIMD kernel must give the same bits.
 */
public final class ScalarGemm implements Gemm {
    @Override
    public void nn(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        GemmChecks.check("nn", m, k, n, a, b, c);
        if (k == 0) {
            if (!accumulate) java.util.Arrays.fill(c, 0, m * n, 0f);
            return;
        }
        int kc = KBlocks.length(k);
        float[] t = Scratch.floats(0, n);
        for (int i = 0; i < m; i++) {
            for (int p0 = 0; p0 < k; p0 += kc) {
                java.util.Arrays.fill(t, 0, n, 0f);
                for (int p = p0, p1 = Math.min(k, p0 + kc); p < p1; p++) {
                    float aip = a[i * k + p];
                    for (int j = 0; j < n; j++) t[j] = Math.fma(aip, b[p * n + j], t[j]);
                }
                addBlock(t, c, i * n, n, p0 == 0 && !accumulate);
            }
        }
    }

    @Override
    public void nt(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        GemmChecks.check("nt", m, k, n, a, b, c);
        int kc = k == 0 ? 1 : KBlocks.length(k);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float cij = accumulate ? c[i * n + j] : 0f;
                for (int p0 = 0; p0 < k; p0 += kc) {
                    float t = 0f;
                    for (int p = p0, p1 = Math.min(k, p0 + kc); p < p1; p++) t = Math.fma(a[i * k + p], b[j * k + p], t);
                    cij = p0 == 0 && !accumulate ? t : cij + t;
                }
                c[i * n + j] = cij;
            }
        }
    }

    @Override
    public void tn(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        GemmChecks.check("tn", m, k, n, a, b, c);
        if (k == 0) {
            if (!accumulate) java.util.Arrays.fill(c, 0, m * n, 0f);
            return;
        }
        int kc = KBlocks.length(k);
        float[] t = Scratch.floats(0, m * n);
        for (int p0 = 0; p0 < k; p0 += kc) {
            java.util.Arrays.fill(t, 0, m * n, 0f);
            for (int p = p0, p1 = Math.min(k, p0 + kc); p < p1; p++) {
                for (int i = 0; i < m; i++) {
                    float api = a[p * m + i];
                    for (int j = 0; j < n; j++) t[i * n + j] = Math.fma(api, b[p * n + j], t[i * n + j]);
                }
            }
            addBlock(t, c, 0, m * n, p0 == 0 && !accumulate);
        }
    }

    /** c[o .. o+len) = t (the first block when overwriting) or c + t. */
    private static void addBlock(float[] t, float[] c, int o, int len, boolean overwrite) {
        if (overwrite) System.arraycopy(t, 0, c, o, len);
        else for (int j = 0; j < len; j++) c[o + j] += t[j];
    }

    @Override
    public String name() {
        return "scalar";
    }
}
