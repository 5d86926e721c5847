package ddpg.rl.ddpg;

import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import ddpg.engine.nn.CompositeModule;
import ddpg.engine.nn.Mlp;
import ddpg.engine.nn.Sequential;

/**
 * The deterministic policy mu(s): state in, action in [-1, 1]^n out (tanh on the last layer).
 * <pre>
 *   s -> [BN] -> (Linear -> [BN] -> ReLU) per hidden layer -> Linear -> tanh
 * </pre>
 * Parameter names: "net.0.weight", "net.0.bias", ... (PyTorch state_dict style).
 */
public final class Actor extends CompositeModule {
    private final Sequential net;
    private final int obsSize, actSize;
    private final int[] hidden;
    private final boolean batchNorm;

    public Actor(int obsSize, int actSize, int[] hidden, boolean batchNorm, double finalInit, Rng rng) {
        this.obsSize = obsSize;
        this.actSize = actSize;
        this.hidden = hidden.clone();
        this.batchNorm = batchNorm;
        Mlp m = Mlp.input(obsSize, rng);
        if (batchNorm) m.batchNorm();
        for (int h : hidden) {
            m.linear(h);
            if (batchNorm) m.batchNorm();
            m.relu();
        }
        if (finalInit > 0) m.finalLinear(actSize, (float) finalInit);
        else m.linear(actSize);
        net = add("net", m.tanh().build());
    }

    /** Builds an actor shaped like {@code config} (initial weights drawn from {@code rng}). */
    public static Actor of(int obsSize, int actSize, DdpgConfig config, Rng rng) {
        return new Actor(obsSize, actSize, config.hidden, config.batchNorm, config.finalInit, rng);
    }

    /** mu(s) for a batch of states [batch, obs] -> [batch, act]. */
    public Tensor forward(Tensor states) {
        return net.forward(states);
    }

    public int obsSize() { return obsSize; }
    public int actSize() { return actSize; }
    public int[] hidden() { return hidden.clone(); }
    public boolean batchNorm() { return batchNorm; }
}
