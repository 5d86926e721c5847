package ddpg.engine.kernels;

/**
 * The plain-loop reference for every elementwise kernel; the Vector API version must give the same bits (tested at
 * 128, 256 and 512 bits). Elementwise ops use the same IEEE operation on every path (never an fma where another path
 * multiplies and adds), column sums add row by row, and the reductions follow the canonical layout of
 * {@link #PARTIALS}.
 */
public final class ScalarElementwise implements ElementwiseKernels {
    @Override public void add(float[] a, float[] b, float[] out, int n) { for (int i = 0; i < n; i++) out[i] = a[i] + b[i]; }

    @Override public void sub(float[] a, float[] b, float[] out, int n) { for (int i = 0; i < n; i++) out[i] = a[i] - b[i]; }

    @Override public void mul(float[] a, float[] b, float[] out, int n) { for (int i = 0; i < n; i++) out[i] = a[i] * b[i]; }

    @Override public void div(float[] a, float[] b, float[] out, int n) { for (int i = 0; i < n; i++) out[i] = a[i] / b[i]; }

    @Override public void scale(float[] a, float s, float[] out, int n) { for (int i = 0; i < n; i++) out[i] = s * a[i]; }

    @Override public void addScalar(float[] a, float s, float[] out, int n) { for (int i = 0; i < n; i++) out[i] = a[i] + s; }

    @Override public void axpy(float alpha, float[] x, float[] y, int n) { for (int i = 0; i < n; i++) y[i] += alpha * x[i]; }

    @Override public void mulAddTo(float[] a, float[] b, float[] y, int n) { for (int i = 0; i < n; i++) y[i] += a[i] * b[i]; }

