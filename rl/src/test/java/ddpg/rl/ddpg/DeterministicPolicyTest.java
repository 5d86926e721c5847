package ddpg.rl.ddpg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import ddpg.engine.autograd.NoGrad;
import org.junit.jupiter.api.Test;

/** mu(s) for one observation: eval-mode batch norm, the training mode given back, the same numbers as the agent's. */
class DeterministicPolicyTest {
    private static final double[] OBS = {0.5, -1.25, 2, 0.125};

    private static Actor batchNormActor() {
        return new Actor(4, 3, new int[] {8, 6}, true, 3e-3, new Rng(5));
    }

    @Test
    void actsWithRunningStatisticsAndLeavesATrainingActorTraining() {
        Actor actor = batchNormActor();
        // Move the running statistics away from their initial values, so that eval mode makes a difference.
        actor.train();
        Tensor batch = Tensor.wrap(new float[] {1, 2, 3, 4, -1, 0, 5, 2, 3, 3, -2, 1}, 3, 4);
        try (NoGrad ng = NoGrad.enter()) {
            actor.forward(batch);
        }
        float[] runningMean = actor.stateDict().get("net.0.running_mean").toArray();

        double[] action = new double[3];
        new DeterministicPolicy(actor).act(OBS, action);
        assertTrue(actor.isTraining(), "a training actor is training again afterwards");
        assertArrayEquals(runningMean, actor.stateDict().get("net.0.running_mean").data(), "acting leaves the statistics alone");

        actor.eval();
        float[] expected;
        try (NoGrad ng = NoGrad.enter()) {
            expected = actor.forward(Tensor.wrap(new float[] {0.5f, -1.25f, 2, 0.125f}, 1, 4)).toArray();
        }
        for (int j = 0; j < 3; j++) {
            assertEquals(expected[j], action[j], 0.0, "action " + j);
            assertTrue(Math.abs(action[j]) <= 1);
        }
    }

    @Test
    void theAgentActsThroughItBitForBit() {
        DdpgConfig c = DdpgAgentTest.small();
        c.batchNorm = true;
        DdpgAgent agent = new DdpgAgent(4, 3, c, 9);
        double[] byAgent = new double[3], byPolicy = new double[3];
        agent.act(OBS, byAgent);
        new DeterministicPolicy(agent.actor()).act(OBS, byPolicy);
        assertArrayEquals(byAgent, byPolicy, 0.0);
        assertTrue(agent.actor().isTraining(), "the agent's actor keeps training between actions");
    }
}
