package ddpg.examples;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class E03MlpRegressionTest {
    @Test
    void lossFallsBelowBound() {
        E03MlpRegression.Result r = E03MlpRegression.train(600, 1, false);
        assertTrue(r.initialLoss() > 0.1, "sin(3x) has variance ~0.5; an untrained net is far off: " + r.initialLoss());
        assertTrue(r.finalLoss() < 1e-3, "final loss " + r.finalLoss());
        assertTrue(r.heldOutLoss() < 2e-3, "held-out loss " + r.heldOutLoss());
        assertTrue(r.losses().length == 11 && r.steps()[10] == 600, "ten printed points plus the start");
    }

    /**
     * Same seed, same run, bit for bit. (The second run is warmer; that the kernels give the same bits interpreted
     * and once C2 has compiled them is the engine's JitDeterminismTest, which checks the compilation happened.)
     */
    @Test
    void sameSeedSameLosses() {
        assertArrayEquals(E03MlpRegression.train(50, 3, false).losses(), E03MlpRegression.train(50, 3, false).losses());
    }
}
