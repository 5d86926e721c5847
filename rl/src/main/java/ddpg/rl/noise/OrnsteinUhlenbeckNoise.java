package ddpg.rl.noise;

import ddpg.engine.Rng;

/**
 * Temporally correlated exploration noise, as in the DDPG paper: an Ornstein-Uhlenbeck process per action
 * dimension, discretised with the Euler-Maruyama step
 * <pre>
 *   x &lt;- x + theta * (mu - x) * dt + sigma * sqrt(dt) * N(0, 1)
 * </pre>
 * It is pulled back towards {@code mu} (here 0) at rate {@code theta}, so consecutive actions push in the same
 * direction for a while, which helps physical systems with momentum explore. Its stationary standard deviation is
 * {@code sigma * sqrt(dt / (1 - (1 - theta*dt)^2))}. The process restarts at {@code mu} every episode.
 */
public final class OrnsteinUhlenbeckNoise implements ActionNoise {
    private final double theta, sigma, dt, mu;
    private final double[] x;
    private final Rng rng;

    public OrnsteinUhlenbeckNoise(int size, double theta, double sigma, double dt, long seed) {
        if (!(theta > 0) || theta * dt > 1) throw new IllegalArgumentException("OU theta must be in (0, 1/dt], got " + theta);
        if (!(sigma >= 0)) throw new IllegalArgumentException("OU sigma must be >= 0, got " + sigma);
        if (!(dt > 0)) throw new IllegalArgumentException("OU dt must be > 0, got " + dt);
        this.theta = theta;
        this.sigma = sigma;
        this.dt = dt;
        this.mu = 0;
        this.x = new double[size];
        this.rng = new Rng(seed);
    }

    @Override
    public void sample(double[] out) {
        double scale = sigma * Math.sqrt(dt);
        for (int i = 0; i < x.length; i++) {
            x[i] += theta * (mu - x[i]) * dt + scale * rng.nextGaussian();
            out[i] = x[i];
        }
    }

    @Override
    public void reset() {
        java.util.Arrays.fill(x, mu);
    }

    /** The long-run standard deviation of each dimension. */
    public double stationaryStd() {
        double a = 1 - theta * dt;
        return sigma * Math.sqrt(dt / (1 - a * a));
    }

    @Override
    public NoiseState state() {
        return new NoiseState(rng.state(), x.clone());
    }

    @Override
    public void restore(NoiseState state) {
        if (state.values().length != x.length)
            throw new IllegalArgumentException("OU noise state has " + state.values().length + " values, expected " + x.length);
        rng.restore(state.rng());
        System.arraycopy(state.values(), 0, x, 0, x.length);
    }

    @Override
    public String describe() {
        return "ou(theta=" + theta + ", sigma=" + sigma + ", dt=" + dt + ")";
    }
}
