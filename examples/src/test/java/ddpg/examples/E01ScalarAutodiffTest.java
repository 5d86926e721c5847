package ddpg.examples;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class E01ScalarAutodiffTest {
    /** L(w, b, x) in double, written independently of the example. */
    private static double loss(double w, double b, double x, double t) {
        double e = Math.tanh(w * x + b) - t;
        return e * e;
    }

    @Test
    void handAndEngineGradientsAgreeWithFiniteDifferences() {
        double w = 0.8, b = -0.3, x = 1.5, t = 0.25, h = 1e-6;
        E01ScalarAutodiff.Result r = E01ScalarAutodiff.run(w, b, x, t);
        double[] numeric = {
                (loss(w + h, b, x, t) - loss(w - h, b, x, t)) / (2 * h),
                (loss(w, b + h, x, t) - loss(w, b - h, x, t)) / (2 * h),
                (loss(w, b, x + h, t) - loss(w, b, x - h, t)) / (2 * h)};
        for (int i = 0; i < 3; i++) {
            assertEquals(numeric[i], r.byHand()[i], 1e-8, "hand gradient " + i);
            assertEquals(numeric[i], r.byEngine()[i], 1e-6, "engine gradient " + i);
        }
        assertEquals(loss(w, b, x, t), r.loss(), 1e-15);
        assertTrue(r.worstRelativeError() < 1e-6, "worst " + r.worstRelativeError());
        assertTrue(r.graph().contains("node 'tanh'"), r.graph());
    }

    @Test
    void mainRuns() {
        E01ScalarAutodiff.main(new String[0]);
    }
}
