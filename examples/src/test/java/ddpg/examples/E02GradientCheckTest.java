package ddpg.examples;

import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import ddpg.engine.autograd.Graph;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class E02GradientCheckTest {
    @Test
    void everyOpPasses() {
        E02GradientCheck.Result r = E02GradientCheck.run(7);
        assertTrue(r.ops().size() >= 30, "ops checked: " + r.ops());
        assertTrue(r.passed(), "worst " + r.worst() + " in " + r.errors());
        assertTrue(r.worst() < 1e-3, "worst " + r.worst());
    }

    @Test
    void anotherSeedPassesToo() {
        assertTrue(E02GradientCheck.run(12345).passed());
    }

    /** The checker must catch a wrong rule: x^2 with the backward rule 3x instead of 2x. */
    @Test
    void aWrongBackwardRuleFails() {
        double err = E02GradientCheck.worstError(in -> wrongSquare(in[0]), -1, 1, new Rng(1), new int[] {3, 4});
        assertTrue(err > 0.1, "a wrong rule was not caught: " + err);
        double ok = E02GradientCheck.worstError(in -> in[0].square(), -1, 1, new Rng(1), new int[] {3, 4});
        assertTrue(ok < E02GradientCheck.TOLERANCE, "the right rule fails: " + ok);
    }

    private static Tensor wrongSquare(Tensor x) {
        Tensor out = Tensor.scratchLike(x);
        float[] xd = x.data(), od = out.data();
        for (int i = 0; i < xd.length; i++) od[i] = xd[i] * xd[i];
        if (Graph.needsGrad(x)) {
            Graph.record(out, "wrongSquare", () -> {
                float[] g = out.grad(), gx = x.gradAccumulator();
                for (int i = 0; i < g.length; i++) gx[i] += 3f * xd[i] * g[i];
            }, x);
        }
        return out;
    }
}
