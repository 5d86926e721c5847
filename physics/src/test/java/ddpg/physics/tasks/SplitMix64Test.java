package ddpg.physics.tasks;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class SplitMix64Test {
    @Test
    void firstOutputsOfSeedZeroMatchThePublishedReferenceValues() {
        // splitmix64 from state 0: Vigna's reference sequence
        SplitMix64 r = new SplitMix64(0);
        assertEquals(0xE220A8397B1DCDAFL, r.nextLong());
        assertEquals(0x6E789E6AA1B965F4L, r.nextLong());
        assertEquals(0x06C45D188009454FL, r.nextLong());
    }

    @Test
    void uniformIsInTheHalfOpenUnitIntervalAndNormalHasUnitVariance() {
        SplitMix64 r = SplitMix64.stream(7, SplitMix64.KIND_TASK_INIT);
        double sum = 0, sq = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            double u = r.uniform();
            assertTrue(u >= 0 && u < 1);
            double z = r.normal();
            sum += z;
            sq += z * z;
        }
        assertEquals(0, sum / n, 0.01);
        assertEquals(1, sq / n, 0.02);
    }

    @Test
    void sameSeedSameStreamAndStreamsDiffer() {
        SplitMix64 a = SplitMix64.stream(3, 4), b = SplitMix64.stream(3, 4), c = SplitMix64.stream(3, 5);
        for (int i = 0; i < 10; i++) {
            long x = a.nextLong();
            assertEquals(x, b.nextLong());
            assertNotEquals(x, c.nextLong());
        }
    }
}
