package ddpg.engine.ops;

import ddpg.engine.Tensor;
import ddpg.engine.autograd.Graph;

import java.util.Arrays;

/** Loss functions, fused into one op each so their backward is one pass. */
public final class Losses {
    private Losses() {}

    /**
     * Mean squared error, mean((pred - target)^2). The shapes must be equal: [64, 1] against [64] would silently
     * broadcast to [64, 64] in NumPy-style code, a classic DDPG bug, so it is an error here.
     * d/dpred = 2 (pred - target) / n, d/dtarget = -d/dpred.
     */
    public static Tensor mse(Tensor pred, Tensor target) {
        if (!pred.sameShape(target)) {
            throw new IllegalArgumentException("mse: prediction " + Arrays.toString(pred.shape()) + " and target "
                    + Arrays.toString(target.shape()) + " must have the same shape");
        }
        float[] p = pred.data(), t = target.data();
        int n = p.length;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double d = p[i] - t[i];
            s += d * d;
        }
        Tensor out = Tensor.scratch();
        out.data()[0] = (float) (s / n);
        if (Graph.needsGrad(pred, target)) {
            Graph.record(out, "mse", () -> {
                float k = 2f * out.grad()[0] / n;
                float[] pd = pred.data(), td = target.data();
                if (pred.requiresGrad()) {
                    float[] gp = pred.gradAccumulator();
                    for (int i = 0; i < n; i++) gp[i] += k * (pd[i] - td[i]);
                }
                if (target.requiresGrad()) {
                    float[] gt = target.gradAccumulator();
                    for (int i = 0; i < n; i++) gt[i] -= k * (pd[i] - td[i]);
                }
            }, pred, target);
        }
        return out;
    }
}
