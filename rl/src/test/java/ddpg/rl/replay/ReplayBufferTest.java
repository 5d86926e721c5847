package ddpg.rl.replay;

import static org.junit.jupiter.api.Assertions.*;

import ddpg.engine.Rng;
import ddpg.engine.kernels.Kernels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayBufferTest {
    private static void addStep(ReplayBuffer rb, int k) {
        rb.add(new double[] {k, -k}, new double[] {k * 0.01}, k, 1.0, new double[] {k + 1, -k - 1});
    }

    @Test
    void wrapsAroundOverwritingTheOldestWithoutGrowing() {
        ReplayBuffer rb = new ReplayBuffer(5, 2, 1);
        for (int k = 0; k < 3; k++) addStep(rb, k);
        assertEquals(3, rb.size());
        assertEquals(3, rb.nextSlot());
        for (int k = 3; k < 12; k++) addStep(rb, k);
        assertEquals(5, rb.size(), "size stops at capacity");
        assertEquals(12, rb.added());
        assertEquals(12 % 5, rb.nextSlot());
        // Slots now hold transitions 10, 11, 7, 8, 9: transition k lives in slot k % 5.
        for (int k = 7; k < 12; k++) {
            assertEquals(k, rb.reward(k % 5), 0f);
            assertEquals(k, rb.observation(k % 5, 0), 0f);
            assertEquals(-k, rb.observation(k % 5, 1), 0f);
        }
    }

    @Test
    void samplesOnlyStoredTransitionsAndKeepsRowsTogether() {
        ReplayBuffer rb = new ReplayBuffer(100, 2, 1);
        for (int k = 0; k < 7; k++) addStep(rb, k);
        Batch b = new Batch(64, 2, 1);
        Rng rng = new Rng(3);
        int[] seen = new int[7];
        for (int rep = 0; rep < 50; rep++) {
            rb.sample(b, rng);
            for (int i = 0; i < b.size; i++) {
                int k = (int) b.rew[i];
                assertTrue(k >= 0 && k < 7);
                seen[k]++;
                assertEquals(k, b.obs[2 * i], 0f);
                assertEquals(-k, b.obs[2 * i + 1], 0f);
                assertEquals(k + 1, b.nextObs[2 * i], 0f);
                assertEquals(k * 0.01f, b.act[i], 1e-7f);
                assertEquals(1f, b.disc[i], 0f);
            }
        }
        // Uniform: each of 7 slots expects 3200/7 = 457 draws; allow +-20%.
        for (int c : seen) assertTrue(Math.abs(c - 3200 / 7.0) < 0.2 * 3200 / 7.0, "counts " + java.util.Arrays.toString(seen));
    }

    @Test
    void sameSeedSameSamples() {
        ReplayBuffer rb = new ReplayBuffer(50, 2, 1);
        for (int k = 0; k < 50; k++) addStep(rb, k);
        Batch a = new Batch(16, 2, 1), b = new Batch(16, 2, 1);
        rb.sample(a, new Rng(9));
        rb.sample(b, new Rng(9));
        assertArrayEquals(a.index, b.index);
    }

    @Test
    void saveAndLoadRoundTrip(@TempDir Path dir) throws IOException {
        ReplayBuffer rb = new ReplayBuffer(8, 2, 1);
        for (int k = 0; k < 11; k++) addStep(rb, k);
        Path f = dir.resolve("replay.bin");
        rb.save(f);
        ReplayBuffer back = new ReplayBuffer(8, 2, 1);
        back.load(f);
        assertEquals(rb.size(), back.size());
        assertEquals(rb.nextSlot(), back.nextSlot());
        assertEquals(rb.added(), back.added());
        Batch x = new Batch(32, 2, 1), y = new Batch(32, 2, 1);
        rb.sample(x, new Rng(1));
        back.sample(y, new Rng(1));
        assertArrayEquals(x.obs, y.obs);
        assertArrayEquals(x.nextObs, y.nextObs);
        assertArrayEquals(x.rew, y.rew);
        assertFalse(Files.exists(dir.resolve("replay.bin.tmp")));
    }

    @Test
    void truncatedOrForeignFilesAreRejected(@TempDir Path dir) throws IOException {
        ReplayBuffer rb = new ReplayBuffer(8, 2, 1);
        for (int k = 0; k < 5; k++) addStep(rb, k);
        Path f = dir.resolve("replay.bin");
        rb.save(f);
        byte[] all = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(all, all.length - 3));
        IOException e = assertThrows(IOException.class, () -> new ReplayBuffer(8, 2, 1).load(f));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        Files.writeString(f, "hello, this is not a replay buffer at all, no no no no");
        e = assertThrows(IOException.class, () -> new ReplayBuffer(8, 2, 1).load(f));
        assertTrue(e.getMessage().contains("not a replay buffer"), e.getMessage());
        rb.save(f);
        e = assertThrows(IOException.class, () -> new ReplayBuffer(9, 2, 1).load(f));
        assertTrue(e.getMessage().contains("capacity"), e.getMessage());
    }

    @Test
    void badShapesAreClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> new ReplayBuffer(0, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new ReplayBuffer(10, 0, 1));
        ReplayBuffer rb = new ReplayBuffer(4, 2, 1);
        assertThrows(IllegalStateException.class, () -> rb.sample(new Batch(2, 2, 1), new Rng(0)));
    }

    @Test
    void aBufferLargerThanTheCacheSamplesTheSameBatchOnAnyThreadCount() {
        // 40k transitions of 100 floats each side: about 33 MB, so sample() copies its rows on the GEMM's threads.
        int capacity = 40_000, obsSize = 100, actSize = 3;
        ReplayBuffer rb = new ReplayBuffer(capacity, obsSize, actSize);
        Rng fill = new Rng(9);
        double[] s = new double[obsSize], a = new double[actSize], s2 = new double[obsSize];
        for (int k = 0; k < capacity; k++) {
            for (int j = 0; j < obsSize; j++) {
                s[j] = fill.nextGaussian();
                s2[j] = fill.nextGaussian();
            }
            for (int j = 0; j < actSize; j++) a[j] = fill.uniform(-1, 1);
            rb.add(s, a, k, k % 7 == 0 ? 0 : 1, s2);
        }
        int before = Kernels.threads();
        try {
            Batch[] batches = new Batch[3];
            for (int t = 1; t <= 3; t++) {
                Kernels.setThreads(t);
                batches[t - 1] = new Batch(256, obsSize, actSize);
                rb.sample(batches[t - 1], new Rng(21));
            }
            Batch one = batches[0];
            for (int b = 0; b < one.size; b++) {
                int i = one.index[b];
                assertEquals(i, one.rew[b], 0f, "row " + b + " holds transition " + i);
                assertEquals(rb.observation(i, 5), one.obs[b * obsSize + 5], 0f);
            }
            for (Batch other : new Batch[] {batches[1], batches[2]}) {
                assertArrayEquals(one.index, other.index);
                assertArrayEquals(one.obs, other.obs);
                assertArrayEquals(one.nextObs, other.nextObs);
                assertArrayEquals(one.act, other.act);
                assertArrayEquals(one.rew, other.rew);
                assertArrayEquals(one.disc, other.disc);
            }
        } finally {
            Kernels.setThreads(before);
        }
    }
}
