package ddpg.rl.ddpg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import ddpg.engine.nn.Activation;
import ddpg.engine.nn.BatchNorm1d;
import ddpg.engine.nn.Layer;
import ddpg.engine.nn.Linear;
import ddpg.engine.nn.Sequential;
import ddpg.rl.replay.ReplayBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code --preset paper} against Lillicrap et al. 2015, section 7 ("Experiment details", low-dimensional runs):
 * Adam with learning rates 1e-4 (actor) and 1e-3 (critic), L2 weight decay 1e-2 on the critic, gamma 0.99, tau
 * 0.001, ReLU hidden layers of 400 and 300 units, final layers (weights and biases) uniform in +-3e-3 and the others
 * uniform in +-1/sqrt(fan-in), actions entering Q at the second hidden layer, minibatch 64, replay 1e6, OU noise
 * theta 0.15 sigma 0.2. The paper also used batch normalisation; the preset leaves it off, and says so.
 */
class PaperPresetMatchesThePaperTest {
    private static final int OBS = 7, ACT = 3;

    @Test
    void theHyperparametersAreThePapers() {
        DdpgConfig p = Presets.paper();
        assertEquals(1e-4, p.actorLr, "actor Adam learning rate");
        assertEquals(1e-3, p.criticLr, "critic Adam learning rate");
        assertEquals(1e-2, p.criticL2, "critic L2 weight decay");
        assertEquals(0.99, p.gamma, "discount");
        assertEquals(0.001, p.tau, "soft target update rate");
        assertArrayEquals(new int[] {400, 300}, p.hidden, "hidden layers");
        assertEquals(3e-3, p.finalInit, "final layer init bound");
        assertEquals(2, p.actionLayer, "actions enter Q at the 2nd hidden layer");
        assertEquals(64, p.batch, "minibatch");
        assertEquals(1_000_000, p.buffer, "replay buffer size");
        assertEquals("ou", p.noise, "Ornstein-Uhlenbeck exploration");
        assertEquals(0.15, p.ouTheta, "OU theta");
        assertEquals(0.2, p.noiseSigma, "OU sigma");
        assertEquals(1.0, p.utd, "one update per environment step (Algorithm 1)");
        p.validate();
        assertEquals(Presets.paper().hidden.length, Presets.named("paper").hidden.length);
    }

    /** The paper used batch norm; the preset does not, and both the Javadoc'd preset and rl/README.md say so. */
    @Test
    void batchNormIsOffAndThatIsDocumented() throws Exception {
        assertFalse(Presets.paper().batchNorm, "the paper preset leaves batch norm off (add --batch-norm)");
        Path readme = Path.of("README.md");
        if (!Files.isRegularFile(readme)) readme = Path.of("rl", "README.md"); // run from the project root
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        assertTrue(text.contains("| batch norm | off | off (the paper used it: add `--batch-norm`) |"),
                "rl/README.md's preset table documents that the paper preset has no batch norm");
    }

    private static List<Layer> layers(Object module) {
        return ((Sequential) module).layers();
    }

    private static void assertLinear(Layer l, int in, int out, double bound, String what) {
        Linear lin = assertInstanceOf(Linear.class, l, what);
        assertEquals(in, lin.inFeatures(), what + " inputs");
        assertEquals(out, lin.outFeatures(), what + " outputs");
        for (Tensor t : List.of(lin.weight(), lin.bias())) {
            float max = 0;
            for (float v : t.data()) {
                assertTrue(Math.abs(v) <= bound, what + ": " + v + " outside +-" + bound);
                max = Math.max(max, Math.abs(v));
            }
            // Uniform over the whole range, not a narrower init: the largest of many draws is near the bound.
            if (t.size() >= 100) assertTrue(max > 0.95 * bound, what + ": largest |value| " + max + " for bound " + bound);
        }
    }

    @Test
    void theActorIs400ReLU300ReLUThenTanhWithTheFinalLayerUniform3e3() {
        Actor a = Actor.of(OBS, ACT, Presets.paper(), new Rng(1));
        List<Layer> l = layers(a.children().get("net"));
        assertEquals(6, l.size(), l.toString());
        assertLinear(l.get(0), OBS, 400, 1 / Math.sqrt(OBS), "actor layer 1");
        assertSame(Activation.RELU, l.get(1));
        assertLinear(l.get(2), 400, 300, 1 / Math.sqrt(400), "actor layer 2");
        assertSame(Activation.RELU, l.get(3));
        assertLinear(l.get(4), 300, ACT, 3e-3, "actor final layer");
        assertSame(Activation.TANH, l.get(5), "actions bounded by tanh");
    }

