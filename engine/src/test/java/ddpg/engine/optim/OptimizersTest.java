package ddpg.engine.optim;

import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import ddpg.engine.nn.Mlp;
import ddpg.engine.nn.Sequential;
import ddpg.engine.ops.Losses;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptimizersTest {
    private static void setGrad(Tensor p, float... g) {
        p.zeroGrad();
        float[] a = p.gradAccumulator();
        System.arraycopy(g, 0, a, 0, g.length);
    }

    /** The textbook form of Adam (bias-corrected moments m-hat and v-hat), in double, as an independent reference. */
    @Test void adamMatchesTheTextbookFormula() {
        double lr = 0.1, b1 = 0.9, b2 = 0.999, eps = 1e-8, wd = 0.01;
        double[] grads = {0.5, -0.2, 0.05, 1.0};
        Tensor p = Tensor.scalar(1f).requiresGrad(true);
        Adam adam = new Adam(Map.of("p", p), lr).weightDecay(wd);
        double pr = 1, m = 0, v = 0;
        for (int t = 1; t <= grads.length; t++) {
            double g = grads[t - 1] + wd * pr;
            m = b1 * m + (1 - b1) * g;
            v = b2 * v + (1 - b2) * g * g;
            double mHat = m / (1 - Math.pow(b1, t)), vHat = v / (1 - Math.pow(b2, t));
            pr -= lr * mHat / (Math.sqrt(vHat) + eps);
            setGrad(p, (float) grads[t - 1]);
            adam.step();
            // 1e-5: float32 arithmetic, including the kernel's float (1 - beta2) = 0.0010000467 vs 0.001
            assertEquals(pr, p.item(), 1e-5, "step " + t);
        }
        // first step of Adam moves by ~lr regardless of the gradient's scale
        Tensor q = Tensor.scalar(1f).requiresGrad(true);
        setGrad(q, 1e-3f);
        new Adam(Map.of("q", q), 0.1).step();
        assertEquals(0.9f, q.item(), 1e-5);
    }

    /** The fused SIMD kernel against the plain-Java reference that mirrors PyTorch's float rounding. */
    @Test void adamKernelMatchesReferenceLoop() {
        Rng rng = new Rng(3);
        int n = 1000;
        Tensor p = Tensor.normal(rng, 0, 1, n).requiresGrad(true);
        float[] ref = p.toArray(), m = new float[n], v = new float[n];
        Adam adam = new Adam(Map.of("p", p), 1e-3).weightDecay(1e-2);
        for (int t = 1; t <= 20; t++) {
            float[] g = Tensor.normal(rng, 0, 1, n).data();
            setGrad(p, g);
            adam.step();
            Adam.referenceUpdate(ref, g, m, v, 1e-3, 0.9, 0.999, 1e-8, 1e-2, t);
        }
        for (int i = 0; i < n; i++) assertEquals(ref[i], p.data()[i], 1e-5 * Math.max(1, Math.abs(ref[i])), "element " + i);
    }

    @Test void sgdWithMomentumByHand() {
        Tensor p = Tensor.scalar(1f).requiresGrad(true);
        Sgd sgd = new Sgd(Map.of("p", p), 0.1f, 0.9f, 0f);
        // buffers: 1, 1.9, 2.71 -> p: 0.9, 0.71, 0.439
        float[] expected = {0.9f, 0.71f, 0.439f};
        for (float e : expected) {
            setGrad(p, 1f);
            sgd.step();
            assertEquals(e, p.item(), 1e-6);
        }
        Tensor q = Tensor.scalar(2f).requiresGrad(true);
        Sgd plain = new Sgd(Map.of("q", q), 0.5f, 0f, 0.1f);
        setGrad(q, 1f);
        plain.step();
        assertEquals(2f - 0.5f * (1f + 0.1f * 2f), q.item(), 1e-6);
    }

    @Test void parametersWithoutGradientAreSkipped() {
        Tensor a = Tensor.scalar(1f).requiresGrad(true), b = Tensor.scalar(1f).requiresGrad(true);
        Adam adam = new Adam(Map.of("a", a, "b", b), 0.1);
        setGrad(a, 1f);
        assertEquals(0f, b.grad()[0]);   // looking at a missing gradient does not create one
        adam.step();
        assertEquals(1f, b.item());
        assertEquals(0f, adam.state().get("b.step").item());
        assertEquals(1f, adam.state().get("a.step").item());
    }

    @Test void adamFlushesSubnormalsToZero() {
        Tensor p = Tensor.full(1e-3f, 4).requiresGrad(true);
        Adam adam = new Adam(Map.of("p", p), 1e-3);
        setGrad(p, 1e-30f, 1e-30f, 1e-30f, 1e-30f); // g^2 = 1e-60 underflows; (1 - b2) g^2 would be subnormal
        adam.step();
        for (int i = 0; i < 4; i++) assertEquals(0f, adam.state().get("p.exp_avg_sq").get(i));
        for (int k = 0; k < 1000; k++) {          // zero gradient: m decays by 0.9 per step, through the subnormal range
            setGrad(p, 0f, 0f, 0f, 0f);
            adam.step();
        }
        assertEquals(0, Subnormals.count(adam.state().values()));
        assertEquals(0f, adam.state().get("p.exp_avg").get(0));
        float sub = Float.MIN_NORMAL / 4;
        assertEquals(1, Subnormals.count(new float[] {sub, 0f, 1f}));
        assertEquals(0f, Subnormals.flush(sub));
        assertEquals(-1f, Subnormals.flush(-1f));
    }

    @Test void adamFlushesWeightsThatAStepWouldMakeSubnormal() {
        Tensor p = Tensor.full(2e-38f, 20).requiresGrad(true);     // 20: a whole 16-lane vector and a scalar tail
        Adam adam = new Adam(Map.of("p", p), 1e-38);
        float[] ones = new float[20];
        java.util.Arrays.fill(ones, 1f);
        setGrad(p, ones);
        adam.step();                                                // each step is 1e-38: 2e-38 -> 1e-38, subnormal
        for (int i = 0; i < 20; i++) assertEquals(0f, p.get(i), "p[" + i + "]");
    }

    @Test void targetUpdateSoftAndHardIncludeBuffers() {
        Sequential src = Mlp.input(2, new Rng(1)).linear(3).batchNorm().build();
        Sequential tgt = Mlp.input(2, new Rng(2)).linear(3).batchNorm().build();
        src.namedBuffers().get("1.running_mean").copyFrom(Tensor.full(4f, 3));
        float t0 = tgt.namedParameters().get("0.weight").get(0, 0), s0 = src.namedParameters().get("0.weight").get(0, 0);
        TargetUpdate sync = new TargetUpdate(tgt, src);
        sync.soft(0.25f);
        assertEquals(0.75f * t0 + 0.25f * s0, tgt.namedParameters().get("0.weight").get(0, 0), 1e-7);
        assertEquals(1f, tgt.namedBuffers().get("1.running_mean").get(0), 1e-7);
        sync.hard();
        assertArrayEquals(src.namedParameters().get("0.weight").data(), tgt.namedParameters().get("0.weight").data());
        assertArrayEquals(src.namedBuffers().get("1.running_mean").data(), tgt.namedBuffers().get("1.running_mean").data());
        Sequential other = Mlp.input(2, new Rng(1)).linear(4).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TargetUpdate(other, src));
        assertTrue(e.getMessage().contains("shape") && e.getMessage().contains("running_mean"), e.getMessage());
    }

    @Test void optimizerStateRoundTripContinuesTrainingIdentically() {
        Rng rng = new Rng(8);
        Tensor x = Tensor.uniform(rng, -1, 1, 8, 3), y = Tensor.uniform(rng, -1, 1, 8, 2);
        Sequential a = Mlp.input(3, new Rng(1)).linear(4).relu().linear(2).build();
        Sequential b = Mlp.input(3, new Rng(1)).linear(4).relu().linear(2).build();
        Adam oa = new Adam(a.namedParameters(), 1e-2).weightDecay(1e-2);
        Adam ob = new Adam(b.namedParameters(), 1e-2).weightDecay(1e-2);
        for (int k = 0; k < 3; k++) {
            oa.zeroGrad();
            Losses.mse(a.forward(x), y).backward();
            oa.step();
        }
        // b gets a's weights and optimizer state, then both take the same steps
        b.stateDict().forEach((name, t) -> t.copyFrom(a.stateDict().get(name)));
        Map<String, Tensor> saved = new java.util.LinkedHashMap<>();
        oa.state().forEach((k, v) -> saved.put(k, Tensor.copyOf(v)));
        ob.loadState(saved);
        for (int k = 0; k < 3; k++) {
            oa.zeroGrad();
            ob.zeroGrad();
            Losses.mse(a.forward(x), y).backward();
            Losses.mse(b.forward(x), y).backward();
            oa.step();
            ob.step();
        }
        a.namedParameters().forEach((name, t) -> assertArrayEquals(t.data(), b.namedParameters().get(name).data(), name));
        saved.remove("0.weight.exp_avg");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ob.loadState(saved));
        assertTrue(e.getMessage().contains("missing [0.weight.exp_avg]"), e.getMessage());
    }
}
