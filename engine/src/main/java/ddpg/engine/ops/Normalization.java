package ddpg.engine.ops;

import ddpg.engine.Tensor;
import ddpg.engine.autograd.Graph;
import ddpg.engine.kernels.Elementwise;

import java.util.Arrays;

/**
 * Batch normalization over the rows of x [N, F], one feature (column) at a time, as one fused op.
 *
 * <h2>Forward (training)</h2>
 * For a feature with batch values x_1..x_N:
 * <pre>
 *   mu = (1/N) sum_i x_i        var = (1/N) sum_i (x_i - mu)^2        s = 1 / sqrt(var + eps)
 *   xhat_i = (x_i - mu) s       y_i = gamma xhat_i + beta
 * </pre>
 *
 * <h2>Backward (training), derived</h2>
 * Let g_i = dL/dy_i. Directly: dL/dbeta = sum_i g_i and dL/dgamma = sum_i g_i xhat_i, and dL/dxhat_i = gamma g_i =: d_i.
 * The subtle part is that mu and var depend on every x_k, so each x_k influences every xhat_i:
 * <pre>
 *   dxhat_i/dx_k = s (delta_ik - 1/N) - (x_i - mu) s^3 (1/N)(x_k - mu)          (using dvar/dx_k = (2/N)(x_k - mu))
 *               = (s/N) (N delta_ik - 1 - xhat_i xhat_k)
 * </pre>
 * Summing the chain rule over i:
 * <pre>
 *   dL/dx_k = sum_i d_i dxhat_i/dx_k = (s/N) (N d_k - sum_i d_i - xhat_k sum_i d_i xhat_i)
 * </pre>
 * Three terms: the direct path, the path through the mean (every input shifts mu), and the path through the
 * variance (every input rescales all xhat). The finite-difference test in NormalizationTest checks this formula.
 *
 * <h2>Eval</h2>
 * The running mean and variance replace the batch statistics, so the op is a fixed per-feature affine map and each
 * row is independent: dL/dx_i = gamma s g_i.
 */
public final class Normalization {
    private Normalization() {}

    /**
     * Training-mode batch norm. Updates {@code runningMean}/{@code runningVar} in place (when non-null) as PyTorch
     * does: running = (1 - momentum) running + momentum batchStat, with the unbiased variance (divided by N - 1).
     */
    public static Tensor batchNormTrain(Tensor x, Tensor gamma, Tensor beta, float eps,
                                        Tensor runningMean, Tensor runningVar, float momentum) {
        int n = x.rows(), f = x.cols(), nf = n * f;
        check(x, gamma, beta, f);
        if (n < 2) {
            throw new IllegalArgumentException("batch norm in training mode needs at least 2 rows per batch, got "
                    + Arrays.toString(x.shape()) + "; use eval() for single examples");
        }
        // Written as whole-array passes of the SIMD Elementwise kernels (per-row loops that mix [N, F] and [F]
        // arrays do not auto-vectorize on JDK 17).
        float[] xd = x.data();
        float[] mean = Tensor.scratch(f).data(), sq = Tensor.scratch(f).data(), invStd = Tensor.scratch(f).data();
        float[] ones = filled(f, 1f), negMean = Tensor.scratch(f).data();
        Elementwise.columnSums(xd, n, f, mean, false);
        Elementwise.scale(mean, 1f / n, mean, f);                                 // mu
        Elementwise.scale(mean, -1f, negMean, f);
        Tensor centeredT = Tensor.scratch(n, f), tmpT = Tensor.scratch(n, f);
        float[] centered = centeredT.data(), tmp = tmpT.data();
        Elementwise.scaleShiftRows(xd, ones, negMean, centered, n, f);           // x - mu (exact: x * 1 - mu)
        Elementwise.mul(centered, centered, tmp, nf);
        Elementwise.columnSums(tmp, n, f, sq, false);                            // sum (x - mu)^2
        if (runningMean != null) {
            float[] rm = runningMean.data(), rv = runningVar.data();
            for (int j = 0; j < f; j++) {
                rm[j] = (1 - momentum) * rm[j] + momentum * mean[j];
                rv[j] = (1 - momentum) * rv[j] + momentum * sq[j] / (n - 1);   // unbiased, as PyTorch
            }
        }
        for (int j = 0; j < f; j++) invStd[j] = (float) (1.0 / Math.sqrt(sq[j] / n + eps));   // s
        Tensor out = Tensor.scratch(n, f);
        affine(x, gamma, beta, mean, invStd, out);
        if (Graph.needsGrad(x, gamma, beta)) {
            Graph.record(out, "batchNorm", () -> {
                float[] g = out.grad(), gm = gamma.data(), c = centeredT.data();
                float[] xhat = Tensor.scratch(n, f).data(), t = Tensor.scratch(n, f).data(), zeros = filled(f, 0f);
                float[] sumG = Tensor.scratch(f).data(), sumGx = Tensor.scratch(f).data();
                Elementwise.scaleShiftRows(c, invStd, zeros, xhat, n, f);        // xhat = (x - mu) s
                Elementwise.columnSums(g, n, f, sumG, false);                    // sum_i g_i
                Elementwise.mul(g, xhat, t, nf);
                Elementwise.columnSums(t, n, f, sumGx, false);                   // sum_i g_i xhat_i
                if (beta.requiresGrad()) Elementwise.axpy(1f, sumG, beta.gradAccumulator(), f);
                if (gamma.requiresGrad()) Elementwise.axpy(1f, sumGx, gamma.gradAccumulator(), f);
                if (x.requiresGrad()) {
                    // dx_k = (gamma s / N) (N g_k - sum g - xhat_k sum g xhat)   (d_i = gamma g_i factored out)
                    //      = g_k (gamma s) + xhat_k (-coef sum g xhat) + (-coef sum g),   coef = gamma s / N
                    float[] a = Tensor.scratch(f).data(), b = Tensor.scratch(f).data(), d = Tensor.scratch(f).data();
                    for (int j = 0; j < f; j++) {
                        float coef = gm[j] * invStd[j] / n;
                        a[j] = coef * n;
                        b[j] = -coef * sumGx[j];
                        d[j] = -coef * sumG[j];
                    }
                    Elementwise.scaleShiftRows(g, a, d, t, n, f);               // t = g a + d
                    Elementwise.scaleShiftRows(xhat, b, zeros, xhat, n, f);     // xhat b
                    boolean acc = x.hasGrad();
                    float[] gx = x.gradForOverwrite();
                    if (acc) {
                        Elementwise.add(t, xhat, t, nf);
                        Elementwise.axpy(1f, t, gx, nf);
                    } else {
                        Elementwise.add(t, xhat, gx, nf);
                    }
                }
            }, x, gamma, beta);
        }
        return out;
    }

