package ddpg.engine.nn;

import ddpg.engine.Rng;
import ddpg.engine.Tensor;

/** How a layer's parameters are first filled. Values are drawn from the given Rng in row-major order. */
@FunctionalInterface
public interface Init {
    void fill(Tensor t, int fanIn, Rng rng);

    /**
     * Uniform in +-1/sqrt(fanIn): the DDPG paper's hidden-layer init, and what PyTorch's nn.Linear default gives
     * for weights (kaiming_uniform with a = sqrt(5)) and biases.
     */
    static Init fanInUniform() {
        return (t, fanIn, rng) -> fillUniform(t, (float) (1.0 / Math.sqrt(fanIn)), rng);
    }

    /** Uniform in +-bound, e.g. 3e-3 for the DDPG actor's and critic's final layers. */
    static Init uniform(float bound) {
        return (t, fanIn, rng) -> fillUniform(t, bound, rng);
    }

    static Init zeros() {
        return (t, fanIn, rng) -> java.util.Arrays.fill(t.data(), 0f);
    }

    private static void fillUniform(Tensor t, float bound, Rng rng) {
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) d[i] = (float) rng.uniform(-bound, bound);
    }
}
