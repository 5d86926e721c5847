package ddpg.rl.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import ddpg.rl.ddpg.DdpgAgent;
import ddpg.rl.ddpg.DdpgConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay buffer saved and loaded keeps every field: observations, actions, rewards, discounts and next
 * observations of every slot, the size, the write position of a wrapped ring and the count of transitions ever
 * added; with the sampler's generator state restored, the loaded buffer yields exactly the same minibatches, and an
 * agent restored from its tensors, counters and the loaded buffer continues with exactly the same updates.
 */
class ReplayBufferSaveLoadEveryFieldTest {
    private static final int OBS = 3, ACT = 2;
    @TempDir Path tmp;

    /** Transition k: every value distinct and derived from k, some discounts 0 (terminal), negative rewards. */
    private static void addTransition(ReplayBuffer rb, int k) {
        double[] s = new double[OBS], s2 = new double[OBS], a = new double[ACT];
        for (int j = 0; j < OBS; j++) {
            s[j] = k + 0.125 * j;
            s2[j] = -k - 0.25 * j - 0.5;
        }
        for (int j = 0; j < ACT; j++) a[j] = ((k * 7 + j * 3) % 200) / 100.0 - 1;
        rb.add(s, a, (k % 5) - 2.5 + k * 1e-3, k % 4 == 0 ? 0 : 1, s2);
    }

    /** What slot b of a batch must hold when it came from transition k. */
    private static void assertHoldsTransition(Batch batch, int b, int k) {
        for (int j = 0; j < OBS; j++) {
            assertEquals((float) (k + 0.125 * j), batch.obs[b * OBS + j], "s of transition " + k);
            assertEquals((float) (-k - 0.25 * j - 0.5), batch.nextObs[b * OBS + j], "s' of transition " + k);
        }
        for (int j = 0; j < ACT; j++) assertEquals((float) (((k * 7 + j * 3) % 200) / 100.0 - 1), batch.act[b * ACT + j], "a of transition " + k);
        assertEquals((float) ((k % 5) - 2.5 + k * 1e-3), batch.rew[b], "r of transition " + k);
        assertEquals(k % 4 == 0 ? 0f : 1f, batch.disc[b], "discount of transition " + k);
    }

    /** A buffer of another shape's worth of junk, to show that load replaces everything. */
    private static ReplayBuffer junk(int capacity) {
        ReplayBuffer rb = new ReplayBuffer(capacity, OBS, ACT);
        for (int k = 0; k < 7; k++) rb.add(new double[] {9, 9, 9}, new double[] {0.9, 0.9}, 99, 0.5, new double[] {8, 8, 8});
        return rb;
    }

    private static void assertSameBatches(ReplayBuffer x, ReplayBuffer y, long seed, int draws) {
        Rng rx = new Rng(seed), ry = new Rng(seed);
        Batch bx = new Batch(64, OBS, ACT), by = new Batch(64, OBS, ACT);
        for (int d = 0; d < draws; d++) {
            x.sample(bx, rx);
            y.sample(by, ry);
            assertArrayEquals(bx.index, by.index, "slots of draw " + d);
            assertArrayEquals(bx.obs, by.obs);
            assertArrayEquals(bx.act, by.act);
            assertArrayEquals(bx.rew, by.rew);
            assertArrayEquals(bx.disc, by.disc);
            assertArrayEquals(bx.nextObs, by.nextObs);
        }
    }

    @Test
    void aWrappedBufferRoundTripsEveryFieldOfEverySlot() throws IOException {
        int capacity = 50, added = 137; // wrapped twice: slot i holds transition 100 + i (i < 37) or 50 + i
        ReplayBuffer rb = new ReplayBuffer(capacity, OBS, ACT);
        for (int k = 0; k < added; k++) addTransition(rb, k);
        assertEquals(37, rb.nextSlot());
        Path file = tmp.resolve("replay.bin");
        rb.save(file);
        ReplayBuffer back = junk(capacity);
        back.load(file);
        assertEquals(capacity, back.size());
        assertEquals(37, back.nextSlot(), "write position of the wrapped ring");
        assertEquals(added, back.added(), "transitions ever added");

        // Every slot, every field: draw enough to see each slot, and check it against the transition it must hold.
        Rng r = new Rng(4);
        Batch b = new Batch(64, OBS, ACT);
        BitSet seen = new BitSet();
        for (int d = 0; d < 20; d++) {
            back.sample(b, r);
            for (int i = 0; i < b.size; i++) {
                int slot = b.index[i];
                seen.set(slot);
                assertHoldsTransition(b, i, slot < 37 ? 100 + slot : 50 + slot);
            }
        }
        assertEquals(capacity, seen.cardinality(), "every slot was checked");
        assertSameBatches(rb, back, 11, 30);

        // The next transition goes to the same slot in both, overwriting the oldest.
        addTransition(rb, 137);
        addTransition(back, 137);
        assertEquals(38, back.nextSlot());
        assertEquals(rb.reward(37), back.reward(37));
        assertEquals((float) ((137 % 5) - 2.5 + 137 * 1e-3), back.reward(37));
        assertSameBatches(rb, back, 12, 30);
    }

