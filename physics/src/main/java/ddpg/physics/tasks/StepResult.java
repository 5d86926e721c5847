package ddpg.physics.tasks;

/**
 * The outcome of one control step.
 *
 * @param observation the next observation (a fresh array the caller may keep)
 * @param reward      reward for this step, in [0, 1] for the Control Suite tasks
 * @param discount    1.0 except at a true terminal state (never, for the Control Suite tasks)
 * @param last        true when this step ended the episode
 * @param timeLimit   true when the episode ended because of the time limit (so a learner should still bootstrap)
 * @param diverged    true when the simulation produced NaN/inf; the episode is over and {@link #divergence} says why
 */
public record StepResult(double[] observation, double reward, double discount, boolean last, boolean timeLimit,
                         boolean diverged, String divergence) {}
