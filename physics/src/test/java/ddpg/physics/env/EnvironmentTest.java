package ddpg.physics.env;

import ddpg.physics.tasks.SplitMix64;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The episode loop: determinism, bad actions, clipping, the time limit, divergence. */
class EnvironmentTest {
    /** Observations and rewards of {@code steps} steps under seeded random actions, flattened. */
    static List<double[]> rollout(String task, long seed, int steps) {
        ControlSuiteEnv env = Tasks.make(task);
        List<double[]> out = new ArrayList<>();
        out.add(env.reset(seed));
        SplitMix64 rng = SplitMix64.stream(seed, SplitMix64.KIND_TASK_ACTIONS);
        double[] a = new double[env.spec().actionSize()];
        for (int t = 0; t < steps; t++) {
            for (int j = 0; j < a.length; j++) a[j] = rng.uniform(-1, 1);
            StepResult r = env.step(a);
            out.add(r.observation());
            out.add(new double[] {r.reward(), r.discount()});
        }
        return out;
    }

    static void assertBitIdentical(List<double[]> a, List<double[]> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) assertArrayEquals(a.get(i), b.get(i), 0.0, "entry " + i);
    }

    @Test
    void sameSeedSameEpisodeBitForBitAcrossInstancesAndThreads() throws Exception {
        List<double[]> first = rollout("walker-run", 11, 60);
        assertBitIdentical(first, rollout("walker-run", 11, 60));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<double[]>> a = pool.submit(() -> rollout("walker-run", 11, 60));
            Future<List<double[]>> b = pool.submit(() -> rollout("walker-run", 11, 60));
            assertBitIdentical(first, a.get());
            assertBitIdentical(first, b.get());
        } finally {
            pool.shutdown();
        }
        assertFalse(java.util.Arrays.equals(first.get(0), rollout("walker-run", 12, 0).get(0)), "seed changes start");
    }

    @Test
    void resettingTheSameInstanceRepeatsTheEpisode() {
        ControlSuiteEnv env = Tasks.make("reacher-hard");
        double[] o1 = env.reset(5);
        double[] t1 = env.target();
        env.step(new double[] {0.3, -0.2});
        env.reset(9);
        assertArrayEquals(o1, env.reset(5), 0.0);
        assertArrayEquals(t1, env.target(), 0.0);
    }

    @Test
    void badActionsAreClearErrors() {
        ControlSuiteEnv env = Tasks.make("cheetah-run");
        env.reset(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.step(new double[5]));
        assertEquals("cheetah-run: action has 5 entries, expected 6", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> env.step(new double[] {0, 0, Double.NaN, 0, 0, 0}));
        assertTrue(e.getMessage().startsWith("cheetah-run: action[2] is NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> env.step(null));
        assertTrue(e.getMessage().contains("action is null"), e.getMessage());
        assertEquals(0, env.stepsTaken(), "a rejected action does not advance the episode");
    }

    @Test
    void stepBeforeResetIsAnError() {
        ControlSuiteEnv env = Tasks.make("cartpole-balance");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(new double[1]));
        assertTrue(e.getMessage().contains("call reset(seed) first"), e.getMessage());
    }

    @Test
    void actionsOutsideTheBoxAreClipped() {
        ControlSuiteEnv a = Tasks.make("cartpole-swingup"), b = Tasks.make("cartpole-swingup");
        a.reset(3);
        b.reset(3);
        StepResult ra = a.step(new double[] {7.5}), rb = b.step(new double[] {1.0});
        assertArrayEquals(rb.observation(), ra.observation(), 0.0);
        assertEquals(rb.reward(), ra.reward(), 0.0);
        assertEquals(1.0, a.physics().ctrl()[0], "the stored control is the clipped action");
        ra = a.step(new double[] {Double.NEGATIVE_INFINITY});
        rb = b.step(new double[] {-1.0});
        assertArrayEquals(rb.observation(), ra.observation(), 0.0);
    }

    @Test
    void episodesEndByTimeLimitAfterThousandStepsWithDiscountOne() {
        ControlSuiteEnv env = Tasks.make("cartpole-balance");
        env.reset(4);
        double[] a = {0.1};
        for (int t = 1; t <= 1000; t++) {
            StepResult r = env.step(a);
            assertEquals(1.0, r.discount());
            assertFalse(r.diverged());
            assertEquals(t == 1000, r.last(), "step " + t);
            assertEquals(t == 1000, r.timeLimit(), "step " + t);
            assertTrue(r.reward() >= 0 && r.reward() <= 1);
        }
        assertEquals(10.0, env.stepsTaken() * env.spec().controlTimestep(), 1e-12);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(a));
        assertTrue(e.getMessage().contains("episode is over"), e.getMessage());
        env.reset(4);
        assertFalse(env.step(a).last());
    }

    @Test
    void divergenceEndsTheEpisodeAndIsReported() {
        ControlSuiteEnv env = Tasks.make("walker-walk");
        double[] good = env.reset(1);
        double[] qvel = new double[env.model().nv];
        java.util.Arrays.fill(qvel, 1e300); // a state no physics survives: the step after it reports it
        env.restoreState(env.physics().qpos().clone(), qvel);
        StepResult bad = env.step(new double[6]);
        assertTrue(bad.diverged() && bad.last(), "diverged from a restored state");
        assertTrue(bad.divergence().contains("simulation diverged at t="), bad.divergence());
        double[] before = env.reset(1);
        java.util.Arrays.fill(env.physics().qvel(), 1e300); // blow up behind the environment's back
        StepResult r = env.step(new double[6]);
        assertTrue(r.diverged());
        assertTrue(r.last());
        assertFalse(r.timeLimit(), "a divergence is not a time-limit end");
        assertNotNull(r.divergence());
        assertTrue(r.divergence().startsWith("walker-walk diverged at control step 0"), r.divergence());
        for (double x : r.observation()) assertFalse(Double.isNaN(x), "no NaN leaks into the observation");
        assertArrayEquals(before, r.observation(), 0.0, "the last good observation is returned");
        assertThrows(IllegalStateException.class, () -> env.step(new double[6]));
        assertArrayEquals(good, env.reset(1), 0.0, "reset recovers");
    }
}
