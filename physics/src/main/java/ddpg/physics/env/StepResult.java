package ddpg.physics.env;

/**
 * The outcome of one control step.
 *
 * @param observation the next observation (a fresh array the caller may keep)
 * @param reward      reward for this step, in [0, 1] for the Control Suite tasks
 * @param discount    1.0 except at a true terminal state (never, for the Control Suite tasks)
 * @param last        true when this step ended the episode (time limit or divergence); reset before stepping again
 * @param timeLimit   true when the episode ended because of the time limit (so a learner should still bootstrap)
 * @param diverged    true when the simulation blew up (NaN/inf or absurd magnitudes) during this step: the episode
 *                    is over, {@link #divergence} says where, the observation is the last good one and the reward
 *                    0 — do not learn from this transition
 * @param divergence  one-line description when {@code diverged}, else null
 */
public record StepResult(double[] observation, double reward, double discount, boolean last, boolean timeLimit,
                         boolean diverged, String divergence) {}
