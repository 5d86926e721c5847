package ddpg.rl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.engine.Rng;
import ddpg.physics.env.EnvSpec;
import ddpg.physics.env.Environment;
import ddpg.physics.env.StepResult;
import ddpg.rl.ddpg.Actor;
import org.junit.jupiter.api.Test;

/** The evaluation of an actor that training and {@code ddpg.jar eval} share: thread-count invariant, mode restored. */
class ActorEvaluationTest {
    /** A batch-norm actor, so that eval mode matters: in training mode one row would normalise to zero. */
    private static Actor actor() {
        return new Actor(2, 1, new int[] {16, 16}, true, 0.5, new Rng(11));
    }

    @Test
    void anyThreadCountGivesTheReturnsOfOneAndTheReturnsOfAPlainLoop() {
        Actor actor = actor();
        double[] one = new ActorEvaluation(actor, PointMassEnv::new, 1).run(3, 7).returns();
        for (int threads : new int[] {2, 3, 12}) {
            assertArrayEquals(one, new ActorEvaluation(actor, PointMassEnv::new, threads).run(3, 7).returns(), "threads " + threads);
        }
        // the same episodes with the policy written out by hand
        ddpg.rl.ddpg.DeterministicPolicy mu = new ddpg.rl.ddpg.DeterministicPolicy(actor);
        assertArrayEquals(one, Evaluator.evaluate(new PointMassEnv(), mu::act, 3, 7).returns());
    }

    @Test
    void aTrainingActorStaysInEvalModeForTheWholeEvaluationAndIsGivenBackTraining() {
        // Each environment records the actor's mode at every step. Were the mode switched per action (as a lone
        // DeterministicPolicy does), a step would see training mode and a second thread could read it mid-switch.
        Actor actor = actor();
        actor.train();
        java.util.Set<Boolean> modesSeen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.function.Supplier<Environment> watching = () -> new ModeWatchingEnv(new PointMassEnv(), actor, modesSeen);
        new ActorEvaluation(actor, watching, 2).run(5, 4);
        assertEquals(java.util.Set.of(false), modesSeen, "modes seen during the episodes (true = training)");
        assertTrue(actor.isTraining(), "given back in training mode");
        actor.eval();
        new ActorEvaluation(actor, PointMassEnv::new, 2).run(5, 4);
        assertFalse(actor.isTraining(), "an actor in eval mode stays there");
    }

    /** Delegates to an environment and records {@code actor.isTraining()} at each step. */
    private record ModeWatchingEnv(Environment inner, Actor actor, java.util.Set<Boolean> seen) implements Environment {
        @Override public EnvSpec spec() { return inner.spec(); }
        @Override public double[] reset(long seed) { return inner.reset(seed); }
        @Override public ddpg.physics.model.Model model() { return inner.model(); }
        @Override public StepResult step(double[] action) {
            seen.add(actor.isTraining());
            return inner.step(action);
        }
    }

    @Test
    void aRepeatedEvaluationReusesItsEnvironmentsAndGivesTheSameReturns() {
        int[] made = {0};
        ActorEvaluation evaluation = new ActorEvaluation(actor(), () -> {
            made[0]++;
            return new PointMassEnv();
        }, 3);
        double[] first = evaluation.run(9, 5).returns();
        assertArrayEquals(first, evaluation.run(9, 5).returns());
        assertEquals(3, made[0], "environments made, one per thread, once");
    }

    @Test
    void zeroThreadsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ActorEvaluation(actor(), PointMassEnv::new, 0));
    }
}