    @Test
    void theCriticTakesTheActionAtItsSecondHiddenLayer() {
        Critic c = Critic.of(OBS, ACT, Presets.paper(), new Rng(1));
        List<Layer> state = layers(c.children().get("state")), joint = layers(c.children().get("joint"));
        assertEquals(2, state.size(), state.toString());
        assertLinear(state.get(0), OBS, 400, 1 / Math.sqrt(OBS), "critic layer 1 (state only)");
        assertSame(Activation.RELU, state.get(1));
        assertEquals(3, joint.size(), joint.toString());
        assertLinear(joint.get(0), 400 + ACT, 300, 1 / Math.sqrt(400 + ACT), "critic layer 2 ([h1, a])");
        assertSame(Activation.RELU, joint.get(1));
        assertLinear(joint.get(2), 300, 1, 3e-3, "critic final layer (a linear Q)");
    }

    /** With --batch-norm the paper's places: the state input, every actor layer, the critic layers before the action. */
    @Test
    void batchNormOnTopGoesWhereThePaperPutIt() {
        DdpgConfig p = Presets.paper();
        p.batchNorm = true;
        List<Layer> actor = layers(Actor.of(OBS, ACT, p, new Rng(1)).children().get("net"));
        assertEquals(List.of("BatchNorm1d", "Linear", "BatchNorm1d", "ReLU", "Linear", "BatchNorm1d", "ReLU", "Linear", "Tanh"),
                actor.stream().map(PaperPresetMatchesThePaperTest::kind).toList());
        Critic c = Critic.of(OBS, ACT, p, new Rng(1));
        assertEquals(List.of("BatchNorm1d", "Linear", "BatchNorm1d", "ReLU"),
                layers(c.children().get("state")).stream().map(PaperPresetMatchesThePaperTest::kind).toList());
        assertEquals(List.of("Linear", "ReLU", "Linear"),
                layers(c.children().get("joint")).stream().map(PaperPresetMatchesThePaperTest::kind).toList());
    }

    private static String kind(Layer l) {
        if (l instanceof BatchNorm1d) return "BatchNorm1d";
        if (l instanceof Linear) return "Linear";
        return l.toString();
    }

    /**
     * The learning rates reach the right optimizers: Adam's first step moves a parameter by lr * g / (|g| + eps),
     * i.e. by almost exactly lr wherever the gradient is not tiny. So after one update the largest change of an
     * actor parameter is 1e-4 and of a critic parameter 1e-3.
     */
    @Test
    void adamsFirstStepMovesTheActorBy1e4AndTheCriticBy1e3() {
        DdpgConfig p = Presets.paper();
        DdpgAgent agent = new DdpgAgent(OBS, ACT, p, 3);
        ReplayBuffer rb = new ReplayBuffer(200, OBS, ACT);
        Rng r = new Rng(5);
        double[] s = new double[OBS], s2 = new double[OBS], a = new double[ACT];
        for (int i = 0; i < 200; i++) {
            for (int j = 0; j < OBS; j++) {
                s[j] = r.nextGaussian();
                s2[j] = r.nextGaussian();
            }
            for (int j = 0; j < ACT; j++) a[j] = r.uniform(-1, 1);
            rb.add(s, a, r.nextDouble(), 1, s2);
        }
        Map<String, float[]> actor0 = copy(agent.actor().stateDict()), critic0 = copy(agent.critic().stateDict());
        agent.update(rb);
        assertEquals(1e-4, largestChange(actor0, agent.actor().stateDict()), 1e-6, "actor step size = actor lr");
        assertEquals(1e-3, largestChange(critic0, agent.critic().stateDict()), 1e-5, "critic step size = critic lr");
    }

    private static Map<String, float[]> copy(Map<String, Tensor> m) {
        Map<String, float[]> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v.toArray()));
        return out;
    }

    private static double largestChange(Map<String, float[]> before, Map<String, Tensor> after) {
        double max = 0;
        for (Map.Entry<String, float[]> e : before.entrySet()) {
            float[] b = e.getValue(), x = after.get(e.getKey()).data();
            for (int i = 0; i < b.length; i++) max = Math.max(max, Math.abs((double) x[i] - b[i]));
        }
        return max;
    }
}
