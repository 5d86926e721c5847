package ddpg.engine.kernels;

/**
 * Static entry points for the elementwise kernels and reductions, SIMD when available, scalar otherwise (see
 * {@link ElementwiseKernels} for what each does). Arrays are used from index 0; {@code out} may alias an input;
 * backward kernels add into the gradient.
 *
 * <pre>
 *   Elementwise.add(a, b, out, n);            Elementwise.relu(x, out, n);
 *   Elementwise.axpy(alpha, x, y, n);         Elementwise.reluBackward(x, dy, dx, n);   // dx +=
 *   Elementwise.addRowVector(xw, bias, out, batch, features);
 *   Elementwise.columnSums(dy, batch, features, dBias, true);
 * </pre>
 */
public final class Elementwise {
    private Elementwise() {}

    // A static final field: the JIT sees one implementation and inlines straight through the interface.
    private static final ElementwiseKernels K = Kernels.elementwise();

    /** The implementation in use, "vector" or "scalar". */
    public static String implementation() { return K.name(); }

    public static void add(float[] a, float[] b, float[] out, int n) { K.add(a, b, out, n); }

    public static void sub(float[] a, float[] b, float[] out, int n) { K.sub(a, b, out, n); }

    public static void mul(float[] a, float[] b, float[] out, int n) { K.mul(a, b, out, n); }

    public static void div(float[] a, float[] b, float[] out, int n) { K.div(a, b, out, n); }

    public static void scale(float[] a, float s, float[] out, int n) { K.scale(a, s, out, n); }

    public static void addScalar(float[] a, float s, float[] out, int n) { K.addScalar(a, s, out, n); }

    public static void axpy(float alpha, float[] x, float[] y, int n) { K.axpy(alpha, x, y, n); }

    public static void mulAddTo(float[] a, float[] b, float[] y, int n) { K.mulAddTo(a, b, y, n); }

    public static void addRowVector(float[] a, float[] row, float[] out, int rows, int cols) {
        K.addRowVector(a, row, out, rows, cols);
    }

    public static void scaleShiftRows(float[] a, float[] scale, float[] shift, float[] out, int rows, int cols) {
        K.scaleShiftRows(a, scale, shift, out, rows, cols);
    }

    // The passes below split large arrays over the kernels' threads (Parallel.forRange; the same bits on any count).
    // The second argument of forRange is the cost of one index in element-passes.
    // Small arrays (acting on one observation) go straight to the kernel: no lambda, no dispatch.

    /** Split by columns: each thread sums whole columns, so every column keeps its order of rows. */
    public static void columnSums(float[] a, int rows, int cols, float[] out, boolean accumulate) {
        if (Parallel.worthSplitting((long) rows * cols)) {
            Parallel.forRange(cols, rows, (from, to) -> K.columnSums(a, rows, cols, out, accumulate, from, to));
        } else {
            K.columnSums(a, rows, cols, out, accumulate, 0, cols);
        }
    }

    public static void relu(float[] x, float[] out, int n) {
        if (Parallel.worthSplitting(n)) Parallel.forRange(n, 1, (from, to) -> K.relu(x, out, from, to));
        else K.relu(x, out, 0, n);
    }

    public static void reluBackward(float[] x, float[] dy, float[] dx, int n) {
        if (Parallel.worthSplitting(n)) Parallel.forRange(n, 1, (from, to) -> K.reluBackward(x, dy, dx, from, to));
        else K.reluBackward(x, dy, dx, 0, n);
    }

    /** dz = x > 0 ? dy : 0 (written, -0 as +0): the gradient before a ReLU whose output is x. */
    public static void reluMask(float[] x, float[] dy, float[] dz, int n) {
        if (Parallel.worthSplitting(n)) Parallel.forRange(n, 1, (from, to) -> K.reluMask(x, dy, dz, from, to));
        else K.reluMask(x, dy, dz, 0, n);
    }

    /** One tanh costs about as much as 64 simple element-passes (FloatTanh: about 7 ns, computed in double). */
    private static final int TANH_COST = 64;

    public static void tanh(float[] x, float[] out, int n) {
        if (Parallel.worthSplitting((long) n * TANH_COST)) {
            Parallel.forRange(n, TANH_COST, (from, to) -> K.tanh(x, out, from, to));
        } else {
            K.tanh(x, out, 0, n);
        }
    }

    public static void tanhBackward(float[] y, float[] dy, float[] dx, int n) {
        if (Parallel.worthSplitting(n)) Parallel.forRange(n, 1, (from, to) -> K.tanhBackward(y, dy, dx, from, to));
        else K.tanhBackward(y, dy, dx, 0, n);
    }

    public static float sum(float[] a, int n) { return K.sum(a, n); }

    public static float dot(float[] a, float[] b, int n) { return K.dot(a, b, n); }

    public static float sumOfSquares(float[] a, int n) { return K.sumOfSquares(a, n); }

    public static void flushSubnormals(float[] x, int from, int to) { K.flushSubnormals(x, from, to); }

    /** Adam on elements [from, to) only: the optimizer hands each thread its own ranges (see Parallel.forEachSlice). */
    public static void adamStep(float[] w, float[] g, float[] m, float[] v, int from, int to, float lr, float beta1,
                                float beta2, float eps, float weightDecay, float bc1, float bc2) {
        K.adamStep(w, g, m, v, from, to, lr, beta1, beta2, eps, weightDecay, bc1, bc2);
    }

    public static void polyak(float[] target, float[] source, float tau, int from, int to) {
        K.polyak(target, source, tau, from, to);
    }
}
