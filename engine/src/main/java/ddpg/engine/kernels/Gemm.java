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
 */
public interface Gemm {
    void nn(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate);

    void nt(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate);

    void tn(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate);

    /** A short name for tables and logs, e.g. "scalar" or "vector-blocked". */
    String name();
}
