package ddpg.engine.kernels;

/** The plain-loop reference for every elementwise kernel; the Vector API version is tested against it. */
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
    public void columnSums(float[] a, int rows, int cols, float[] out, boolean accumulate) {
        if (!accumulate) java.util.Arrays.fill(out, 0, cols, 0f);
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) out[c] += a[r * cols + c];
    }

    @Override public void relu(float[] x, float[] out, int n) { for (int i = 0; i < n; i++) out[i] = x[i] > 0f ? x[i] : 0f; }

    @Override
    public void reluBackward(float[] x, float[] dy, float[] dx, int n) {
        for (int i = 0; i < n; i++) if (x[i] > 0f) dx[i] += dy[i];
    }

    @Override public void tanh(float[] x, float[] out, int n) { for (int i = 0; i < n; i++) out[i] = (float) StrictMath.tanh(x[i]); }

    @Override
    public void tanhBackward(float[] y, float[] dy, float[] dx, int n) {
        for (int i = 0; i < n; i++) dx[i] += dy[i] * (1f - y[i] * y[i]);
    }

    @Override
    public float sum(float[] a, int n) {
        float s = 0f;
        for (int i = 0; i < n; i++) s += a[i];
        return s;
    }

    @Override
    public float dot(float[] a, float[] b, int n) {
        float s = 0f;
        for (int i = 0; i < n; i++) s += a[i] * b[i];
        return s;
    }

    @Override
    public float sumOfSquares(float[] a, int n) {
        float s = 0f;
        for (int i = 0; i < n; i++) s += a[i] * a[i];
        return s;
    }

    @Override
    public void flushSubnormals(float[] x, int n) {
        for (int i = 0; i < n; i++) if (Math.abs(x[i]) < Float.MIN_NORMAL) x[i] = 0f;
    }

    @Override
    public void adamStep(float[] w, float[] g, float[] m, float[] v, int n, float lr, float beta1, float beta2,
                         float eps, float weightDecay, float bc1, float bc2) {
        adamRange(w, g, m, v, 0, n, lr, beta1, beta2, eps, weightDecay, bc1, bc2);
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
            w[i] -= stepSize * mi / ((float) Math.sqrt(vi) * invSqrtBc2 + eps);
        }
    }

    @Override
    public void polyak(float[] target, float[] source, float tau, int n) {
        float keep = 1f - tau;
        for (int i = 0; i < n; i++) {
            float t = keep * target[i] + tau * source[i];
            target[i] = Math.abs(t) < Float.MIN_NORMAL ? 0f : t;
        }
    }

    @Override
    public String name() {
        return "scalar";
    }
}
