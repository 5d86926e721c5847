package ddpg.engine.nn;

import ddpg.engine.Rng;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds multilayer perceptrons as a {@link Sequential}, layer by layer, drawing every init from one seeded Rng:
 * <pre>
 *   Sequential actor = Mlp.input(24, rng)
 *           .linear(400).batchNorm().relu()
 *           .linear(300).batchNorm().relu()
 *           .finalLinear(6, 3e-3f).tanh()
 *           .build();
 * </pre>
 */
public final class Mlp {
    private final Rng rng;
    private final List<Layer> layers = new ArrayList<>();
    private int width;

    private Mlp(int inputs, Rng rng) {
        this.width = inputs;
        this.rng = rng;
    }

    /** Starts a network taking {@code inputs} features. */
    public static Mlp input(int inputs, Rng rng) {
        if (inputs <= 0) throw new IllegalArgumentException("an MLP needs a positive input size, got " + inputs);
        return new Mlp(inputs, rng);
    }

    /** A Linear layer with fan-in uniform init. */
    public Mlp linear(int outputs) {
        return layer(new Linear(width, outputs, rng), outputs);
    }

    /** A Linear layer with weights and biases uniform in +-bound (the DDPG final layer uses 3e-3). */
    public Mlp finalLinear(int outputs, float bound) {
        return layer(Linear.finalLayer(width, outputs, bound, rng), outputs);
    }

    public Mlp batchNorm() {
        return layer(new BatchNorm1d(width), width);
    }

    public Mlp relu() {
        return layer(Activation.RELU, width);
    }

    public Mlp tanh() {
        return layer(Activation.TANH, width);
    }

    /** Any other layer; {@code outputs} is its output width. */
    public Mlp layer(Layer layer, int outputs) {
        layers.add(layer);
        width = outputs;
        return this;
    }

    public Sequential build() {
        return new Sequential(layers);
    }
}
