package ddpg.engine.nn;

import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import ddpg.engine.ops.Shapes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static ddpg.engine.testing.GradCheck.check;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModulesTest {
    private static Sequential actor(long seed) {
        return Mlp.input(5, new Rng(seed)).linear(8).batchNorm().relu().finalLinear(3, 3e-3f).tanh().build();
    }

    @Test void linearInitIsFanInUniformAndFinalLayerIsSmall() {
        Linear l = new Linear(16, 32, new Rng(1));
        float bound = 0.25f;
        float max = 0;
        for (float v : l.weight().data()) max = Math.max(max, Math.abs(v));
        for (float v : l.bias().data()) max = Math.max(max, Math.abs(v));
        assertTrue(max <= bound && max > 0.9f * bound, "max |w| = " + max);
        Linear f = Linear.finalLayer(300, 6, 3e-3f, new Rng(1));
        for (float v : f.weight().data()) assertTrue(Math.abs(v) <= 3e-3f);
        for (float v : f.bias().data()) assertTrue(Math.abs(v) <= 3e-3f);
    }

    @Test void sameSeedSameNetwork() {
        assertArrayEquals(actor(9).parameters().get(0).data(), actor(9).parameters().get(0).data());
        assertNotEquals(actor(9).parameters().get(0).get(0), actor(10).parameters().get(0).get(0));
    }

    @Test void namesFollowStateDictConventions() {
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "3.weight", "3.bias"),
                List.copyOf(actor(1).namedParameters().keySet()));
        assertEquals(List.of("1.running_mean", "1.running_var"), List.copyOf(actor(1).namedBuffers().keySet()));
        assertEquals(8, actor(1).stateDict().size());
        assertEquals(5 * 8 + 8 + 8 + 8 + 8 * 3 + 3, actor(1).parameterCount());
    }

    @Test void trainEvalSwitchChangesBatchNormBehaviour() {
        Sequential net = Mlp.input(3, new Rng(2)).batchNorm().build();
        BatchNorm1d bn = (BatchNorm1d) net.layers().get(0);
        Tensor x = Tensor.fromRows(new float[][] {{1, 2, 3}, {3, 6, 9}});
        Tensor yTrain = net.forward(x);
        assertEquals(-1f, yTrain.get(0, 0), 1e-3);  // batch-normalized
        assertEquals(0.2f, bn.runningMean().get(0), 1e-6);  // 0.1 * mean 2
        net.eval();
        assertFalse(bn.isTraining());
        float[] meanBefore = bn.runningMean().toArray();
        Tensor yEval = net.forward(x);
        // eval: (x - running_mean) / sqrt(running_var + eps); running_var = 0.9 + 0.1 * 2 = 1.1
        assertEquals((1 - 0.2) / Math.sqrt(1.1 + 1e-5), yEval.get(0, 0), 1e-5);
        assertArrayEquals(meanBefore, bn.runningMean().toArray(), "eval must not update running stats");
        net.train();
        assertTrue(bn.isTraining());
        assertEquals(-1f, net.forward(x).get(0, 0), 1e-3);
    }

    @Test void batchNormModuleGradientInTrainingMode() {
        BatchNorm1d bn = new BatchNorm1d(3);
        Rng rng = new Rng(4);
        bn.namedParameters().get("weight").copyFrom(Tensor.uniform(rng, 0.5f, 1.5f, 3));
        Tensor x = Tensor.uniform(rng, -2, 2, 5, 3).requiresGrad(true);
        check("BatchNorm1d module", t -> bn.forward(t[0]).tanh(), x, bn.parameters().get(0), bn.parameters().get(1));
    }

    @Test void frozenModulePassesGradientToItsInputOnly() {
        Linear critic = new Linear(4, 1, new Rng(5));
        critic.setRequiresGrad(false);
        Tensor action = Tensor.ones(2, 3).requiresGrad(true);
        Tensor state = Tensor.ones(2, 1);
        critic.forward(Shapes.concatColumns(state, action)).mean().backward();
        assertFalse(critic.weight().hasGrad());
        assertEquals(critic.weight().get(1, 0) / 2, action.gradAt(0, 0), 1e-7);
        critic.setRequiresGrad(true);
        assertTrue(critic.weight().requiresGrad());
    }

    @Test void sequentialForwardConcatMatchesConcatThenForward() {
        Sequential joint = Mlp.input(7, new Rng(6)).linear(5).relu().linear(1).build();
        Rng rng = new Rng(7);
        Tensor h = Tensor.uniform(rng, -1, 1, 4, 4), a = Tensor.uniform(rng, -1, 1, 4, 3).requiresGrad(true);
        Tensor q1 = joint.forwardConcat(h, a);
        q1.sum().backward();
        float[] ga = a.grad().clone();
        a.zeroGrad();
        Tensor q2 = joint.forward(Shapes.concatColumns(h, a));
        q2.sum().backward();
        assertArrayEquals(q2.data(), q1.data(), 1e-6f);
        assertArrayEquals(a.grad(), ga, 1e-6f);
        String first = ddpg.engine.autograd.Graph.describe(joint.forwardConcat(h, a)).split("\n")[0];
        assertTrue(first.startsWith("linearOfConcatRelu(") && first.endsWith(") -> [4, 5]"), first); // fused with its ReLU
    }

    @Test void toStringShowsTheArchitecture() {
        assertEquals("Sequential(Linear(5 -> 8), BatchNorm1d(8), ReLU, Linear(8 -> 3), Tanh)", actor(1).toString());
        assertTrue(actor(1).parameters().get(0).toString().startsWith("Tensor 'weight'[5, 8] (grad) ["));
    }
}
