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
        int n = x.rows(), f = x.cols();
        check(x, gamma, beta, f);
        if (n < 2) {
            throw new IllegalArgumentException("batch norm in training mode needs at least 2 rows per batch, got "
                    + Arrays.toString(x.shape()) + "; use eval() for single examples");
        }
        // Loops run over rows, then features, so the inner loop walks memory contiguously (and the JIT vectorizes it).
        float[] xd = x.data();
        Tensor meanT = Tensor.scratch(f), invStdT = Tensor.scratch(f);
        float[] mean = meanT.data(), invStd = invStdT.data();
        Elementwise.columnSums(xd, n, f, mean, false);
        Elementwise.scale(mean, 1f / n, mean, f);
        float[] sq = invStd; // first the sum of squared deviations, then 1/sqrt(var + eps)
        Arrays.fill(sq, 0f);
        for (int i = 0; i < n; i++) {
            int row = i * f;
            for (int j = 0; j < f; j++) {
                float d = xd[row + j] - mean[j];
                sq[j] += d * d;
            }
        }
        if (runningMean != null) {
            float[] rm = runningMean.data(), rv = runningVar.data();
            for (int j = 0; j < f; j++) {
                rm[j] = (1 - momentum) * rm[j] + momentum * mean[j];
                rv[j] = (1 - momentum) * rv[j] + momentum * sq[j] / (n - 1);   // unbiased, as PyTorch
            }
        }
        for (int j = 0; j < f; j++) invStd[j] = (float) (1.0 / Math.sqrt(sq[j] / n + eps));
        Tensor out = Tensor.scratch(n, f);
        affine(x, gamma, beta, mean, invStd, out);

        if (Graph.needsGrad(x, gamma, beta)) {
            Graph.record(out, "batchNorm", () -> {
                // xhat is recomputed here rather than stored: one less [N, F] buffer to write and read back
                float[] g = out.grad(), xs = x.data(), mu = meanT.data(), is = invStdT.data(), gm = gamma.data();
                float[] sumG = Tensor.scratch(f).data(), sumGx = Tensor.scratch(f).data();
                Elementwise.columnSums(g, n, f, sumG, false);                 // sum_i g_i
                Arrays.fill(sumGx, 0f);
                for (int i = 0; i < n; i++) {                                 // sum_i g_i xhat_i
                    int row = i * f;
                    for (int j = 0; j < f; j++) sumGx[j] += g[row + j] * ((xs[row + j] - mu[j]) * is[j]);
                }
                if (beta.requiresGrad()) Elementwise.axpy(1f, sumG, beta.gradAccumulator(), f);
                if (gamma.requiresGrad()) Elementwise.axpy(1f, sumGx, gamma.gradAccumulator(), f);
                if (x.requiresGrad()) {
                    // dx_k = (gamma s / N) (N g_k - sum g - xhat_k sum g xhat)   (d_i = gamma g_i factored out)
                    float[] gx = x.gradAccumulator(), coef = Tensor.scratch(f).data();
                    for (int j = 0; j < f; j++) coef[j] = gm[j] * is[j] / n;
                    for (int i = 0; i < n; i++) {
                        int row = i * f;
                        for (int j = 0; j < f; j++) {
                            float xhat = (xs[row + j] - mu[j]) * is[j];
                            gx[row + j] += coef[j] * (n * g[row + j] - sumG[j] - xhat * sumGx[j]);
                        }
                    }
                }
            }, x, gamma, beta);
        }
        return out;
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
