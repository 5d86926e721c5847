package ddpg.rl.noise;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class NoiseTest {
    @Test
    void gaussianHasTheRequestedMeanAndStdInEveryDimension() {
        GaussianNoise g = new GaussianNoise(0.3, 42);
        int n = 200_000, d = 3;
        double[] out = new double[d], sum = new double[d], sq = new double[d];
        for (int t = 0; t < n; t++) {
            g.sample(out);
            for (int i = 0; i < d; i++) {
                sum[i] += out[i];
                sq[i] += out[i] * out[i];
            }
        }
        for (int i = 0; i < d; i++) {
            double mean = sum[i] / n, std = Math.sqrt(sq[i] / n - mean * mean);
            // Standard error of the mean is 0.3/sqrt(2e5) = 6.7e-4; of the std about 4.7e-4.
            assertEquals(0, mean, 4e-3);
            assertEquals(0.3, std, 3e-3);
        }
    }

    @Test
    void gaussianDimensionsAreIndependent() {
        GaussianNoise g = new GaussianNoise(1.0, 7);
        int n = 100_000;
        double[] out = new double[2];
        double cross = 0;
        for (int t = 0; t < n; t++) {
            g.sample(out);
            cross += out[0] * out[1];
        }
        assertEquals(0, cross / n, 0.02);
    }

    @Test
    void ouRevertsToTheMeanAtRateTheta() {
        // From x0, the expected value decays as x0 * (1 - theta*dt)^t. Average many noisy paths.
        double theta = 0.15, dt = 1.0, x0 = 2.0;
        int paths = 4000, steps = 10;
        double[] meanAt = new double[steps + 1];
        OrnsteinUhlenbeckNoise ou = new OrnsteinUhlenbeckNoise(1, theta, 0.2, dt, 5);
        double[] out = new double[1];
        for (int p = 0; p < paths; p++) {
            ou.restore(new ActionNoise.NoiseState(ou.state().rng(), new double[] {x0}));
            meanAt[0] += x0;
            for (int t = 1; t <= steps; t++) {
                ou.sample(out);
                meanAt[t] += out[0];
            }
        }
        for (int t = 0; t <= steps; t++) {
            double expected = x0 * Math.pow(1 - theta * dt, t);
            // Path std grows to at most the stationary 0.38; stderr over 4000 paths < 0.006.
            assertEquals(expected, meanAt[t] / paths, 0.03, "mean at step " + t);
        }
    }

    @Test
    void ouResetsToZeroAndStateRoundTrips() {
        OrnsteinUhlenbeckNoise a = new OrnsteinUhlenbeckNoise(2, 0.15, 0.2, 1, 3);
        double[] out = new double[2];
        for (int t = 0; t < 5; t++) a.sample(out);
        ActionNoise.NoiseState st = a.state();
        OrnsteinUhlenbeckNoise b = new OrnsteinUhlenbeckNoise(2, 0.15, 0.2, 1, 99);
        b.restore(st);
        double[] outA = new double[2], outB = new double[2];
        for (int t = 0; t < 5; t++) {
            a.sample(outA);
            b.sample(outB);
            assertArrayEquals(outA, outB);
        }
        a.reset();
        assertArrayEquals(new double[2], a.state().values());
    }
}
