package ddpg.engine.nn;

import ddpg.engine.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Something with trainable parameters and a train/eval mode: a layer, a network, an actor or a critic.
 *
 * <p>Names follow PyTorch's state_dict style: a Linear has "weight" and "bias"; inside a Sequential they become
 * "0.weight", "0.bias"; a module holding an actor under "actor" gives "actor.0.weight". Maps keep a fixed order,
 * so iterating them is deterministic.
 */
public interface Module {
    /** Trainable tensors by name, in a fixed order. */
    Map<String, Tensor> namedParameters();

    /** Non-trainable state that is saved and copied to target networks (BatchNorm running statistics). */
    default Map<String, Tensor> namedBuffers() {
        return Map.of();
    }

    /** Switch between training mode (BatchNorm uses batch statistics) and eval mode (running statistics). */
    void setTraining(boolean training);

    boolean isTraining();

    default void train() {
        setTraining(true);
    }

    default void eval() {
        setTraining(false);
    }

    default List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Parameters followed by buffers: everything a checkpoint or a target network needs. */
    default Map<String, Tensor> stateDict() {
        Map<String, Tensor> m = new LinkedHashMap<>(namedParameters());
        m.putAll(namedBuffers());
        return m;
    }

    /**
     * Turns gradient tracking of all parameters on or off. With it off the module still passes gradients through
     * to its input, but computes no weight gradients: the DDPG actor update backpropagates through the critic
     * into the action without paying for the critic's weight gradients.
     */
    default void setRequiresGrad(boolean on) {
        for (Tensor p : namedParameters().values()) p.requiresGrad(on);
    }

    /** Clears the gradient of every parameter. */
    default void zeroGrad() {
        for (Tensor p : namedParameters().values()) p.zeroGrad();
    }

    /** Total number of trainable scalars. */
    default long parameterCount() {
        long n = 0;
        for (Tensor p : namedParameters().values()) n += p.size();
        return n;
    }
}
