package ddpg.rl.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The ETA ignores the random warm-up, whose steps are several times faster than training steps. */
class LiveProgressTest {
    @Test
    void noEtaDuringTheWarmUpAndTheRateRestartsAtTheFirstUpdate() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        LiveProgress p = new LiveProgress(new PrintStream(buf, true, StandardCharsets.UTF_8), false, 100_000, 1e-9).learningStartsAt(10_000);
        p.start(0, 0);
        Thread.sleep(2);
        p.tick(5_000, 0, Double.NaN, Double.NaN);
        String warm = buf.toString(StandardCharsets.UTF_8);
        assertTrue(warm.contains("ETA after warm-up"), warm);
        Thread.sleep(2);
        p.tick(10_010, 10, Double.NaN, Double.NaN); // learning started: the warm-up rate is dropped
        Thread.sleep(2);
        buf.reset();
        p.tick(10_020, 20, Double.NaN, Double.NaN);
        String training = buf.toString(StandardCharsets.UTF_8);
        assertFalse(training.contains("warm-up"), training);
        assertTrue(training.matches("(?s).*ETA \\d+(h|m|s).*"), training);
        // ~10 steps per 2 ms is ~5,000 steps/s: 90,000 steps left is about 18 s, far from the warm-up's ~2.5M steps/s
        assertFalse(training.contains("ETA 0s"), training);
    }
}
