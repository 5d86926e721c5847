package ddpg.rl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import ddpg.engine.autograd.NoGrad;
import ddpg.rl.ddpg.Actor;
import ddpg.rl.ddpg.DdpgAgent;
import ddpg.rl.ddpg.DdpgConfig;
import ddpg.rl.replay.ReplayBuffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch-norm actor written by {@link PolicyFiles#export} (and a checkpoint's actor) and read back by
 * {@link PolicyFiles#load} acts exactly like the in-memory actor in eval mode, running statistics included; and the
 * target networks stay in eval mode: an update moves their batch-norm statistics only by the Polyak average of the
 * online networks' statistics, never by the minibatch.
 */
class BatchNormPolicyRoundTripTest {
    private static final int OBS = 3, ACT = 2;
    @TempDir Path tmp;

    private static DdpgConfig config() {
        DdpgConfig c = new DdpgConfig();
        c.hidden = new int[] {16, 12};
        c.batchNorm = true;
        c.actionLayer = 2;
        c.batch = 16;
        c.buffer = 200;
        c.tau = 0.05;
        c.actorLr = 1e-3;
        c.criticLr = 1e-3;
        return c;
    }

    /** Observations far from zero mean and unit scale, so the running statistics matter. */
    private static ReplayBuffer filled(int n) {
        ReplayBuffer rb = new ReplayBuffer(n, OBS, ACT);
        Rng r = new Rng(3);
        double[] s = new double[OBS], s2 = new double[OBS], a = new double[ACT];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < OBS; j++) {
                s[j] = 2 + 3 * r.nextGaussian();
                s2[j] = 2 + 3 * r.nextGaussian();
            }
            for (int j = 0; j < ACT; j++) a[j] = r.uniform(-1, 1);
            rb.add(s, a, r.nextDouble(), 1, s2);
        }
        return rb;
    }

    private static DdpgAgent trainedAgent(ReplayBuffer rb) {
        DdpgAgent agent = new DdpgAgent(OBS, ACT, config(), 11);
        for (int k = 0; k < 30; k++) agent.update(rb);
        float[] mean = agent.actor().stateDict().get("net.0.running_mean").data();
        assertTrue(Math.abs(mean[0]) > 0.5, "the input statistics have moved towards the data's mean 2: " + mean[0]);
        return agent;
    }

    private static double[][] states(int n) {
        Rng r = new Rng(99);
        double[][] s = new double[n][OBS];
        for (double[] row : s) for (int j = 0; j < OBS; j++) row[j] = 2 + 3 * r.nextGaussian();
        return s;
    }

    private static float[] forward(Actor actor, double[] state) {
        float[] in = new float[OBS];
        for (int j = 0; j < OBS; j++) in[j] = (float) state[j];
        try (NoGrad ng = NoGrad.enter()) {
            return actor.forward(Tensor.wrap(in, 1, OBS)).toArray();
        }
    }

    /** The loaded actor gives, state by state, exactly the actions of DdpgAgent.act (eval mode, running statistics). */
    private static void assertActsLike(DdpgAgent agent, Actor loaded) {
        assertFalse(loaded.isTraining(), "a loaded policy is in eval mode");
        Map<String, Tensor> want = agent.actor().stateDict(), got = loaded.stateDict();
        assertEquals(want.keySet(), got.keySet());
        for (String k : want.keySet()) assertArrayEquals(want.get(k).data(), got.get(k).data(), k);
        double[] a = new double[ACT];
        for (double[] s : states(50)) {
            agent.act(s, a);
            float[] b = forward(loaded, s);
            for (int j = 0; j < ACT; j++) assertEquals((float) a[j], b[j], "action " + j + " for state " + java.util.Arrays.toString(s));
        }
        assertTrue(agent.actor().isTraining(), "acting leaves the learner's actor in training mode");
    }

    private Path runFolder(DdpgConfig c) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("run"));
        RunSettings r = new RunSettings();
        r.task = "point-mass";
        new RunConfig(r, c, "test").write(dir.resolve("config.json"), OBS, ACT);
        return dir;
    }

    @Test
    void theExportedActorActsLikeTheInMemoryOneInEvalMode() throws IOException {
        DdpgAgent agent = trainedAgent(filled(200));
        Path dir = runFolder(config());
        PolicyFiles.export(dir, agent.actor(), "point-mass", 123);
        assertTrue(Files.readString(dir.resolve(PolicyFiles.DESCRIPTION)).contains("\"batch_norm\": true"));
        Actor loaded = PolicyFiles.load(dir);
        assertActsLike(agent, loaded);

        // The running statistics are what makes these states come out right: without them the actions differ.
        Actor noStats = new Actor(OBS, ACT, config().hidden, true, config().finalInit, new Rng(0));
        agent.actor().namedParameters().forEach((k, v) -> noStats.namedParameters().get(k).copyFrom(v));
        noStats.eval();
        boolean differs = false;
        double[] a = new double[ACT];
        for (double[] s : states(50)) {
            agent.act(s, a);
            float[] b = forward(noStats, s);
            for (int j = 0; j < ACT; j++) differs |= (float) a[j] != b[j];
        }
        assertTrue(differs, "the test states exercise the running statistics");

        // A batch of states through the loaded actor equals the same batch through the learner's actor in eval mode.
        double[][] s = states(40);
        float[] flat = new float[s.length * OBS];
        for (int i = 0; i < s.length; i++) for (int j = 0; j < OBS; j++) flat[i * OBS + j] = (float) s[i][j];
        float[] want, got;
        agent.actor().eval();
        try (NoGrad ng = NoGrad.enter()) {
            want = agent.actor().forward(Tensor.wrap(flat, s.length, OBS)).toArray();
            got = loaded.forward(Tensor.wrap(flat, s.length, OBS)).toArray();
        } finally {
            agent.actor().train();
        }
        assertArrayEquals(want, got);
    }

    @Test
    void theCheckpointsActorActsLikeTheInMemoryOneWhenNothingWasExported() throws IOException {
        ReplayBuffer rb = filled(200);
        DdpgAgent agent = trainedAgent(rb);
        Path dir = runFolder(config());
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("env_step", 30L);
        Checkpoint.save(dir, 30, agent, rb, state);
        assertFalse(Files.exists(dir.resolve(PolicyFiles.WEIGHTS)));
        assertActsLike(agent, PolicyFiles.load(dir));
    }

    private static Map<String, float[]> buffers(Map<String, Tensor> m) {
        Map<String, float[]> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v.toArray()));
        return out;
    }

    @Test
    void targetNetworksStayInEvalModeAndTheirStatisticsOnlyFollowByPolyakAveraging() {
        ReplayBuffer rb = filled(200);
        DdpgAgent agent = new DdpgAgent(OBS, ACT, config(), 11);
        assertFalse(agent.targetActor().isTraining(), "target actor in eval mode");
        assertFalse(agent.targetCritic().isTraining(), "target critic in eval mode");
        for (int k = 0; k < 5; k++) agent.update(rb); // online and target statistics now differ
        float tau = (float) config().tau;
        for (int k = 0; k < 3; k++) {
            Map<String, float[]> actorTargetBefore = buffers(agent.targetActor().namedBuffers());
            Map<String, float[]> criticTargetBefore = buffers(agent.targetCritic().namedBuffers());
            agent.update(rb);
            assertFalse(agent.targetActor().isTraining() || agent.targetCritic().isTraining(), "targets still in eval mode");
            assertPolyak(actorTargetBefore, buffers(agent.actor().namedBuffers()), buffers(agent.targetActor().namedBuffers()), tau, "target actor");
            assertPolyak(criticTargetBefore, buffers(agent.critic().namedBuffers()), buffers(agent.targetCritic().namedBuffers()), tau, "target critic");
        }
    }

    /** after = (1 - tau) before + tau online: a target forward in training mode would first move before by 0.1 x batch. */
    private static void assertPolyak(Map<String, float[]> before, Map<String, float[]> online, Map<String, float[]> after, float tau, String what) {
        assertFalse(before.isEmpty(), what + " has batch-norm statistics");
        for (String k : before.keySet()) {
            float[] b = before.get(k), o = online.get(k), x = after.get(k);
            boolean moved = false;
            for (int i = 0; i < b.length; i++) {
                float want = (1 - tau) * b[i] + tau * o[i];
                assertEquals(want, x[i], 1e-7f + 1e-6f * Math.abs(want), what + " " + k + "[" + i + "]");
                moved |= b[i] != o[i];
            }
            assertTrue(moved, what + " " + k + ": online and target statistics differ, so the check has teeth");
        }
    }
}
