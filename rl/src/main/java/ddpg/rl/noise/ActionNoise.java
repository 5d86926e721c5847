package ddpg.rl.noise;

/**
 * Exploration noise added to the actor's action, one independent value per action dimension. Its state (random
 * generator and, for correlated noise, the process value) can be saved and restored exactly for resumable runs.
 */
public interface ActionNoise {
    /** Writes one noise sample per action dimension into {@code out}. */
    void sample(double[] out);

    /** Called at the start of every episode. */
    void reset();

    /** Everything needed to continue the same stream of samples: the generator state, then any process values. */
    NoiseState state();

    void restore(NoiseState state);

    /** "gaussian(0.2)" or "ou(theta=0.15, sigma=0.2, dt=1)", for logs. */
    String describe();

    /** Saved noise: the generator's state and the process values (empty for Gaussian noise). */
    record NoiseState(long[] rng, double[] values) {}
}
