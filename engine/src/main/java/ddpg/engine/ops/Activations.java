package ddpg.engine.ops;

import ddpg.engine.Tensor;
import ddpg.engine.autograd.Graph;
import ddpg.engine.kernels.Elementwise;

/**
 * The nonlinearities of the networks. Each backward rule uses the saved output y where that is cheapest:
 * relu' = [y > 0], tanh' = 1 - y^2, sigmoid' = y (1 - y). relu and tanh call the {@link Elementwise} kernels
 * (each has a plain-loop reference in ScalarElementwise). Transcendental functions use StrictMath or, for tanh, the
 * kernels' own FloatTanh (plain IEEE operations, the same bits as StrictMath's tanh rounded to float), so that
 * results never depend on which JIT tier ran them (bit-for-bit reproducible runs).
 */
public final class Activations {
    private Activations() {}

    /** max(x, 0). */
    public static Tensor relu(Tensor x) {
        Tensor out = Tensor.scratchLike(x);
        float[] xd = x.data(), y = out.data();
        Elementwise.relu(xd, y, y.length);                       // y = max(x, 0)
        if (Graph.needsGrad(x)) {
            Graph.record(out, "relu", () -> {
                // d relu / dx = 1 where x > 0, else 0 (0 at the kink, as PyTorch); y > 0 exactly where x > 0
                float[] g = out.grad(), yd = out.data(), gx = x.gradAccumulator();
                Elementwise.reluBackward(yd, g, gx, g.length);    // gx += y > 0 ? g : 0
            }, x);
        }
        return out;
    }

    /** tanh(x). */
    public static Tensor tanh(Tensor x) {
        Tensor out = Tensor.scratchLike(x);
        float[] xd = x.data(), y = out.data();
        Elementwise.tanh(xd, y, y.length);   // FloatTanh in both kernels (see VectorElementwise.tanh)
        if (Graph.needsGrad(x)) {
            Graph.record(out, "tanh", () -> {
                // d tanh(x) / dx = 1 - tanh(x)^2 = 1 - y^2
                float[] g = out.grad(), yd = out.data(), gx = x.gradAccumulator();
                Elementwise.tanhBackward(yd, g, gx, g.length);    // gx += g (1 - y^2)
            }, x);
        }
        return out;
    }

    /** 1 / (1 + e^-x). */
    public static Tensor sigmoid(Tensor x) {
        Tensor out = Tensor.scratchLike(x);
        float[] xd = x.data(), y = out.data();
        for (int i = 0; i < y.length; i++) y[i] = (float) (1.0 / (1.0 + StrictMath.exp(-xd[i])));
        if (Graph.needsGrad(x)) {
            Graph.record(out, "sigmoid", () -> {
                // d sigmoid(x) / dx = sigmoid(x) (1 - sigmoid(x)) = y (1 - y)
                float[] g = out.grad(), yd = out.data(), gx = x.gradAccumulator();
                for (int i = 0; i < g.length; i++) gx[i] += g[i] * yd[i] * (1f - yd[i]);
            }, x);
        }
        return out;
    }
}
