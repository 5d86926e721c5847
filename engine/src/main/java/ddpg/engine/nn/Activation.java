package ddpg.engine.nn;

import ddpg.engine.Tensor;
import ddpg.engine.ops.Activations;

import java.util.Map;
import java.util.function.UnaryOperator;

/** A parameter-free layer applying a nonlinearity: {@link #RELU}, {@link #TANH}, {@link #SIGMOID}. */
public final class Activation implements Layer {
    public static final Activation RELU = new Activation("ReLU", Activations::relu);
    public static final Activation TANH = new Activation("Tanh", Activations::tanh);
    public static final Activation SIGMOID = new Activation("Sigmoid", Activations::sigmoid);

    private final String name;
    private final UnaryOperator<Tensor> f;

    private Activation(String name, UnaryOperator<Tensor> f) {
        this.name = name;
        this.f = f;
    }

    @Override
    public Tensor forward(Tensor x) {
        return f.apply(x);
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        return Map.of();
    }

    /** Stateless: the mode does not matter (shared instances). */
    @Override
    public void setTraining(boolean on) {}

    @Override
    public boolean isTraining() {
        return true;
    }

    @Override
    public String toString() {
        return name;
    }
}
