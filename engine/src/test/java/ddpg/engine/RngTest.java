package ddpg.engine;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class RngTest {
    /** Checkpoints store these words: the algorithm must stay xoshiro256** seeded by SplitMix64, or old runs resume differently. */
    @Test
    void streamIsXoshiro256StarStarSeededBySplitMix64() {
        assertEquals(0xE220A8397B1DCDAFL, new Rng(0).state()[0], "SplitMix64's first output for seed 0");
        Rng r = new Rng(0);
        r.restore(new long[] {1, 2, 3, 4, 0, 0});
        assertEquals(11520L, r.nextLong(), "xoshiro256** from state {1, 2, 3, 4}: rotl(2 * 5, 7) * 9");
        assertEquals(0L, r.nextLong(), "second word of state {1, 2, 3, 4} is then 0");
    }

    @Test
    void stateRoundTripsIncludingTheCachedGaussian() {
        Rng a = new Rng(1);
        a.nextGaussian(); // leaves a spare cached
        Rng b = new Rng(2);
        b.restore(a.state());
        for (int i = 0; i < 10; i++) assertEquals(a.nextGaussian(), b.nextGaussian());
        for (int i = 0; i < 10; i++) assertEquals(a.nextInt(17), b.nextInt(17));
    }

    @Test
    void restoreRejectsAStateOfTheWrongLength() {
        Exception e = assertThrows(IllegalArgumentException.class, () -> new Rng(1).restore(new long[3]));
        assertTrue(e.getMessage().contains("6 numbers"), e.getMessage());
    }

    @Test
    void nextIntIsUniform() {
        Rng r = new Rng(5);
        int[] c = new int[10];
        for (int i = 0; i < 100_000; i++) c[r.nextInt(10)]++;
        for (int x : c) assertEquals(10_000, x, 400);
    }

    @Test
    void namedSubStreamsDifferFromEachOtherAndFromTheSeed() {
        long replay = Rng.derive(7, "replay-sampling"), noise = Rng.derive(7, "exploration-noise");
        assertNotEquals(replay, noise);
        assertNotEquals(7L, replay);
        assertEquals(replay, Rng.derive(7, "replay-sampling"));
    }

    @Test
    void splitSeedsTheChildWithTheParentsNextDraw() {
        Rng parent = new Rng(3), twin = new Rng(3);
        Rng child = parent.split();
        long firstDraw = twin.nextLong();
        assertArrayEquals(twin.state(), parent.state(), "split consumed exactly one draw of the parent");
        assertArrayEquals(new Rng(firstDraw).state(), child.state());
        assertNotEquals(parent.nextLong(), child.nextLong());
    }
}
