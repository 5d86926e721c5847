package ddpg.rl.noise;

import ddpg.engine.Rng;

/** Independent zero-mean Gaussian noise with standard deviation {@code sigma} in every action dimension. */
public final class GaussianNoise implements ActionNoise {
    private final double sigma;
    private final Rng rng;

    public GaussianNoise(double sigma, long seed) {
        if (!(sigma >= 0) || !Double.isFinite(sigma)) throw new IllegalArgumentException("noise sigma must be >= 0, got " + sigma);
        this.sigma = sigma;
        this.rng = new Rng(seed);
    }

    @Override
    public void sample(double[] out) {
        for (int i = 0; i < out.length; i++) out[i] = sigma * rng.nextGaussian();
    }

    @Override
    public void reset() {
        // Each sample is independent: there is nothing to reset.
    }

    @Override
    public NoiseState state() {
        return new NoiseState(rng.state(), new double[0]);
    }

    @Override
    public void restore(NoiseState state) {
        rng.restore(state.rng());
    }

    @Override
    public String describe() {
        return "gaussian(sigma=" + sigma + ")";
    }
}