    private static float[] filled(int n, float v) {
        float[] a = Tensor.scratch(n).data();
        Arrays.fill(a, v);
        return a;
    }

    /** Eval-mode batch norm: normalizes with the running statistics; the batch does not influence itself. */
    public static Tensor batchNormEval(Tensor x, Tensor gamma, Tensor beta, Tensor runningMean, Tensor runningVar, float eps) {
        int n = x.rows(), f = x.cols();
        check(x, gamma, beta, f);
        float[] rm = runningMean.data(), rv = runningVar.data();
        Tensor invStdT = Tensor.scratch(f);
        float[] invStd = invStdT.data();
        for (int j = 0; j < f; j++) invStd[j] = (float) (1.0 / Math.sqrt(rv[j] + eps));
        Tensor out = Tensor.scratch(n, f);
        affine(x, gamma, beta, rm, invStd, out);
        if (Graph.needsGrad(x, gamma, beta)) {
            Graph.record(out, "batchNormEval", () -> {
                float[] g = out.grad(), xs = x.data(), is = invStdT.data(), gmm = gamma.data(), m = runningMean.data();
                float[] gx = x.requiresGrad() ? x.gradAccumulator() : null;
                float[] gg = gamma.requiresGrad() ? gamma.gradAccumulator() : null;
                float[] gb = beta.requiresGrad() ? beta.gradAccumulator() : null;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < f; j++) {
                        int k = i * f + j;
                        if (gx != null) gx[k] += gmm[j] * is[j] * g[k];
                        if (gg != null) gg[j] += g[k] * (xs[k] - m[j]) * is[j];
                        if (gb != null) gb[j] += g[k];
                    }
                }
            }, x, gamma, beta);
        }
        return out;
    }

    /**
     * y = gamma (x - mean) s + beta, computed as PyTorch's CPU kernel does: folded into one scale and shift per
     * feature, alpha = gamma s and shift = beta - mean alpha, then y = x alpha + shift (one SIMD pass).
     */
    private static void affine(Tensor x, Tensor gamma, Tensor beta, float[] mean, float[] invStd, Tensor out) {
        int n = x.rows(), f = x.cols();
        float[] gm = gamma.data(), bt = beta.data();
        Tensor alphaT = Tensor.scratch(f), shiftT = Tensor.scratch(f);
        float[] alpha = alphaT.data(), shift = shiftT.data();
        for (int j = 0; j < f; j++) {
            alpha[j] = gm[j] * invStd[j];
            shift[j] = bt[j] - mean[j] * alpha[j];
        }
        Elementwise.scaleShiftRows(x.data(), alpha, shift, out.data(), n, f);
    }

    private static void check(Tensor x, Tensor gamma, Tensor beta, int f) {
        if (x.rank() != 2) throw new IllegalArgumentException("batch norm needs [batch, features], got " + Arrays.toString(x.shape()));
        if (gamma.size() != f || beta.size() != f) {
            throw new IllegalArgumentException("batch norm: input has " + f + " features but scale/shift have "
                    + gamma.size() + "/" + beta.size());
        }
    }
}
