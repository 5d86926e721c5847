package ddpg.engine.ops;

import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import org.junit.jupiter.api.Test;

import static ddpg.engine.testing.GradCheck.check;
import static ddpg.engine.testing.GradCheck.input;

/** Finite-difference gradient checks for every op, including the broadcast cases. */
class OpsGradientTest {
    private final Rng rng = new Rng(42);

    private Tensor in(int... shape) {
        return input(rng, -1f, 1f, shape);
    }

    private Tensor positive(int... shape) {
        return input(rng, 0.5f, 2f, shape);
    }

    /** Values away from 0 (for relu's kink and clamp's edges). */
    private Tensor awayFromZero(int... shape) {
        Tensor t = input(rng, 0.1f, 1f, shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) if (rng.nextFloat() < 0.5f) d[i] = -d[i];
        return t;
    }

    private void binaryAllShapes(String op, java.util.function.BinaryOperator<Tensor> f, boolean positiveRight) {
        int[][][] shapes = {
                {{3, 4}, {3, 4}},   // same shape
                {{3, 4}, {4}},      // bias row broadcast over rows
                {{4}, {3, 4}},      // ... on the left
                {{3, 4}, {3, 1}},   // column broadcast over columns
                {{3, 4}, {1, 4}},   // [1, n] row
                {{3, 4}, {}},       // scalar
                {{}, {3, 4}},
                {{5}, {5}},         // vectors
                {{3, 1}, {4}},      // outer broadcast [3,1] x [4] -> [3,4]
        };
        for (int[][] s : shapes) {
            Tensor a = in(s[0]);
            Tensor b = positiveRight ? positive(s[1]) : in(s[1]);
            check(op + " " + java.util.Arrays.toString(s[0]) + " " + java.util.Arrays.toString(s[1]),
                    t -> f.apply(t[0], t[1]), a, b);
        }
    }

    @Test void add() { binaryAllShapes("add", Arithmetic::add, false); }
    @Test void sub() { binaryAllShapes("sub", Arithmetic::sub, false); }
    @Test void mul() { binaryAllShapes("mul", Arithmetic::mul, false); }
    @Test void div() { binaryAllShapes("div", Arithmetic::div, true); }

    @Test void sameTensorOnBothSides() {
        check("mul(x, x)", t -> Arithmetic.mul(t[0], t[0]), in(3, 4));
        check("x*x + x", t -> Arithmetic.add(Arithmetic.mul(t[0], t[0]), t[0]), in(2, 3));
    }

    @Test void neg() { check("neg", t -> Arithmetic.neg(t[0]), in(3, 4)); }
    @Test void scale() { check("scale", t -> Arithmetic.scale(t[0], -2.5f), in(3, 4)); }
    @Test void addScalar() { check("addScalar", t -> Arithmetic.addScalar(t[0], 0.7f), in(3, 4)); }

    @Test void matmul() {
        check("matmul", t -> Products.matmul(t[0], t[1]), in(3, 5), in(5, 4));
        check("matmul 1x1", t -> Products.matmul(t[0], t[1]), in(1, 1), in(1, 1));
        check("matmul a a", t -> Products.matmul(t[0], t[0]), in(4, 4));
    }

    @Test void linear() {
        check("linear", t -> Products.linear(t[0], t[1], t[2]), in(5, 3), in(3, 4), in(4));
        check("linear without bias", t -> Products.linear(t[0], t[1], null), in(5, 3), in(3, 4));
        Tensor fixedX = Tensor.uniform(rng, -1, 1, 2, 3); // input without grad: only parameters get gradients
        check("linear params only", t -> Products.linear(fixedX, t[0], t[1]), in(3, 2), in(2));
    }

    @Test void transpose() { check("transpose", t -> Shapes.transpose(t[0]), in(3, 5)); }
    @Test void reshape() { check("reshape", t -> Shapes.reshape(t[0], 6, 2), in(3, 4)); }

    @Test void sumAndMean() {
        check("sum", t -> Reductions.sum(t[0]), in(3, 4));
        check("mean", t -> Reductions.mean(t[0]), in(3, 4));
        for (int axis = 0; axis < 2; axis++) {
            final int ax = axis;
            check("sum axis " + ax, t -> Reductions.sum(t[0], ax, false), in(3, 4));
            check("sum axis keepDim " + ax, t -> Reductions.sum(t[0], ax, true), in(3, 4));
            check("mean axis " + ax, t -> Reductions.mean(t[0], ax, false), in(3, 4));
            check("mean axis keepDim " + ax, t -> Reductions.mean(t[0], ax, true), in(3, 4));
        }
        check("sum vector axis 0", t -> Reductions.sum(t[0], 0, false), in(5));
        check("mean vector keepDim", t -> Reductions.mean(t[0], 0, true), in(5));
    }

