package ddpg.rl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.engine.Rng;
import ddpg.engine.io.Json;
import ddpg.physics.env.StepResult;
import ddpg.rl.noise.ActionNoise;
import ddpg.rl.noise.OrnsteinUhlenbeckNoise;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ornstein-Uhlenbeck exploration noise with a time step other than 1: x <- x + theta (mu - x) dt + sigma sqrt(dt) N.
 * Its stationary standard deviation is sigma sqrt(dt / (1 - (1 - theta dt)^2)) and its lag-1 autocorrelation
 * 1 - theta dt (checked within sampling error over long seeded sequences); it restarts at mu = 0 every episode (in
 * the trainer too); and its saved state, through JSON as in a checkpoint, continues the very same sequence.
 */
class OuNoiseTimeStepAndEpisodeRestartTest {
    @TempDir Path tmp;

    private static final double THETA = 0.15, SIGMA = 0.2;

    private static void checkStationary(double dt, int n, long seed) {
        OrnsteinUhlenbeckNoise ou = new OrnsteinUhlenbeckNoise(1, THETA, SIGMA, dt, seed);
        double a = 1 - THETA * dt;
        double expectedStd = SIGMA * Math.sqrt(dt / (1 - a * a));
        assertEquals(expectedStd, ou.stationaryStd(), 1e-12, "stationaryStd() formula, dt " + dt);
        double[] out = new double[1];
        int burnIn = (int) (30 / (THETA * dt)); // (1 - theta dt)^burnIn < 1e-13: the start at 0 is forgotten
        for (int t = 0; t < burnIn; t++) ou.sample(out);
        double sum = 0, sq = 0, lag = 0, prev = out[0];
        for (int t = 0; t < n; t++) {
            ou.sample(out);
            sum += out[0];
            sq += out[0] * out[0];
            lag += out[0] * prev;
            prev = out[0];
        }
        double mean = sum / n, var = sq / n - mean * mean, std = Math.sqrt(var);
        // Sampling errors of an AR(1) sequence with coefficient a (5 standard errors each).
        double seMean = expectedStd * Math.sqrt((1 + a) / ((1 - a) * n));
        double seStdRel = Math.sqrt((1 + a * a) / (2 * (1 - a * a) * n));
        double seLag = Math.sqrt((1 - a * a) / n);
        assertEquals(0, mean, 5 * seMean, "mean, dt " + dt);
        assertEquals(expectedStd, std, 5 * seStdRel * expectedStd, "stationary std, dt " + dt);
        assertEquals(a, (lag / n - mean * mean) / var, 5 * seLag + 1e-4, "lag-1 autocorrelation, dt " + dt);
    }

    @Test
    void unitTimeStep() {
        // dt 1, the paper's: std 0.3803, lag-1 autocorrelation 0.85.
        checkStationary(1.0, 400_000, 11);
    }

    @Test
    void smallTimeStep() {
        // dt 0.05: std 0.3658 where dt = 1 would give 0.3803 (standard error here 0.3%).
        checkStationary(0.05, 8_000_000, 1);
    }

    @Test
    void halfTimeStep() {
        checkStationary(0.5, 2_000_000, 2);
    }

    @Test
    void doubleTimeStep() {
        // dt 2: theta dt = 0.3, std 0.3961
        checkStationary(2.0, 2_000_000, 3);
    }

    @Test
    void resetRestartsAtMuAndTheNextValueIsOneFreshIncrement() {
        double dt = 0.5;
        OrnsteinUhlenbeckNoise ou = new OrnsteinUhlenbeckNoise(3, THETA, SIGMA, dt, 5);
        double[] out = new double[3];
        for (int t = 0; t < 101; t++) ou.sample(out);
        assertTrue(Math.abs(out[0]) + Math.abs(out[1]) + Math.abs(out[2]) > 0);
        ou.reset();
        assertArrayEquals(new double[3], ou.state().values(), "back at mu = 0");
        Rng copy = new Rng(0);
        copy.restore(ou.state().rng());
        ou.sample(out);
        for (int i = 0; i < 3; i++) assertEquals(SIGMA * Math.sqrt(dt) * copy.nextGaussian(), out[i], "x = 0 + sigma sqrt(dt) N, dimension " + i);
    }

