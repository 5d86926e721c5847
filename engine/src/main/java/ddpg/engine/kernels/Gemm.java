package ddpg.engine.kernels;

/**
 * General matrix multiply on row-major float arrays, in the three forms that a layer's forward and backward need.
 * Every form computes C = op(A) * op(B), or adds it to C when {@code accumulate} is true.
 *
 * <pre>
 *   nn: C[m x n] (+)= A[m x k]   * B[k x n]     forward:  y = x W
 *   nt: C[m x n] (+)= A[m x k]   * B[n x k]^T   backward: dx = dy W^T
 *   tn: C[m x n] (+)= A[k x m]^T * B[k x n]     backward: dW = x^T dy
 * </pre>
 *
 * <h2>Canonical arithmetic: the same bits on every kernel and vector width</h2>
 * Every implementation computes each output element in exactly this way, however it tiles, packs, vectorises or
 * splits the work across threads:
 * <pre>
 *   K is cut into blocks of {@code KBlocks.length(k)} values (one block when k &lt;= 512); for each block, in order:
 *     t = +0;   for p in the block, in order: t = fma(op(A)[i][p], op(B)[p][j], t)
 *     C[i][j] = (first block and not accumulate) ? t : C[i][j] + t
 * </pre>
 * With one block that is {@code C = accumulate ? C + t : t}, t being one fused multiply-add chain along K. A vector
 * lane always holds one output's chain, never a partial sum over some of its p, so the result depends neither on
 * the vector width nor on the shape dispatch nor on the thread count. {@link NaiveGemm} is this definition written
 * out as loops.
 */
public interface Gemm {
    void nn(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate);

    void nt(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate);

    void tn(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate);

    /**
     * A Linear layer followed by ReLU, in one pass over C: {@code C[i][j] = relu(bias[j] + t)}, t being the canonical
     * chain of the nn product and relu(v) = v &gt; 0 ? v : 0. These are exactly the bits of filling each row of C with
     * the bias, {@code nn(..., accumulate = true)} and then a ReLU pass, which is what this default does; a kernel that
     * overrides it adds the bias and clips in registers before C is first stored, saving two passes over C.
     */
    default void nnBiasRelu(int m, int k, int n, float[] a, float[] b, float[] bias, float[] c) {
        GemmChecks.checkBias("nnBiasRelu", n, bias);
        for (int i = 0; i < m; i++) System.arraycopy(bias, 0, c, i * n, n);
        nn(m, k, n, a, b, c, true);
        for (int i = 0, size = m * n; i < size; i++) c[i] = c[i] > 0f ? c[i] : 0f;
    }

    /** A short name for tables and logs, e.g. "scalar" or "vector-blocked". */
    String name();
}
