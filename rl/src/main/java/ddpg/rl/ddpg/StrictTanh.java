package ddpg.rl.ddpg;

import ddpg.engine.Tensor;
import ddpg.engine.autograd.Graph;
import ddpg.engine.nn.Layer;
import java.util.Map;

/**
 * tanh computed with {@link StrictMath#tanh}, for the actor's output layer.
 *
 * <p>Why not the engine's Tanh: its SIMD kernel uses the Vector API's lanewise TANH, which the JIT replaces by a
 * different (equally accurate) implementation once the method is compiled, so the same input can give a result one
 * ulp apart before and after compilation. That breaks "same seed, same numbers, bit for bit" and exact resume. The
 * actor's output has only batch x actions values, so the scalar fdlibm version costs nothing measurable.
 * Backward: d tanh(x)/dx = 1 - tanh(x)^2, from the saved output.
 */
public final class StrictTanh implements Layer {
    public static final StrictTanh INSTANCE = new StrictTanh();

    private StrictTanh() {}

    @Override
    public Tensor forward(Tensor x) {
        Tensor out = Tensor.scratchLike(x);
        float[] xd = x.data(), yd = out.data();
        int n = x.size();
        for (int i = 0; i < n; i++) yd[i] = (float) StrictMath.tanh(xd[i]);
        if (Graph.needsGrad(x)) {
            Graph.record(out, "tanh", () -> {
                float[] g = out.grad(), y = out.data(), gx = x.gradAccumulator();
                for (int i = 0; i < n; i++) gx[i] += g[i] * (1 - y[i] * y[i]);
            }, x);
        }
        return out;
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        return Map.of();
    }

    @Override
    public void setTraining(boolean on) {}

    @Override
    public boolean isTraining() {
        return true;
    }

    @Override
    public String toString() {
        return "StrictTanh";
    }
}
