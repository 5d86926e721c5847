package ddpg.engine.optim;

import ddpg.engine.Tensor;

import java.util.Map;

/** Updates a fixed set of named parameters from their gradients. */
public interface Optimizer {
    /** One update from the gradients accumulated since the last zeroGrad(). Parameters without a gradient are skipped. */
    void step();

    /** Clears the gradients of all parameters this optimizer updates. */
    void zeroGrad();

    /**
     * The optimizer's state as named tensors (live references), for checkpoints: e.g. for Adam and a parameter
     * "0.weight": "0.weight.exp_avg", "0.weight.exp_avg_sq", "0.weight.step".
     */
    Map<String, Tensor> state();

    /** Restores state saved from {@link #state()}; names and shapes must match exactly (one message lists all problems). */
    default void loadState(Map<String, Tensor> saved) {
        StateDicts.copyInto(state(), saved, "optimizer state");
    }
}
