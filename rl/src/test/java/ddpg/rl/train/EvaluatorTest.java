package ddpg.rl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.physics.env.EnvSpec;
import ddpg.physics.env.Environment;
import ddpg.physics.env.StepResult;
import ddpg.physics.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Evaluation on several threads: the same returns, in episode order, as one thread; divergences counted per
 * episode; a failure on any thread reaches the caller.
 */
class EvaluatorTest {
    private static final long SEED = 7;
    /** A fixed deterministic policy: push against position and velocity. */
    private static final Evaluator.Policy DAMPER = (o, a) -> a[0] = Math.tanh(-1.3 * o[0] - 0.7 * o[1]);

    @Test
    void anyNumberOfThreadsGivesTheReturnsOfOne() {
        Evaluator.Result one = Evaluator.evaluate(new PointMassEnv(), DAMPER, SEED, 9);
        for (int threads : new int[] {2, 3, 9, 12}) {
            Evaluator.Result many = Evaluator.evaluate(envs(threads), policies(threads, DAMPER), SEED, 9);
            assertArrayEquals(one.returns(), many.returns(), threads + " threads");
            assertEquals(one.mean(), many.mean(), 0.0);
            assertEquals(one.std(), many.std(), 0.0);
        }
        assertTrue(one.std() > 0, "the episodes start from different states");
    }

    @Test
    void twoThreadsReallyRunAtOnce() throws Exception {
        CountDownLatch bothStarted = new CountDownLatch(2);
        Set<String> threadNames = ConcurrentHashMap.newKeySet();
        List<Evaluator.Policy> policies = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            boolean[] first = {true};
            policies.add((o, a) -> {
                if (first[0]) {
                    first[0] = false;
                    threadNames.add(Thread.currentThread().getName());
                    bothStarted.countDown();
                    try {
                        // each thread's first action waits for the other thread's: passes only if both run at once
                        assertTrue(bothStarted.await(20, TimeUnit.SECONDS), "the other evaluation thread never started");
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
                DAMPER.act(o, a);
            });
        }
        Evaluator.Result r = Evaluator.evaluate(envs(2), policies, SEED, 6);
        assertEquals(2, threadNames.size(), "ran on " + threadNames);
        assertArrayEquals(Evaluator.evaluate(new PointMassEnv(), DAMPER, SEED, 6).returns(), r.returns());
    }

    @Test
    void aDivergedEpisodeIsCountedWhicheverThreadRunsIt() {
        long bad = Evaluator.episodeSeed(SEED, 3);
        List<Environment> envs = new ArrayList<>();
        for (int t = 0; t < 3; t++) envs.add(new DivergesOn(bad, null));
        Evaluator.Result r = Evaluator.evaluate(envs, policies(3, DAMPER), SEED, 8);
        assertEquals(1, r.diverged());
        Evaluator.Result serial = Evaluator.evaluate(new DivergesOn(bad, null), DAMPER, SEED, 8);
        assertArrayEquals(serial.returns(), r.returns());
        assertEquals(1, serial.diverged());
    }

    @Test
    void aFailureOnAnyThreadReachesTheCaller() {
        for (int failing = 0; failing < 5; failing++) {
            long bad = Evaluator.episodeSeed(SEED, failing);
            List<Environment> envs = new ArrayList<>();
            for (int t = 0; t < 2; t++) envs.add(new DivergesOn(Long.MIN_VALUE, bad));
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> Evaluator.evaluate(envs, policies(2, DAMPER), SEED, 5));
            assertEquals("reset failed for seed " + bad, e.getMessage());
        }
    }

    @Test
    void eachEnvironmentNeedsItsOwnPolicy() {
        assertThrows(IllegalArgumentException.class, () -> Evaluator.evaluate(envs(2), policies(1, DAMPER), SEED, 3));
        assertThrows(IllegalArgumentException.class, () -> Evaluator.evaluate(List.of(), List.of(), SEED, 3));
    }

    private static List<Environment> envs(int n) {
        List<Environment> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new PointMassEnv());
        return out;
    }

    private static List<Evaluator.Policy> policies(int n, Evaluator.Policy p) {
        List<Evaluator.Policy> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(p);
        return out;
    }

    /** The point mass, except that the episode seeded {@code divergeSeed} diverges at its 10th step and {@code failSeed} throws. */
    private static final class DivergesOn implements Environment {
        private final PointMassEnv inner = new PointMassEnv();
        private final long divergeSeed;
        private final Long failSeed;
        private boolean diverging;
        private int t;

        DivergesOn(long divergeSeed, Long failSeed) {
            this.divergeSeed = divergeSeed;
            this.failSeed = failSeed;
        }

        @Override public EnvSpec spec() { return inner.spec(); }

        @Override
        public double[] reset(long seed) {
            if (failSeed != null && seed == failSeed) throw new IllegalStateException("reset failed for seed " + seed);
            diverging = seed == divergeSeed;
            t = 0;
            return inner.reset(seed);
        }

        @Override
        public StepResult step(double[] action) {
            StepResult r = inner.step(action);
            if (diverging && ++t == 10) {
                return new StepResult(new double[] {Double.NaN, Double.NaN}, Double.NaN, 1, true, false, true, "test divergence");
            }
            return r;
        }

        @Override public Model model() { return null; }
    }
}
