package ddpg.rl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.engine.Rng;
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
    void aTrainingActorIsEvaluatedInEvalModeAndGivenBackTraining() {
        Actor actor = actor();
        actor.eval();
        double[] evalMode = new ActorEvaluation(actor, PointMassEnv::new, 2).run(5, 4).returns();
        actor.train();
        double[] fromTraining = new ActorEvaluation(actor, PointMassEnv::new, 2).run(5, 4).returns();
        assertArrayEquals(evalMode, fromTraining);
        assertTrue(actor.isTraining());
        actor.eval();
        new ActorEvaluation(actor, PointMassEnv::new, 2).run(5, 4);
        assertFalse(actor.isTraining());
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
        assertTrue(made[0] == 3, "environments made: " + made[0]);
    }

    @Test
    void zeroThreadsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ActorEvaluation(actor(), PointMassEnv::new, 0));
    }
}
