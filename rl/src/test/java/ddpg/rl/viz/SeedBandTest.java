package ddpg.rl.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeedBandTest {
    @Test
    void runsOfDifferentLengthAndStepsCombine() {
        // Run A: steps 0, 10, 20 values 0, 10, 20. Run B: steps 0, 5, 10 values 4, 4, 8.
        SeedBand b = SeedBand.combine(List.of(new double[] {0, 10, 20}, new double[] {0, 5, 10}),
                List.of(new double[] {0, 10, 20}, new double[] {4, 4, 8}));
        assertArrayEquals(new double[] {0, 5, 10, 20}, b.step());
        // step 0: {0, 4}; step 5: {5 (interpolated), 4}; step 10: {10, 8}; step 20: {20} alone.
        assertArrayEquals(new double[] {2, 4.5, 9, 20}, b.mean(), 1e-12);
        assertArrayEquals(new double[] {2, 0.5, 1, 0}, b.std(), 1e-12);
        assertArrayEquals(new int[] {2, 2, 2, 1}, b.count());
        assertEquals(2, b.maxCount());
    }

    @Test
    void threeSeedsPopulationStd() {
        SeedBand b = SeedBand.combine(List.of(new double[] {1}, new double[] {1}, new double[] {1}),
                List.of(new double[] {1}, new double[] {2}, new double[] {6}));
        assertEquals(3, b.mean()[0], 1e-12);
        assertEquals(Math.sqrt((4 + 1 + 9) / 3.0), b.std()[0], 1e-12);
    }

    @Test
    void niceTicks() {
        NiceTicks t = NiceTicks.of(0, 981, 5);
        assertEquals(0, t.lo);
        assertEquals(1000, t.hi);
        assertEquals(200, t.step);
        assertEquals("1M", NiceTicks.steps(1_000_000));
        assertEquals("250k", NiceTicks.steps(250_000));
        assertEquals("1.5M", NiceTicks.steps(1_500_000));
        assertEquals("0", NiceTicks.steps(0));
        NiceTicks small = NiceTicks.of(0, 1.1, 5);
        assertEquals(0.25, small.step, 1e-12);
        assertEquals("0.75", small.value(0.75));
        assertEquals("-50", NiceTicks.of(-97, 10, 5).value(-50));
    }
}