    @Test
    void aPartlyFilledBufferRoundTripsItsSizeAndPosition() throws IOException {
        ReplayBuffer rb = new ReplayBuffer(50, OBS, ACT);
        for (int k = 0; k < 20; k++) addTransition(rb, k);
        Path file = tmp.resolve("replay.bin");
        rb.save(file);
        ReplayBuffer back = junk(50);
        back.load(file);
        assertEquals(20, back.size());
        assertEquals(20, back.nextSlot());
        assertEquals(20, back.added());
        for (int i = 0; i < 20; i++) {
            assertEquals(rb.reward(i), back.reward(i));
            for (int j = 0; j < OBS; j++) assertEquals(rb.observation(i, j), back.observation(i, j));
        }
        assertSameBatches(rb, back, 3, 20);
        Rng r = new Rng(5);
        Batch b = new Batch(200, OBS, ACT);
        back.sample(b, r);
        for (int i = 0; i < b.size; i++) {
            assertTrue(b.index[i] < 20, "only stored transitions are drawn, not the junk that was there before");
            assertHoldsTransition(b, i, b.index[i]);
        }
    }

    @Test
    void theSamplersStateMidStreamContinuesTheSameMinibatches() throws IOException {
        ReplayBuffer rb = new ReplayBuffer(50, OBS, ACT);
        for (int k = 0; k < 80; k++) addTransition(rb, k);
        Rng sampler = new Rng(21);
        Batch b = new Batch(16, OBS, ACT);
        for (int d = 0; d < 7; d++) rb.sample(b, sampler);
        sampler.nextGaussian(); // leave a cached Gaussian in the state too
        Path file = tmp.resolve("replay.bin");
        rb.save(file);
        long[] state = sampler.state();

        ReplayBuffer back = junk(50);
        back.load(file);
        Rng restored = new Rng(-1);
        restored.restore(state);
        Batch x = new Batch(16, OBS, ACT), y = new Batch(16, OBS, ACT);
        for (int d = 0; d < 25; d++) {
            rb.sample(x, sampler);
            back.sample(y, restored);
            assertArrayEquals(x.index, y.index, "draw " + d);
            assertArrayEquals(x.obs, y.obs);
            assertArrayEquals(x.act, y.act);
            assertArrayEquals(x.rew, y.rew);
            assertArrayEquals(x.disc, y.disc);
            assertArrayEquals(x.nextObs, y.nextObs);
        }
    }

    /** What a checkpoint holds for the learner: its tensors, its counters (sampler state) and the buffer. */
    @Test
    void anAgentRestoredWithTheLoadedBufferMakesTheSameUpdates() throws IOException {
        DdpgConfig c = new DdpgConfig();
        c.hidden = new int[] {16, 12};
        c.batch = 8;
        c.buffer = 50;
        c.tau = 0.05;
        ReplayBuffer rb = new ReplayBuffer(50, OBS, ACT);
        for (int k = 0; k < 80; k++) addTransition(rb, k);
        DdpgAgent a = new DdpgAgent(OBS, ACT, c, 1);
        for (int k = 0; k < 3; k++) a.update(rb);

        Path file = tmp.resolve("replay.bin");
        rb.save(file);
        DdpgAgent b = new DdpgAgent(OBS, ACT, c, 999); // other initial weights and another sampler seed
        Map<String, Tensor> ta = a.stateTensors(), tb = b.stateTensors();
        ta.forEach((k, v) -> tb.get(k).copyFrom(v));
        b.restoreCounterState(a.counterState());
        ReplayBuffer back = junk(50);
        back.load(file);

        for (int k = 0; k < 5; k++) {
            a.update(rb);
            b.update(back);
            assertEquals(a.lastCriticLoss(), b.lastCriticLoss(), "critic loss of update " + k);
            assertEquals(a.lastActorLoss(), b.lastActorLoss(), "actor loss of update " + k);
        }
        assertEquals(a.updates(), b.updates());
        ta.forEach((k, v) -> assertArrayEquals(v.data(), tb.get(k).data(), k));
    }
}
