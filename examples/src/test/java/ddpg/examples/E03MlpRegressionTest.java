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
     * Same seed, same run, bit for bit, although the two runs execute at different JIT compilation levels (the
     * engine's tanh and lane sums do not depend on them).
     */
    @Test
    void sameSeedSameLosses() {
        assertArrayEquals(E03MlpRegression.train(50, 3, false).losses(), E03MlpRegression.train(50, 3, false).losses());
    }
}
