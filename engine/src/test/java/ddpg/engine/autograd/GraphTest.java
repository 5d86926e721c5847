package ddpg.engine.autograd;

import ddpg.engine.Arena;
import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import ddpg.engine.ops.Losses;
import ddpg.engine.ops.Products;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphTest {
    @Test void gradientOfAScalarExpression() {
        // f(a, b) = (a * b + a)^2 ; df/da = 2(ab + a)(b + 1), df/db = 2(ab + a) a
        Tensor a = Tensor.scalar(3f).requiresGrad(true), b = Tensor.scalar(-2f).requiresGrad(true);
        Tensor f = a.mul(b).add(a).square();
        f.backward();
        assertEquals(2 * (-6 + 3) * (-2 + 1), a.grad()[0], 1e-6);
        assertEquals(2 * (-6 + 3) * 3, b.grad()[0], 1e-6);
    }

    @Test void leafGradientsAccumulateUntilZeroGrad() {
        Tensor x = Tensor.fromArray(new float[] {1, 2}, 2).requiresGrad(true);
        x.scale(3f).sum().backward();
        x.scale(3f).sum().backward();
        assertArrayEquals(new float[] {6, 6}, x.grad());
        x.zeroGrad();
        assertFalse(x.hasGrad());
        assertArrayEquals(new float[] {0, 0}, x.grad());
        x.scale(2f).sum().backward();
        assertArrayEquals(new float[] {2, 2}, x.grad());
    }

    @Test void diamondGraphSumsBothPaths() {
        // y = x; z = y*2 + y*3 -> dz/dx = 5
        Tensor x = Tensor.full(1.5f, 2, 2).requiresGrad(true);
        Tensor y = x.tanh();
        y.scale(2f).add(y.scale(3f)).sum().backward();
        float t = (float) Math.tanh(1.5);
        assertEquals(5 * (1 - t * t), x.grad()[0], 1e-6);
    }

    @Test void nonScalarBackwardWithoutSeedIsAClearError() {
        Tensor x = Tensor.ones(3, 2).requiresGrad(true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> x.scale(2f).backward());
        assertTrue(e.getMessage().contains("[3, 2]") && e.getMessage().contains("seed"), e.getMessage());
        // with a seed it works
        x.scale(2f).backward(new float[] {1, 1, 1, 1, 1, 1});
        assertEquals(2f, x.grad()[5]);
    }

    @Test void intermediateGradientIsFreedUnlessRetained() {
        Tensor x = Tensor.ones(2).requiresGrad(true);
        Tensor h = x.scale(2f), k = x.scale(3f).retainGrad();
        h.add(k).sum().backward();
        IllegalStateException e = assertThrows(IllegalStateException.class, h::grad);
        assertTrue(e.getMessage().contains("retainGrad"), e.getMessage());
        assertArrayEquals(new float[] {1, 1}, k.grad());
    }

    @Test void secondBackwardThroughTheSameGraphIsAClearError() {
        Tensor x = Tensor.ones(2).requiresGrad(true);
        Tensor loss = x.square().sum();
        loss.backward();
        IllegalStateException e = assertThrows(IllegalStateException.class, loss::backward);
        assertTrue(e.getMessage().contains("already"), e.getMessage());
    }

    @SuppressWarnings("try") // scopes are used only for their close()
    @Test void noGradRecordsNothing() {
        Tensor w = Tensor.ones(2, 2).requiresGrad(true);
        Tensor y;
        try (NoGrad ignored = NoGrad.enter()) {
            y = Tensor.ones(1, 2).matmul(w).tanh();
        }
        assertNull(y.creator());
        assertFalse(y.requiresGrad());
        assertThrows(IllegalStateException.class, () -> y.sum().backward());
        assertTrue(NoGrad.gradEnabled());
    }

    @Test void detachStopsTheGradient() {
        Tensor x = Tensor.full(2f, 1).requiresGrad(true);
        Tensor y = x.mul(x.detach());      // d/dx = detached value only = 2
        y.sum().backward();
        assertEquals(2f, x.grad()[0]);
    }

    @Test void gradientFlowsToInputs() {
        // The DDPG actor update: dQ/da through a critic whose weights are frozen.
        Rng rng = new Rng(3);
        Tensor w = Tensor.uniform(rng, -1, 1, 3, 1);
        Tensor a = Tensor.uniform(rng, -1, 1, 4, 3).requiresGrad(true);
        Products.linear(a, w, null).mean().backward();
        for (int i = 0; i < 4; i++) for (int j = 0; j < 3; j++) assertEquals(w.get(j, 0) / 4, a.gradAt(i, j), 1e-7);
        assertFalse(w.requiresGrad());
    }

    @Test void gradOfTensorWithoutRequiresGradIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Tensor.ones(2).grad());
        assertTrue(e.getMessage().contains("requiresGrad"), e.getMessage());
    }

    @Test void describeListsOpsInExecutionOrder() {
        Tensor x = Tensor.ones(2, 2).requiresGrad(true);
        String d = Graph.describe(x.relu().tanh().sum());
        assertEquals("relu(leaf [2, 2]) -> [2, 2]\ntanh(relu [2, 2]) -> [2, 2]\nsum(tanh [2, 2]) -> scalar\n", d);
    }

    @SuppressWarnings("try") // scopes are used only for their close()
    @Test void arenaGivesTheSameResultsAndReusesMemory() {
        Rng rng = new Rng(5);
        Tensor w = Tensor.uniform(rng, -1, 1, 8, 4).requiresGrad(true);
        Tensor x = Tensor.uniform(rng, -1, 1, 16, 8), target = Tensor.uniform(rng, -1, 1, 16, 4);
        Losses.mse(x.matmul(w).tanh(), target).backward();
        float[] expected = w.grad().clone();
        Arena arena = new Arena();
        long pooled = -1;
        for (int iter = 0; iter < 3; iter++) {
            w.zeroGrad();
            float loss;
            try (Arena step = arena.enter()) {
                Tensor l = Losses.mse(x.matmul(w).tanh(), target);
                l.backward();
                loss = l.item();
            }
            assertTrue(loss > 0);
            assertArrayEquals(expected, w.grad());
            if (iter > 0) assertEquals(pooled, arena.pooledBytes(), "pool must not grow once warm");
            pooled = arena.pooledBytes();
        }
    }

    @SuppressWarnings("try") // scopes are used only for their close()
    @Test void usingAnArenaTensorAfterTheScopeIsAClearError() {
        Tensor kept;
        try (Arena a = new Arena().enter()) {
            kept = Tensor.ones(2).scale(2f);
            assertEquals(2f, kept.get(0));
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, kept::data);
        assertTrue(e.getMessage().contains("Arena"), e.getMessage());
        assertTrue(kept.toString().contains("recycled"));
    }
}
