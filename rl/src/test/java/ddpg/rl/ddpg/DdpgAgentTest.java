package ddpg.rl.ddpg;

import static org.junit.jupiter.api.Assertions.*;

import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import ddpg.engine.autograd.NoGrad;
import ddpg.rl.replay.ReplayBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DdpgAgentTest {
    static DdpgConfig small() {
        DdpgConfig c = new DdpgConfig();
        c.hidden = new int[] {16, 12};
        c.batch = 8;
        c.buffer = 100;
        c.tau = 0.05;
        return c;
    }

    static ReplayBuffer filled(int obs, int act, int n, double discount) {
        ReplayBuffer rb = new ReplayBuffer(n, obs, act);
        Rng r = new Rng(3);
        double[] s = new double[obs], s2 = new double[obs], a = new double[act];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < obs; j++) {
                s[j] = r.nextGaussian();
                s2[j] = r.nextGaussian();
            }
            for (int j = 0; j < act; j++) a[j] = r.uniform(-1, 1);
            rb.add(s, a, r.nextDouble(), discount, s2);
        }
        return rb;
    }

    static Map<String, float[]> snapshot(Map<String, Tensor> m) {
        Map<String, float[]> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v.toArray()));
        return out;
    }

    @Test
    void targetsStartEqualAndFollowByPolyakAveraging() {
        DdpgConfig c = small();
        DdpgAgent agent = new DdpgAgent(3, 2, c, 1);
        assertEquals(snapshot(agent.actor().stateDict()).keySet(), snapshot(agent.targetActor().stateDict()).keySet());
        agent.actor().stateDict().forEach((k, v) -> assertArrayEquals(v.data(), agent.targetActor().stateDict().get(k).data(), k));
        agent.critic().stateDict().forEach((k, v) -> assertArrayEquals(v.data(), agent.targetCritic().stateDict().get(k).data(), k));

        ReplayBuffer rb = filled(3, 2, 100, 1.0);
        for (int i = 0; i < 3; i++) agent.update(rb); // targets and online nets now differ
        Map<String, float[]> targetBefore = snapshot(agent.targetCritic().stateDict());
        Map<String, float[]> actorTargetBefore = snapshot(agent.targetActor().stateDict());
        agent.update(rb);
        Map<String, float[]> online = snapshot(agent.critic().stateDict());
        Map<String, float[]> after = snapshot(agent.targetCritic().stateDict());
        float tau = (float) c.tau;
        for (String k : online.keySet()) {
            float[] o = online.get(k), b = targetBefore.get(k), a = after.get(k);
            for (int i = 0; i < o.length; i++) {
                float expected = (1 - tau) * b[i] + tau * o[i];
                assertEquals(expected, a[i], 1e-7f + 1e-6f * Math.abs(expected), k + "[" + i + "]");
            }
        }
        Map<String, float[]> actorOnline = snapshot(agent.actor().stateDict());
        Map<String, float[]> actorAfter = snapshot(agent.targetActor().stateDict());
        boolean moved = false;
        for (String k : actorOnline.keySet()) {
            float[] o = actorOnline.get(k), b = actorTargetBefore.get(k), a = actorAfter.get(k);
            for (int i = 0; i < o.length; i++) {
                assertEquals((1 - tau) * b[i] + tau * o[i], a[i], 1e-7f + 1e-6f * Math.abs(a[i]), k);
                if (a[i] != b[i]) moved = true;
            }
        }
        assertTrue(moved, "the actor target moved");
    }

    /** The critic's loss is the mean squared TD error against y = r + gamma * d * Q'(s', mu'(s')). */
    @Test
    void criticRegressesOnTheBootstrappedTarget() {
        for (double discount : new double[] {1.0, 0.0}) {
            DdpgConfig c = small();
            c.gamma = 0.9;
            DdpgAgent agent = new DdpgAgent(3, 2, c, 4);
            ReplayBuffer rb = filled(3, 2, 100, discount);
            // Replay the agent's minibatch draw with the same generator to know which transitions it will use.
            long[] st = agent.counterState();
            Rng sampler = new Rng(0);
            sampler.restore(java.util.Arrays.copyOf(st, 6));
            ddpg.rl.replay.Batch b = new ddpg.rl.replay.Batch(c.batch, 3, 2);
            rb.sample(b, sampler);
            double expected = 0;
            try (NoGrad ng = NoGrad.enter()) {
                Tensor s = Tensor.fromArray(b.obs, c.batch, 3), a = Tensor.fromArray(b.act, c.batch, 2);
                Tensor s2 = Tensor.fromArray(b.nextObs, c.batch, 3);
                float[] q = agent.critic().forward(s, a).toArray();
                float[] q2 = agent.targetCritic().forward(s2, agent.targetActor().forward(s2)).toArray();
                for (int i = 0; i < c.batch; i++) {
                    double y = b.rew[i] + 0.9 * discount * q2[i];
                    expected += (y - q[i]) * (y - q[i]) / c.batch;
                }
            }
            agent.update(rb);
            assertEquals(expected, agent.lastCriticLoss(), 1e-6 * Math.max(1, expected), "discount " + discount);
        }
    }

    /** With the critic held (almost) still, actor steps raise mean Q(s, mu(s)) over the stored states. */
    @Test
    void actorStepsClimbTheCritic() {
        DdpgConfig c = small();
        c.actorLr = 1e-3;
        c.criticLr = 1e-12; // Adam's step is ~lr, so the critic stays put and only the actor moves
        c.batch = 32;
        DdpgAgent agent = new DdpgAgent(3, 2, c, 5);
        ReplayBuffer rb = filled(3, 2, 100, 1.0);
        float[] states = new float[100 * 3];
        for (int i = 0; i < 100; i++) for (int j = 0; j < 3; j++) states[i * 3 + j] = rb.observation(i, j);
        Tensor s = Tensor.wrap(states, 100, 3);
        double before = meanQ(agent, s);
        for (int k = 0; k < 20; k++) agent.update(rb);
        double after = meanQ(agent, s);
        assertTrue(after > before, "mean Q(s, mu(s)) went from " + before + " to " + after);
    }

    private static double meanQ(DdpgAgent agent, Tensor s) {
        try (NoGrad ng = NoGrad.enter()) {
            return agent.critic().forward(s, agent.actor().forward(s)).mean().item();
        }
    }

    @Test
    void criticActionLayerAndBatchNormShapeTheNetworks() {
        DdpgConfig c = Presets.paper();
        c.hidden = new int[] {40, 30};
        c.batchNorm = true;
        DdpgAgent agent = new DdpgAgent(5, 2, c, 1);
        Map<String, Tensor> cr = agent.critic().stateDict();
        assertArrayEquals(new int[] {5}, cr.get("state.0.weight").shape(), "input batch norm");
        assertArrayEquals(new int[] {5, 40}, cr.get("state.1.weight").shape());
        assertArrayEquals(new int[] {40}, cr.get("state.2.running_mean").shape());
        assertArrayEquals(new int[] {42, 30}, cr.get("joint.0.weight").shape(), "action joins at the second layer");
        assertArrayEquals(new int[] {30, 1}, cr.get("joint.2.weight").shape());
        for (float v : cr.get("joint.2.weight").data()) assertTrue(Math.abs(v) <= 3e-3f);
        Map<String, Tensor> ac = agent.actor().stateDict();
        assertTrue(ac.containsKey("net.0.running_var") && ac.containsKey("net.2.running_var") && ac.containsKey("net.5.running_var"));
        // Acting uses running statistics and leaves them alone.
        float[] rm = ac.get("net.2.running_mean").toArray();
        double[] act = new double[2];
        agent.act(new double[] {1, 2, 3, 4, 5}, act);
        assertArrayEquals(rm, ac.get("net.2.running_mean").data());
        for (double a : act) assertTrue(a >= -1 && a <= 1);
        agent.update(filled(5, 2, 100, 1.0));
        assertFalse(java.util.Arrays.equals(rm, ac.get("net.2.running_mean").data()), "training updates running statistics");
    }

    @Test
    void impossibleSettingsAreRejected() {
        DdpgConfig c = small();
        c.batch = 200;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DdpgAgent(3, 2, c, 1));
        assertTrue(e.getMessage().contains("--batch"), e.getMessage());
        DdpgConfig t = small();
        t.tau = 1.5;
        assertThrows(IllegalArgumentException.class, () -> new DdpgAgent(3, 2, t, 1));
        DdpgConfig l = small();
        l.actionLayer = 3;
        assertThrows(IllegalArgumentException.class, () -> new DdpgAgent(3, 2, l, 1));
    }
}
