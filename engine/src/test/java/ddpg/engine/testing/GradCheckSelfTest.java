package ddpg.engine.testing;

import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import ddpg.engine.autograd.Graph;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** The checker must be able to fail: an op with a deliberately wrong backward rule is caught. */
class GradCheckSelfTest {
    /** y = x^3 with the wrong derivative 2x^2 instead of 3x^2. */
    private static Tensor cubeWithWrongBackward(Tensor x) {
        Tensor out = Tensor.scratchLike(x);
        float[] xd = x.data(), y = out.data();
        for (int i = 0; i < y.length; i++) y[i] = xd[i] * xd[i] * xd[i];
        if (Graph.needsGrad(x)) {
            Graph.record(out, "badCube", () -> {
                float[] g = out.grad(), gx = x.gradAccumulator();
                for (int i = 0; i < g.length; i++) gx[i] += 2 * xd[i] * xd[i] * g[i];
            }, x);
        }
        return out;
    }

    @Test void wrongBackwardIsDetected() {
        Tensor x = GradCheck.input(new Rng(1), 0.5f, 1.5f, 3, 3);
        assertThrows(AssertionFailedError.class, () -> GradCheck.check("bad cube", t -> cubeWithWrongBackward(t[0]), x));
    }
}
