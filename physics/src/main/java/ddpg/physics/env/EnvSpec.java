package ddpg.physics.env;

/**
 * What a learner needs to know about a task before it sees a single observation.
 *
 * @param name            task name, e.g. "walker-run"
 * @param observationSize length of every observation vector
 * @param actionSize      length of every action vector; each entry is in [-1, 1]
 * @param controlTimestep seconds of simulated time per {@link Environment#step} call
 * @param substeps        physics steps per control step
 * @param episodeLength   control steps per episode (1000 for every Control Suite task)
 */
public record EnvSpec(String name, int observationSize, int actionSize, double controlTimestep, int substeps,
                      int episodeLength) {}
