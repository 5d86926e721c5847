package ddpg.engine.kernels;

/**
 * Elementwise kernels and reductions on float arrays (the first {@code n} elements, or a rows x cols row-major
 * matrix). {@code out} may be the same array as an input. "Backward" kernels ADD into the gradient array, because
 * gradients accumulate. Two implementations: {@link ScalarElementwise} (the reference) and the Vector API one;
 * call them through {@link Elementwise}.
 */
public interface ElementwiseKernels {
    /** out = a + b */
    void add(float[] a, float[] b, float[] out, int n);

    /** out = a - b */
    void sub(float[] a, float[] b, float[] out, int n);

    /** out = a * b */
    void mul(float[] a, float[] b, float[] out, int n);

    /** out = a / b */
    void div(float[] a, float[] b, float[] out, int n);

    /** out = s * a */
    void scale(float[] a, float s, float[] out, int n);

    /** out = a + s */
    void addScalar(float[] a, float s, float[] out, int n);

    /** y += alpha * x */
    void axpy(float alpha, float[] x, float[] y, int n);

    /** y += a * b (e.g. the gradient of a product) */
    void mulAddTo(float[] a, float[] b, float[] y, int n);

    /** out[r][c] = a[r][c] + row[c]: adding a bias to every row of a batch. */
    void addRowVector(float[] a, float[] row, float[] out, int rows, int cols);

    /** out[r][c] = a[r][c] * scale[c] + shift[c]: BatchNorm's affine step. */
    void scaleShiftRows(float[] a, float[] scale, float[] shift, float[] out, int rows, int cols);

    /** out[c] = sum over rows of a[r][c] (added to out when accumulate): a bias gradient. */
    default void columnSums(float[] a, int rows, int cols, float[] out, boolean accumulate) {
        columnSums(a, rows, cols, out, accumulate, 0, cols);
    }

    /** {@code columnSums} of columns [from, to) only; each column's sum has the same bits as in the whole call. */
    void columnSums(float[] a, int rows, int cols, float[] out, boolean accumulate, int from, int to);

    // The activations come as whole-array calls and as calls on elements [from, to), which let several threads
    // share one array (Elementwise does that for large arrays).

    /** out = max(x, 0) */
    default void relu(float[] x, float[] out, int n) { relu(x, out, 0, n); }

    void relu(float[] x, float[] out, int from, int to);

    /** dx += x > 0 ? dy : 0 */
    default void reluBackward(float[] x, float[] dy, float[] dx, int n) { reluBackward(x, dy, dx, 0, n); }

    void reluBackward(float[] x, float[] dy, float[] dx, int from, int to);

    /**
     * dz = x > 0 ? 0 + dy : 0, written: the gradient before a ReLU whose output is x, in one pass. The same bits as
     * zeroing dz and then {@code reluBackward} (0 + dy turns -0 into +0, as that sum does).
     */
    void reluMask(float[] x, float[] dy, float[] dz, int from, int to);

    /** out = tanh(x) */
    default void tanh(float[] x, float[] out, int n) { tanh(x, out, 0, n); }

    void tanh(float[] x, float[] out, int from, int to);

    /** dx += dy * (1 - y*y), where y = tanh(x) is the forward output */
    default void tanhBackward(float[] y, float[] dy, float[] dx, int n) { tanhBackward(y, dy, dx, 0, n); }

    void tanhBackward(float[] y, float[] dy, float[] dx, int from, int to);

    /** sum of a[0..n), in the canonical order of {@link ScalarElementwise#PARTIALS} (the same bits on every path) */
    float sum(float[] a, int n);

    /** sum of a[i] * b[i], fused, in the canonical order of {@link ScalarElementwise#PARTIALS} */
    float dot(float[] a, float[] b, int n);

    /** sum of a[i]^2: {@code dot(a, a, n)} */
    float sumOfSquares(float[] a, int n);

    /** x[i] = 0 for i in [from, to) where |x[i]| is below {@link Float#MIN_NORMAL} (subnormals make every later op 4-6x slower). */
    void flushSubnormals(float[] x, int from, int to);

    /**
     * One Adam step on parameters [from, to), PyTorch's formula (L2 weight decay added to the gradient):
     * g' = g + wd*w; m = b1*m + (1-b1)*g'; v = b2*v + (1-b2)*g'^2;
     * w -= (lr / bc1) * m / (sqrt(v) / sqrt(bc2) + eps), with bc1 = 1 - b1^t, bc2 = 1 - b2^t given by the caller.
     * m, v and w are flushed to zero below {@link Float#MIN_NORMAL} so they never become subnormal.
     */
    void adamStep(float[] w, float[] g, float[] m, float[] v, int from, int to, float lr, float beta1, float beta2, float eps,
                  float weightDecay, float bc1, float bc2);

    /** target = (1 - tau) * target + tau * source on [from, to), flushing results below {@link Float#MIN_NORMAL} to zero. */
    void polyak(float[] target, float[] source, float tau, int from, int to);

    /** A short name: "scalar" or "vector". */
    String name();
}
