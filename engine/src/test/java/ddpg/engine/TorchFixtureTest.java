package ddpg.engine;

import ddpg.engine.io.Json;
import ddpg.engine.nn.CompositeModule;
import ddpg.engine.nn.Linear;
import ddpg.engine.nn.Mlp;
import ddpg.engine.nn.Module;
import ddpg.engine.nn.Sequential;
import ddpg.engine.ops.Losses;
import ddpg.engine.optim.Adam;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays two small training runs recorded with PyTorch (fixtures/make_torch_fixture.py, see fixtures/README.md)
 * and requires the same losses, gradients and weights to a relative 1e-5.
 */
class TorchFixtureTest {
    /** Max abs difference over the tensor, relative to the tensor's largest magnitude (or a floor, see below). */
    static final double REL_TOL = 1e-5;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fixture() throws IOException {
        try (InputStream in = TorchFixtureTest.class.getResourceAsStream("/fixtures/torch_fixture.json")) {
            return (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> obj(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }

    private static float[] floats(Object list) {
        List<?> l = (List<?>) list;
        float[] a = new float[l.size()];
        for (int i = 0; i < a.length; i++) a[i] = ((Number) l.get(i)).floatValue();
        return a;
    }

    private static Tensor tensor(Object spec) {
        @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) spec;
        List<?> s = (List<?>) m.get("shape");
        int[] shape = new int[s.size()];
        for (int i = 0; i < shape.length; i++) shape[i] = ((Number) s.get(i)).intValue();
        return Tensor.fromArray(floats(m.get("data")), shape);
    }

    private static void load(Module module, Map<String, Object> state) {
        Map<String, Tensor> ours = module.stateDict();
        assertEquals(state.keySet(), ours.keySet());
        state.forEach((name, spec) -> {
            Tensor t = tensor(spec);
            assertArrayEquals(t.shape(), ours.get(name).shape(), name);
            ours.get(name).copyFrom(t);
        });
    }

    static void assertClose(String what, float[] expected, float[] actual) {
        assertClose(what, expected, actual, 1e-3);
    }

    /**
     * {@code floor} is the smallest scale errors are measured against. Gradients use the largest gradient of the
     * whole model at that step: the bias of a Linear followed by BatchNorm has an exactly-zero gradient in exact
     * arithmetic, i.e. float rounding noise (~1e-8) in both engines, which is only meaningful relative to the
     * other gradients.
     */
    static void assertClose(String what, float[] expected, float[] actual, double floor) {
        assertEquals(expected.length, actual.length, what);
        double scale = floor, err = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            err = Math.max(err, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(err <= REL_TOL * scale, what + ": max abs error " + err + " vs scale " + scale);
    }

    private static double maxAbs(Map<String, Object> grads) {
        double m = 0;
        for (Object g : grads.values()) for (float v : floats(g)) m = Math.max(m, Math.abs(v));
        return m;
    }

    private static void assertState(String when, Module module, Map<String, Object> state) {
        Map<String, Tensor> ours = module.stateDict();
        state.forEach((name, spec) -> assertClose(when + " " + name, tensor(spec).data(), ours.get(name).data()));
    }

    @Test void mlpWithBatchNormTrainsLikePyTorch() throws IOException {
        Map<String, Object> c = obj(fixture(), "mlp");
        Sequential net = Mlp.input(5, new Rng(0)).linear(8).batchNorm().relu().linear(3).tanh().build();
        load(net, obj(c, "init"));
        Tensor target = tensor(c.get("target"));
        Adam adam = new Adam(net.namedParameters(), ((Number) c.get("lr")).doubleValue())
                .weightDecay(((Number) c.get("weight_decay")).doubleValue());
        List<?> steps = (List<?>) c.get("steps");
        for (int kk = 0; kk < steps.size(); kk++) {
            final int k = kk;
            @SuppressWarnings("unchecked") Map<String, Object> step = (Map<String, Object>) steps.get(k);
            Tensor x = tensor(c.get("x")).requiresGrad(true);
            adam.zeroGrad();
            Tensor loss = Losses.mse(net.forward(x), target);
            loss.backward();
            assertClose("step " + k + " loss", new float[] {((Number) step.get("loss")).floatValue()}, new float[] {loss.item()});
            assertClose("step " + k + " input grad", floats(step.get("x_grad")), x.grad());
            Map<String, Tensor> params = net.namedParameters();
            double gmax = maxAbs(obj(step, "grads"));
            obj(step, "grads").forEach((name, g) -> assertClose("step " + k + " grad " + name, floats(g), params.get(name).grad(), gmax));
            adam.step();
        }
        assertState("final", net, obj(c, "final"));
        net.eval();
        assertClose("eval output", floats(c.get("eval_output")), net.forward(tensor(c.get("x"))).data());
    }

    /** The critic of the DDPG paper's shape: state features, then [features, action] concatenated. */
    static final class Critic extends CompositeModule {
        final Linear l1 = add("l1", new Linear(4, 6, new Rng(0)));
        final Linear l2 = add("l2", new Linear(6 + 2, 5, new Rng(0)));
        final Linear l3 = add("l3", new Linear(5, 1, new Rng(0)));

        Tensor forward(Tensor s, Tensor a) {
            Tensor h = l1.forward(s).relu();
            h = l2.forwardConcat(h, a).relu();
            return l3.forward(h);
        }
    }

    @Test void actorUpdateThroughFrozenCriticMatchesPyTorch() throws IOException {
        Map<String, Object> c = obj(fixture(), "actor_critic");
        Sequential actor = Mlp.input(4, new Rng(0)).linear(7).batchNorm().relu().linear(2).tanh().build();
        Critic critic = new Critic();
        load(actor, obj(c, "actor_init"));
        load(critic, obj(c, "critic"));
        critic.setRequiresGrad(false);
        Tensor s = tensor(c.get("s"));
        Adam adam = new Adam(actor.namedParameters(), ((Number) c.get("lr")).doubleValue())
                .weightDecay(((Number) c.get("weight_decay")).doubleValue());
        List<?> steps = (List<?>) c.get("steps");
        for (int kk = 0; kk < steps.size(); kk++) {
            final int k = kk;
            @SuppressWarnings("unchecked") Map<String, Object> step = (Map<String, Object>) steps.get(k);
            adam.zeroGrad();
            Tensor loss = critic.forward(s, actor.forward(s)).mean().neg();
            loss.backward();
            assertClose("step " + k + " loss", new float[] {((Number) step.get("loss")).floatValue()}, new float[] {loss.item()});
            Map<String, Tensor> params = actor.namedParameters();
            double gmax = maxAbs(obj(step, "grads"));
            obj(step, "grads").forEach((name, g) -> assertClose("step " + k + " grad " + name, floats(g), params.get(name).grad(), gmax));
            for (Tensor p : critic.parameters()) assertTrue(!p.hasGrad(), "frozen critic gets no gradient");
            adam.step();
        }
        assertState("final", actor, obj(c, "final"));
    }
}
