package ddpg.rl.train;

import ddpg.engine.Rng;
import ddpg.physics.model.Model;
import ddpg.physics.env.EnvSpec;
import ddpg.physics.env.Environment;
import ddpg.physics.env.StepResult;

/**
 * A tiny task for fast learning tests: a 1-D point mass with friction that must be pushed to the origin and held
 * there. Observation (x, v); action a force in [-1, 1]; reward exp(-8 x^2) per step; 60 steps per episode, starting
 * at x uniform in [-2, 2] at rest. A random policy scores about 10; holding the mass at 0 scores about 50.
 * {@code divergeAt} makes the given global step report a diverged simulation (for the divergence tests).
 */
final class PointMassEnv implements Environment {
    static final int LENGTH = 60;
    private double x, v;
    private int t;
    private long globalSteps;
    long divergeFrom = Long.MAX_VALUE, divergeTo = Long.MAX_VALUE;

    @Override
    public EnvSpec spec() {
        return new EnvSpec("point-mass", 2, 1, 0.1, 1, LENGTH);
    }

    @Override
    public double[] reset(long seed) {
        Rng r = new Rng(seed);
        x = r.uniform(-2, 2);
        v = 0;
        t = 0;
        return new double[] {x, v};
    }

    @Override
    public StepResult step(double[] action) {
        if (action.length != 1 || Double.isNaN(action[0])) throw new IllegalArgumentException("bad action");
        double u = Math.max(-1, Math.min(1, action[0]));
        v = v + 0.2 * u - 0.1 * v;
        x = x + 0.1 * v;
        t++;
        globalSteps++;
        if (globalSteps >= divergeFrom && globalSteps <= divergeTo) {
            return new StepResult(new double[] {Double.NaN, Double.NaN}, Double.NaN, 1, true, false, true, "test divergence");
        }
        boolean last = t >= LENGTH;
        return new StepResult(new double[] {x, v}, Math.exp(-8 * x * x), 1.0, last, last, false, null);
    }

    @Override
    public Model model() {
        return null;
    }
}
