package ddpg.engine.optim;

import ddpg.engine.Tensor;
import ddpg.engine.kernels.Elementwise;
import ddpg.engine.kernels.Parallel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma and Ba), computed exactly as PyTorch's torch.optim.Adam (non-amsgrad), per element:
 * <pre>
 *   g  = grad + weightDecay * p                 (L2 penalty added to the gradient, as the DDPG paper's critic uses)
 *   m  = beta1 m + (1 - beta1) g                (first moment)
 *   v  = beta2 v + (1 - beta2) g^2              (second moment)
 *   p -= lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)     (bias-corrected, t = step count)
 * </pre>
 * m, v and p are flushed to zero when they fall into the float32 subnormal range (see {@link Subnormals}).
 * The per-element loop is the fused SIMD kernel {@link Elementwise#adamStep} (scalar reference: ScalarElementwise).
 * The result matches PyTorch to float rounding (see TorchFixtureTest).
 * <pre>
 *   Adam critic = new Adam(criticNet.namedParameters(), 1e-3).weightDecay(1e-2);
 * </pre>
 */
public final class Adam implements Optimizer {
    private final List<String> names = new ArrayList<>();
    private final List<Tensor> params = new ArrayList<>();
    private final List<Tensor> m = new ArrayList<>(), v = new ArrayList<>(), steps = new ArrayList<>();
    private final int[] sizes;
    private final double[] bc1, bc2; // this step's bias corrections, per tensor
    // Hyperparameters are doubles, like PyTorch's Python floats, and rounded to float where PyTorch rounds them.
    private double lr, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weightDecay = 0;

    public Adam(Map<String, Tensor> namedParams, double lr) {
        if (namedParams.isEmpty()) throw new IllegalArgumentException("Adam needs at least one parameter");
        namedParams.forEach((name, p) -> {
            names.add(name);
            params.add(p);
            m.add(Tensor.zeros(p.shape()));
            v.add(Tensor.zeros(p.shape()));
            steps.add(Tensor.scalar(0f));
        });
        sizes = params.stream().mapToInt(Tensor::size).toArray();
        bc1 = new double[sizes.length];
        bc2 = new double[sizes.length];
        learningRate(lr);
    }

    public Adam learningRate(double lr) {
        if (!(lr > 0)) throw new IllegalArgumentException("learning rate must be positive, got " + lr);
        this.lr = lr;
        return this;
    }

    public Adam betas(double beta1, double beta2) {
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam betas must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        return this;
    }

    public Adam eps(double eps) {
        this.eps = eps;
        return this;
    }

    /** L2 penalty coefficient added to the gradient (0 = none). */
    public Adam weightDecay(double wd) {
        if (wd < 0) throw new IllegalArgumentException("weight decay must be >= 0, got " + wd);
        this.weightDecay = wd;
        return this;
    }

    public double learningRate() {
        return lr;
    }

    @Override
    public void step() {
        for (int i = 0; i < params.size(); i++) {
            if (!params.get(i).hasGrad()) continue;
            int t = (int) ++steps.get(i).data()[0];
            // The bias corrections are computed in double, as PyTorch computes them in Python floats.
            bc1[i] = 1 - StrictMath.pow(beta1, t);
            bc2[i] = 1 - StrictMath.pow(beta2, t);
        }
        // Every element is its own update, so slices of one tensor on different threads give the same bits.
        Parallel.forEachSlice(sizes, this::stepSlice);
    }

    private void stepSlice(int i, int from, int to) {
        Tensor p = params.get(i);
        if (!p.hasGrad()) return;
        Elementwise.adamStep(p.data(), p.grad(), m.get(i).data(), v.get(i).data(), from, to, (float) lr,
                (float) beta1, (float) beta2, (float) eps, (float) weightDecay, (float) bc1[i], (float) bc2[i]);
    }

    /** The same update as plain Java, kept as a readable reference (and used by the tests to check the kernel). */
    static void referenceUpdate(float[] p, float[] g, float[] m, float[] v, double lr, double beta1, double beta2,
                                double eps, double weightDecay, int t) {
        float stepSize = (float) (lr / (1 - StrictMath.pow(beta1, t))), bc2Sqrt = (float) Math.sqrt(1 - StrictMath.pow(beta2, t));
        float b1 = (float) beta1, b2 = (float) beta2, c1 = (float) (1 - beta1), c2 = (float) (1 - beta2);
        float wd = (float) weightDecay, e = (float) eps;
        for (int j = 0; j < p.length; j++) {
            float gj = g[j] + wd * p[j];
            float mj = Subnormals.flush(b1 * m[j] + c1 * gj);
            float vj = Subnormals.flush(b2 * v[j] + c2 * gj * gj);
            m[j] = mj;
            v[j] = vj;
            float denom = (float) Math.sqrt(vj) / bc2Sqrt + e;
            p[j] = Subnormals.flush(p[j] - stepSize * (mj / denom));
        }
    }

    @Override
    public void zeroGrad() {
        for (Tensor p : params) p.zeroGrad();
    }

    @Override
    public Map<String, Tensor> state() {
        Map<String, Tensor> s = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            s.put(names.get(i) + ".exp_avg", m.get(i));
            s.put(names.get(i) + ".exp_avg_sq", v.get(i));
            s.put(names.get(i) + ".step", steps.get(i));
        }
        return s;
    }
}