    @Test void relu() { check("relu", t -> Activations.relu(t[0]), awayFromZero(4, 5)); }
    @Test void tanh() { check("tanh", t -> Activations.tanh(t[0]), input(rng, -2f, 2f, 4, 5)); }
    @Test void sigmoid() { check("sigmoid", t -> Activations.sigmoid(t[0]), input(rng, -3f, 3f, 4, 5)); }
    @Test void exp() { check("exp", t -> Pointwise.exp(t[0]), in(4, 5)); }
    @Test void log() { check("log", t -> Pointwise.log(t[0]), positive(4, 5)); }
    @Test void square() { check("square", t -> Pointwise.square(t[0]), in(4, 5)); }
    @Test void sqrt() { check("sqrt", t -> Pointwise.sqrt(t[0]), positive(4, 5)); }

    @Test void pow() {
        check("pow 3", t -> Pointwise.pow(t[0], 3f), in(4, 5));
        check("pow 1.5", t -> Pointwise.pow(t[0], 1.5f), positive(4, 5));
        check("pow -2", t -> Pointwise.pow(t[0], -2f), positive(4, 5));
    }

    @Test void clamp() {
        // |x| in [0.1, 1], bounds at +-0.5: stay 0.02 away from the edges so the finite difference does not straddle them
        Tensor x = awayFromZero(4, 5);
        float[] d = x.data();
        for (int i = 0; i < d.length; i++) if (Math.abs(Math.abs(d[i]) - 0.5f) < 0.02f) d[i] *= 1.2f;
        check("clamp", t -> Pointwise.clamp(t[0], -0.5f, 0.5f), x);
    }

    @Test void concatColumns() {
        check("concat 2", t -> Shapes.concatColumns(t[0], t[1]), in(3, 4), in(3, 2));
        check("concat 3", t -> Shapes.concatColumns(t[0], t[1], t[2]), in(2, 1), in(2, 3), in(2, 2));
        Tensor fixed = Tensor.uniform(rng, -1, 1, 3, 2);  // one part without grad
        check("concat with constant", t -> Shapes.concatColumns(fixed, t[0]), in(3, 4));
    }

    @Test void linearOfConcat() {
        check("linearOfConcat", t -> Products.linearOfConcat(new Tensor[] {t[0], t[1]}, t[2], t[3]), in(4, 3), in(4, 2), in(5, 3), in(3));
        Tensor features = Tensor.uniform(rng, -1, 1, 4, 3);   // like the critic's features in the actor update
        Tensor w = Tensor.uniform(rng, -1, 1, 5, 2);
        check("linearOfConcat, gradient to the second part only",
                t -> Products.linearOfConcat(new Tensor[] {features, t[0]}, w, null), in(4, 2));
        check("linearOfConcat three parts", t -> Products.linearOfConcat(new Tensor[] {t[0], t[1], t[2]}, t[3], null),
                in(2, 1), in(2, 2), in(2, 3), in(6, 2));
    }

    @Test void linearOfConcatEqualsConcatThenLinear() {
        Tensor a = in(5, 4), b = in(5, 3), w = in(7, 6), bias = in(6);
        Tensor fused = Products.linearOfConcat(new Tensor[] {a, b}, w, bias);
        fused.backward(Tensor.ones(5, 6).data());
        float[] ga = a.grad().clone(), gb = b.grad().clone(), gw = w.grad().clone(), gbias = bias.grad().clone();
        for (Tensor t : new Tensor[] {a, b, w, bias}) t.zeroGrad();
        Tensor plain = Products.linear(Shapes.concatColumns(a, b), w, bias);
        plain.backward(Tensor.ones(5, 6).data());
        org.junit.jupiter.api.Assertions.assertArrayEquals(plain.data(), fused.data(), 1e-6f);
        org.junit.jupiter.api.Assertions.assertArrayEquals(a.grad(), ga, 1e-6f);
        org.junit.jupiter.api.Assertions.assertArrayEquals(b.grad(), gb, 1e-6f);
        org.junit.jupiter.api.Assertions.assertArrayEquals(w.grad(), gw, 1e-6f);
        org.junit.jupiter.api.Assertions.assertArrayEquals(bias.grad(), gbias, 1e-6f);
    }

    @Test void sliceColumns() { check("slice", t -> Shapes.sliceColumns(t[0], 1, 4), in(3, 5)); }

    @Test void mse() {
        check("mse", t -> Losses.mse(t[0], t[1]), in(6, 1), in(6, 1));
        check("mse vector", t -> Losses.mse(t[0], t[1]), in(5), in(5));
    }

    @Test void composite() {
        // a small network-shaped expression: tanh(relu(x W1 + b1) W2 + b2), mean
        check("two layers", t -> Reductions.mean(Activations.tanh(Products.linear(
                Activations.relu(Products.linear(t[0], t[1], t[2])), t[3], t[4]))),
                in(4, 3), in(3, 5), in(5), in(5, 2), in(2));
    }
}
