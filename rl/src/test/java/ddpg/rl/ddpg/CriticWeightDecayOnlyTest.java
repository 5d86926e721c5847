package ddpg.rl.ddpg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import ddpg.engine.autograd.NoGrad;
import ddpg.engine.ops.Losses;
import ddpg.engine.optim.Adam;
import ddpg.rl.replay.Batch;
import ddpg.rl.replay.ReplayBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code --critic-l2} is weight decay on the critic only. From the same state, one update with L2 c moves the critic
 * by exactly Adam's step for the gradient g + c * theta (the same g as without L2), while the actor's step is Adam's
 * step without any decay; and with the critic held still, the actor's updates are bit for bit those of a run with
 * critic-l2 0.
 */
class CriticWeightDecayOnlyTest {
    private static final int OBS = 3, ACT = 2;
    private static final double L2 = 0.1;

    private static DdpgConfig config(double l2) {
        DdpgConfig c = new DdpgConfig();
        c.hidden = new int[] {16, 12};
        c.batch = 8;
        c.buffer = 100;
        c.tau = 0.05;
        c.gamma = 0.9;
        c.actorLr = 1e-3;
        c.criticLr = 1e-3;
        c.criticL2 = l2;
        return c;
    }

    private static ReplayBuffer filled() {
        ReplayBuffer rb = new ReplayBuffer(100, OBS, ACT);
        Rng r = new Rng(3);
        double[] s = new double[OBS], s2 = new double[OBS], a = new double[ACT];
        for (int i = 0; i < 100; i++) {
            for (int j = 0; j < OBS; j++) {
                s[j] = r.nextGaussian();
                s2[j] = r.nextGaussian();
            }
            for (int j = 0; j < ACT; j++) a[j] = r.uniform(-1, 1);
            rb.add(s, a, r.nextDouble(), i % 10 == 0 ? 0 : 1, s2);
        }
        return rb;
    }

    private static Map<String, float[]> snapshot(Map<String, Tensor> m) {
        Map<String, float[]> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v.toArray()));
        return out;
    }

    private static void load(Map<String, Tensor> into, Map<String, float[]> values) {
        into.forEach((k, t) -> System.arraycopy(values.get(k), 0, t.data(), 0, t.size()));
    }

    private static boolean same(Map<String, float[]> a, Map<String, Tensor> b) {
        for (String k : a.keySet()) if (!Arrays.equals(a.get(k), b.get(k).data())) return false;
        return true;
    }

    private static void assertSame(Map<String, Tensor> want, Map<String, Tensor> got, String what) {
        for (String k : want.keySet()) assertArrayEquals(want.get(k).data(), got.get(k).data(), what + " " + k);
    }

    /** A copy of the critic {@code values} after one Adam step (given decay) on the critic loss of the minibatch. */
    private static Critic criticStep(DdpgConfig c, Map<String, float[]> values, Tensor s, Tensor a, Tensor y, double decay) {
        Critic copy = Critic.of(OBS, ACT, c, new Rng(0));
        load(copy.stateDict(), values);
        Tensor loss = Losses.mse(copy.forward(s, a), y);
        loss.backward();
        new Adam(copy.namedParameters(), c.criticLr).weightDecay(decay).step();
        return copy;
    }

    /** A copy of the actor {@code values} after one Adam step (given decay) on -mean Q(s, mu(s)) under {@code critic}. */
    private static Actor actorStep(DdpgConfig c, Map<String, float[]> values, Critic critic, Tensor s, double decay) {
        Actor copy = Actor.of(OBS, ACT, c, new Rng(0));
        load(copy.stateDict(), values);
        critic.setRequiresGrad(false);
        try {
            Tensor loss = critic.forward(s, copy.forward(s)).mean().neg();
            loss.backward();
        } finally {
            critic.setRequiresGrad(true);
        }
        new Adam(copy.namedParameters(), c.actorLr).weightDecay(decay).step();
        return copy;
    }

    @Test
    void oneUpdateDecaysTheCriticByExactlyTheL2TermAndNotTheActor() {
        DdpgConfig c = config(L2);
        DdpgAgent agent = new DdpgAgent(OBS, ACT, c, 4);
        ReplayBuffer rb = filled();
        Map<String, float[]> critic0 = snapshot(agent.critic().stateDict()), actor0 = snapshot(agent.actor().stateDict());

        // The minibatch the agent will draw, and its targets y = r + gamma d Q'(s', mu'(s')) before the update.
        Rng sampler = new Rng(0);
        sampler.restore(Arrays.copyOf(agent.counterState(), 6));
        Batch b = new Batch(c.batch, OBS, ACT);
        rb.sample(b, sampler);
        int n = c.batch;
        Tensor s = Tensor.fromArray(b.obs, n, OBS), a = Tensor.fromArray(b.act, n, ACT), s2 = Tensor.fromArray(b.nextObs, n, OBS);
        Tensor r = Tensor.fromArray(b.rew, n, 1), d = Tensor.fromArray(b.disc, n, 1);
        Tensor y;
        try (NoGrad ng = NoGrad.enter()) {
            Tensor nextQ = agent.targetCritic().forward(s2, agent.targetActor().forward(s2));
            y = r.add(d.mul(nextQ).scale((float) c.gamma));
        }
        Critic withDecay = criticStep(c, critic0, s, a, y, L2), withoutDecay = criticStep(c, critic0, s, a, y, 0);

        agent.update(rb);
        assertSame(withDecay.stateDict(), agent.critic().stateDict(), "critic = Adam step on g + c theta:");
        assertFalse(same(snapshot(withoutDecay.stateDict()), agent.critic().stateDict()), "the decay changed the critic's step");

        // The actor's step, taken against the critic as it is after its own step, has no decay term.
        Critic criticNow = Critic.of(OBS, ACT, c, new Rng(0));
        load(criticNow.stateDict(), snapshot(agent.critic().stateDict()));
        assertSame(actorStep(c, actor0, criticNow, s, 0).stateDict(), agent.actor().stateDict(), "actor = Adam step without decay:");
        assertFalse(same(snapshot(actorStep(c, actor0, criticNow, s, L2).stateDict()), agent.actor().stateDict()),
                "a decayed actor step would have been visible");
    }

    /**
     * The literal comparison of two runs: with the critic's learning rate so small that its step vanishes in float32
     * (so both runs keep the same critic, decay or not), the actor's updates with critic-l2 0.5 are bit for bit those
     * with critic-l2 0.
     */
    @Test
    void withTheCriticHeldStillTheActorIgnoresTheCriticsL2() {
        DdpgConfig plain = config(0), decayed = config(0.5);
        plain.criticLr = decayed.criticLr = 1e-30;
        DdpgAgent x = new DdpgAgent(OBS, ACT, plain, 6), z = new DdpgAgent(OBS, ACT, decayed, 6);
        ReplayBuffer rb = filled();
        Map<String, float[]> actor0 = snapshot(x.actor().stateDict());
        for (int k = 0; k < 4; k++) {
            x.update(rb);
            z.update(rb);
            assertSame(x.critic().stateDict(), z.critic().stateDict(), "critics (held still), update " + k + ":");
            assertSame(x.actor().stateDict(), z.actor().stateDict(), "actors, update " + k + ":");
        }
        assertFalse(same(actor0, x.actor().stateDict()), "the actor did learn");
        assertTrue(x.lastActorLoss() == z.lastActorLoss());
    }
}