    @Override
    public void addRowVector(float[] a, float[] row, float[] out, int rows, int cols) {
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) out[r * cols + c] = a[r * cols + c] + row[c];
    }

    @Override
    public void scaleShiftRows(float[] a, float[] scale, float[] shift, float[] out, int rows, int cols) {
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) out[r * cols + c] = a[r * cols + c] * scale[c] + shift[c];
    }

    @Override
    public void columnSums(float[] a, int rows, int cols, float[] out, boolean accumulate, int from, int to) {
        if (!accumulate) java.util.Arrays.fill(out, from, to, 0f);
        for (int r = 0; r < rows; r++) for (int c = from; c < to; c++) out[c] += a[r * cols + c];
    }

    @Override
    public void relu(float[] x, float[] out, int from, int to) {
        for (int i = from; i < to; i++) out[i] = x[i] > 0f ? x[i] : 0f;
    }

    @Override
    public void reluBackward(float[] x, float[] dy, float[] dx, int from, int to) {
        for (int i = from; i < to; i++) if (x[i] > 0f) dx[i] += dy[i];
    }

    @Override
    public void reluMask(float[] x, float[] dy, float[] dz, int from, int to) {
        for (int i = from; i < to; i++) dz[i] = x[i] > 0f ? 0f + dy[i] : 0f;
    }

    @Override
    public void tanh(float[] x, float[] out, int from, int to) {
        FloatTanh.tanh(x, out, from, to);
    }

    @Override
    public void tanhBackward(float[] y, float[] dy, float[] dx, int from, int to) {
        for (int i = from; i < to; i++) dx[i] += dy[i] * (1f - y[i] * y[i]);
    }

    /**
     * The number of partial sums in every canonical reduction. The sum of a[0..n) is defined, on every kernel path
     * and vector width, as:
     * <ol>
     *   <li>16 partial sums, all starting at +0: partial j adds a[j], a[j+16], a[j+32], ... in that order, over the
     *       whole blocks of 16 (i &lt; n - n % 16);</li>
     *   <li>the 16 partials folded by a fixed tree: p[i] += p[i+8] for i &lt; 8, then p[i] += p[i+4] for i &lt; 4,
     *       then +2, then +1 ({@link #foldTree});</li>
     *   <li>the tail a[n - n % 16 ..) added to that one by one, in order.</li>
     * </ol>
     * A dot product is the same with each step fused: partial = fma(a[i], b[i], partial), and so is the tail.
     * A 512-bit vector is one register of the 16 partials, 256-bit two, 128-bit four; they fold their registers
     * into one by the first levels of the same tree (see {@code Lanes}), so all give these bits.
     */
    public static final int PARTIALS = 16;

    /** Folds x[0..len) (len a power of two) onto x[0] by the canonical tree: x[i] += x[i + half], half = len/2 .. 1. */
    static void foldTree(float[] x, int len) {
        for (int half = len / 2; half >= 1; half /= 2) {
            for (int i = 0; i < half; i++) x[i] = x[i] + x[i + half];
        }
    }

    /** The canonical sum (see {@link #PARTIALS}). */
    @Override
    public float sum(float[] a, int n) {
        float[] p = new float[PARTIALS];
        int blocks = n - n % PARTIALS, i = 0;
        for (; i < blocks; i += PARTIALS) for (int j = 0; j < PARTIALS; j++) p[j] += a[i + j];
        foldTree(p, PARTIALS);
        float s = p[0];
        for (; i < n; i++) s += a[i];
        return s;
    }

    /** The canonical dot product: {@link #sum}'s layout with every step a fused multiply-add. */
    @Override
    public float dot(float[] a, float[] b, int n) {
        float[] p = new float[PARTIALS];
        int blocks = n - n % PARTIALS, i = 0;
        for (; i < blocks; i += PARTIALS) for (int j = 0; j < PARTIALS; j++) p[j] = Math.fma(a[i + j], b[i + j], p[j]);
        foldTree(p, PARTIALS);
        float s = p[0];
        for (; i < n; i++) s = Math.fma(a[i], b[i], s);
        return s;
    }

    @Override
    public float sumOfSquares(float[] a, int n) {
        return dot(a, a, n);
    }

    @Override
    public void flushSubnormals(float[] x, int from, int to) {
        for (int i = from; i < to; i++) if (Math.abs(x[i]) < Float.MIN_NORMAL) x[i] = 0f;
    }

    @Override
    public void adamStep(float[] w, float[] g, float[] m, float[] v, int from, int to, float lr, float beta1, float beta2,
                         float eps, float weightDecay, float bc1, float bc2) {
        adamRange(w, g, m, v, from, to, lr, beta1, beta2, eps, weightDecay, bc1, bc2);
    }

    /** Adam on elements [from, to); also the tail of the vector version. */
    static void adamRange(float[] w, float[] g, float[] m, float[] v, int from, int to, float lr, float beta1,
                          float beta2, float eps, float weightDecay, float bc1, float bc2) {
        float stepSize = lr / bc1;
        float invSqrtBc2 = (float) (1.0 / Math.sqrt(bc2));
        for (int i = from; i < to; i++) {
            float gi = g[i] + weightDecay * w[i];
            float mi = beta1 * m[i] + (1f - beta1) * gi;
            float vi = beta2 * v[i] + (1f - beta2) * gi * gi;
            if (Math.abs(mi) < Float.MIN_NORMAL) mi = 0f;
            if (vi < Float.MIN_NORMAL) vi = 0f;
            m[i] = mi;
            v[i] = vi;
            float wi = w[i] - stepSize * mi / ((float) Math.sqrt(vi) * invSqrtBc2 + eps);
            w[i] = Math.abs(wi) < Float.MIN_NORMAL ? 0f : wi;
        }
    }

    @Override
    public void polyak(float[] target, float[] source, float tau, int from, int to) {
        float keep = 1f - tau;
        for (int i = from; i < to; i++) {
            float t = keep * target[i] + tau * source[i];
            target[i] = Math.abs(t) < Float.MIN_NORMAL ? 0f : t;
        }
    }

    @Override
    public String name() {
        return "scalar";
    }
}
