package ddpg.engine.nn;

import ddpg.engine.Tensor;

/** A module with one input and one output, so layers can be chained in a {@link Sequential}. */
public interface Layer extends Module {
    /** Maps a batch [batch, inFeatures] to [batch, outFeatures]. */
    Tensor forward(Tensor input);
}