    /** The state saved mid-sequence (with a cached second Gaussian) goes through JSON as state.json does. */
    @Test
    void savedStateContinuesTheSameSequenceThroughJson() {
        double dt = 0.25;
        OrnsteinUhlenbeckNoise a = new OrnsteinUhlenbeckNoise(3, THETA, SIGMA, dt, 8);
        double[] out = new double[3];
        for (int t = 0; t < 5; t++) a.sample(out); // 15 Gaussians: the generator holds a spare one
        ActionNoise.NoiseState st = a.state();
        assertEquals(1, st.rng()[4], "a cached Gaussian is part of the state");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("noise_rng", st.rng());
        json.put("noise_values", st.values());
        Map<String, Object> back = Json.parseObject(Json.write(json));
        OrnsteinUhlenbeckNoise b = new OrnsteinUhlenbeckNoise(3, THETA, SIGMA, dt, 12345);
        b.restore(new ActionNoise.NoiseState(Json.toLongArray(back.get("noise_rng")), Json.toDoubleArray(back.get("noise_values"))));
        double[] outA = new double[3], outB = new double[3];
        for (int t = 0; t < 200; t++) {
            a.sample(outA);
            b.sample(outB);
            assertArrayEquals(outA, outB, "sample " + t);
            if (t == 100) {
                a.reset();
                b.reset();
            }
        }
    }

    /**
     * In the trainer: actions are clip(mu(s) + OU noise), where the noise process (dt 0.5) restarts at 0 at every
     * episode start and draws from one generator for the whole run. Replayed here with our own OU process seeded as
     * the trainer seeds it (Rng.derive(seed, "exploration-noise")); no updates, so mu stays fixed.
     */
    @Test
    void theTrainerRestartsTheNoiseAtEveryEpisode() throws IOException {
        RunConfig c = TinyRuns.config(400);
        c.agent.noise = "ou";
        c.agent.ouDt = 0.5;
        c.agent.ouTheta = THETA;
        c.agent.noiseSigma = SIGMA;
        c.agent.warmup = 0;
        c.agent.learningStarts = 1_000_000; // mu(s) never changes
        c.run.evalEvery = 400;
        c.run.checkpointEvery = 0;
        Path dir = TinyRuns.newRun(tmp, c);
        Trainer[] trainer = new Trainer[1];
        List<double[]> mus = new ArrayList<>(), actions = new ArrayList<>();
        List<Boolean> firstOfEpisode = new ArrayList<>();
        trainer[0] = TinyRuns.trainer(c, dir, TinyRuns.trainingEnv(() -> new TinyRuns.Forwarding(new PointMassEnv()) {
            double[] obs;
            boolean fresh;

            @Override
            public double[] reset(long seed) {
                obs = super.reset(seed);
                fresh = true;
                return obs;
            }

            @Override
            public StepResult step(double[] action) {
                double[] mu = new double[1];
                trainer[0].agent().act(obs, mu);
                mus.add(mu);
                actions.add(action.clone());
                firstOfEpisode.add(fresh);
                fresh = false;
                StepResult r = super.step(action);
                obs = r.observation();
                return r;
            }
        }));
        trainer[0].start();
        assertEquals(400, actions.size());
        assertEquals(7, firstOfEpisode.stream().filter(b -> b).count(), "episodes of 60 steps");

        OrnsteinUhlenbeckNoise replay = new OrnsteinUhlenbeckNoise(1, THETA, SIGMA, 0.5, Rng.derive(c.run.seed, "exploration-noise"));
        double[] eps = new double[1];
        for (int t = 0; t < actions.size(); t++) {
            if (firstOfEpisode.get(t)) replay.reset();
            replay.sample(eps);
            double want = Math.max(-1, Math.min(1, mus.get(t)[0] + eps[0]));
            assertEquals(want, actions.get(t)[0], "action at env step " + (t + 1));
        }
    }
}
