package ddpg.engine.optim;

import ddpg.engine.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stochastic gradient descent with optional momentum and L2 weight decay, as torch.optim.SGD (no dampening):
 * <pre>
 *   g = grad + weightDecay p;   b = momentum b + g;   p -= lr b
 * </pre>
 * The momentum buffer b starts at zero, so the first step gives b = g, as PyTorch's does.
 */
public final class Sgd implements Optimizer {
    private final List<String> names = new ArrayList<>();
    private final List<Tensor> params = new ArrayList<>(), buffers = new ArrayList<>();
    private final float lr, momentum, weightDecay;

    public Sgd(Map<String, Tensor> namedParams, float lr) {
        this(namedParams, lr, 0f, 0f);
    }

    public Sgd(Map<String, Tensor> namedParams, float lr, float momentum, float weightDecay) {
        if (!(lr > 0)) throw new IllegalArgumentException("learning rate must be positive, got " + lr);
        if (momentum < 0 || weightDecay < 0) throw new IllegalArgumentException("momentum and weight decay must be >= 0");
        this.lr = lr;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        namedParams.forEach((name, p) -> {
            names.add(name);
            params.add(p);
            buffers.add(Tensor.zeros(p.shape()));
        });
    }

    @Override
    public void step() {
        for (int i = 0; i < params.size(); i++) {
            Tensor t = params.get(i);
            if (!t.hasGrad()) continue;
            float[] p = t.data(), g = t.grad(), b = buffers.get(i).data();
            for (int j = 0; j < p.length; j++) {
                float gj = g[j] + weightDecay * p[j];
                if (momentum != 0f) {
                    b[j] = Subnormals.flush(momentum * b[j] + gj);
                    gj = b[j];
                }
                p[j] = Subnormals.flush(p[j] - lr * gj);
            }
        }
    }

    @Override
    public void zeroGrad() {
        for (Tensor p : params) p.zeroGrad();
    }

    @Override
    public Map<String, Tensor> state() {
        Map<String, Tensor> s = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) s.put(names.get(i) + ".momentum_buffer", buffers.get(i));
        return s;
    }
}
