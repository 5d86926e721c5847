package ddpg.engine.testing;

import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import ddpg.engine.autograd.Graph;
import ddpg.engine.ops.Activations;
import ddpg.engine.ops.Arithmetic;
import ddpg.engine.ops.Losses;
import ddpg.engine.ops.Normalization;
import ddpg.engine.ops.Pointwise;
import ddpg.engine.ops.Products;
import ddpg.engine.ops.Reductions;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.util.function.Function;
import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The checker must be able to fail, and at the sharpness it claims: for several op shapes (elementwise, matrix
 * product, broadcast, reductions to a scalar, batch norm) the op's true backward passes, and the same backward
 * made 1% too large or 1% too small, on one input only, fails. So does a 1% error confined to a SIMD tail.
 */
class GradCheckSelfTest {
    private static final IntPredicate ALL = i -> true;
    private final Rng rng = new Rng(2024);

    private Tensor in(float lo, float hi, int... shape) {
        return GradCheck.input(rng, lo, hi, shape);
    }

    /** The true backward passes; scaled by 1.01 or 0.99 (input k, elements {@code where}) it is rejected. */
    private static void passesExactAndCatchesOnePercent(String what, Function<Tensor[], Tensor> op, int k,
                                                        IntPredicate where, Tensor... inputs) {
        GradCheck.check(what, SkewedBackward.of(op, k, 1f, where), inputs);
        for (float factor : new float[] {1.01f, 0.99f}) {
            assertThrows(AssertionFailedError.class,
                    () -> GradCheck.check(what + " x" + factor, SkewedBackward.of(op, k, factor, where), inputs),
                    what + ": a backward off by a factor " + factor + " on input " + k + " was not caught");
        }
    }

    @Test void elementwise() {
        passesExactAndCatchesOnePercent("sqrt", t -> Pointwise.sqrt(t[0]), 0, ALL, in(0.5f, 2f, 5, 37));
        passesExactAndCatchesOnePercent("tanh", t -> Activations.tanh(t[0]), 0, ALL, in(-2f, 2f, 3, 67));
        passesExactAndCatchesOnePercent("exp", t -> Pointwise.exp(t[0]), 0, ALL, in(-1f, 1f, 4, 5));
    }

    @Test void matrixProduct() {
        Function<Tensor[], Tensor> matmul = t -> Products.matmul(t[0], t[1]);
        passesExactAndCatchesOnePercent("matmul dX", matmul, 0, ALL, in(-1f, 1f, 5, 37), in(-1f, 1f, 37, 67));
        passesExactAndCatchesOnePercent("matmul dW", matmul, 1, ALL, in(-1f, 1f, 5, 37), in(-1f, 1f, 37, 67));
        passesExactAndCatchesOnePercent("linear db", t -> Products.linear(t[0], t[1], t[2]), 2, ALL,
                in(-1f, 1f, 4, 37), in(-1f, 1f, 37, 67), in(-1f, 1f, 67));
    }

    @Test void broadcastAndReductions() {
        passesExactAndCatchesOnePercent("add, bias row", t -> Arithmetic.add(t[0], t[1]), 1, ALL,
                in(-1f, 1f, 3, 67), in(-1f, 1f, 67));
        passesExactAndCatchesOnePercent("mul, column", t -> Arithmetic.mul(t[0], t[1]), 1, ALL,
                in(-1f, 1f, 5, 37), in(-1f, 1f, 5, 1));
        passesExactAndCatchesOnePercent("mean", t -> Reductions.mean(t[0]), 0, ALL, in(-1f, 1f, 4, 37));
        passesExactAndCatchesOnePercent("sum axis 0", t -> Reductions.sum(t[0], 0, false), 0, ALL, in(-1f, 1f, 3, 67));
        passesExactAndCatchesOnePercent("mse", t -> Losses.mse(t[0], t[1]), 0, ALL, in(-1f, 1f, 2, 37), in(-1f, 1f, 2, 37));
    }

    @Test void batchNorm() {
        Function<Tensor[], Tensor> bn = t -> Activations.tanh(Normalization.batchNormTrain(t[0], t[1], t[2], 1e-5f, null, null, 0.1f));
        for (int k = 0; k < 3; k++) {
            passesExactAndCatchesOnePercent("batchNorm input " + k, bn, k, ALL,
                    in(-2f, 2f, 5, 37), in(0.5f, 1.5f, 37), in(-1f, 1f, 37));
        }
    }

    @Test void errorOnlyInTheSimdTail() {
        // 37 = 2 x 16 + 5 and 67 = 4 x 16 + 3 (or 8 x 8 + 3): only the last few columns' gradients are 1% off
        passesExactAndCatchesOnePercent("tanh tail", t -> Activations.tanh(t[0]), 0, i -> i % 67 >= 64, in(-2f, 2f, 3, 67));
        passesExactAndCatchesOnePercent("matmul dX tail", t -> Products.matmul(t[0], t[1]), 0, i -> i % 37 >= 32,
                in(-1f, 1f, 5, 37), in(-1f, 1f, 37, 67));
    }

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
