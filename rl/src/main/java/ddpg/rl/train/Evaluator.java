package ddpg.rl.train;

import ddpg.engine.Rng;
import ddpg.physics.env.Environment;
import ddpg.physics.env.StepResult;

/**
 * Runs the deterministic policy (no exploration noise) for a number of episodes and reports the mean and standard
 * deviation of the returns. Episode k of an evaluation always starts from the same seeded initial state, so every
 * evaluation of a run (and {@code ddpg.jar eval} with the same --seed) sees the same K starting states.
 */
public final class Evaluator {
    private Evaluator() {}

    /** Maps an observation to an action in [-1, 1]^n, e.g. {@code agent::act}. */
    @FunctionalInterface
    public interface Policy {
        void act(double[] observation, double[] action);
    }

    /** Returns of the episodes, their mean and (population) standard deviation, and how many diverged. */
    public record Result(double mean, double std, double[] returns, int diverged) {}

    /** The initial-state seed of evaluation episode {@code k} for a run seeded {@code seed}. */
    public static long episodeSeed(long seed, int k) {
        return Rng.mix(Rng.derive(seed, "evaluation") + k);
    }

    public static Result evaluate(Environment env, Policy policy, long seed, int episodes) {
        double[] returns = new double[episodes];
        double[] action = new double[env.spec().actionSize()];
        int diverged = 0;
        for (int k = 0; k < episodes; k++) {
            double[] obs = env.reset(episodeSeed(seed, k));
            double ret = 0;
            while (true) {
                policy.act(obs, action);
                StepResult res = env.step(action);
                if (res.diverged()) {
                    diverged++;
                    break;
                }
                ret += res.reward();
                obs = res.observation();
                if (res.last()) break;
            }
            returns[k] = ret;
        }
        double mean = 0;
        for (double r : returns) mean += r;
        mean /= episodes;
        double var = 0;
        for (double r : returns) var += (r - mean) * (r - mean);
        return new Result(mean, Math.sqrt(var / episodes), returns, diverged);
    }
}
