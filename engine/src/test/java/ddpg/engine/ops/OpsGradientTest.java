package ddpg.engine.ops;

import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import org.junit.jupiter.api.Test;

import static ddpg.engine.testing.GradCheck.check;
import static ddpg.engine.testing.GradCheck.input;

/**
 * Finite-difference gradient checks for every op, including the broadcast cases. Besides tiny shapes, each op is
 * checked on rows of 37 and 67 floats: more than one SIMD vector (16 lanes with AVX-512, 8 with AVX2) plus a
 * ragged tail, so the vector loops and their scalar tails are both exercised.
 */
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
                {{4, 37}, {4, 37}}, // wide rows: SIMD body + tail
                {{3, 67}, {67}},
                {{5, 37}, {5, 1}},
                {{2, 67}, {}},
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
        check("mul(x, x) wide", t -> Arithmetic.mul(t[0], t[0]), in(3, 67));
    }

    @Test void neg() {
        check("neg", t -> Arithmetic.neg(t[0]), in(3, 4));
        check("neg wide", t -> Arithmetic.neg(t[0]), in(3, 67));
    }

    @Test void scale() {
        check("scale", t -> Arithmetic.scale(t[0], -2.5f), in(3, 4));
        check("scale wide", t -> Arithmetic.scale(t[0], -2.5f), in(4, 37));
    }

    @Test void addScalar() {
        check("addScalar", t -> Arithmetic.addScalar(t[0], 0.7f), in(3, 4));
        check("addScalar wide", t -> Arithmetic.addScalar(t[0], 0.7f), in(3, 67));
    }

    @Test void matmul() {
        check("matmul", t -> Products.matmul(t[0], t[1]), in(3, 5), in(5, 4));
        check("matmul 1x1", t -> Products.matmul(t[0], t[1]), in(1, 1), in(1, 1));
        check("matmul a a", t -> Products.matmul(t[0], t[0]), in(4, 4));
        check("matmul wide", t -> Products.matmul(t[0], t[1]), in(5, 37), in(37, 67));
        check("matmul wide inner", t -> Products.matmul(t[0], t[1]), in(3, 67), in(67, 37));
        check("matmul a a wide", t -> Products.matmul(t[0], t[0]), in(37, 37));
    }

    @Test void linear() {
        check("linear", t -> Products.linear(t[0], t[1], t[2]), in(5, 3), in(3, 4), in(4));
        check("linear without bias", t -> Products.linear(t[0], t[1], null), in(5, 3), in(3, 4));
        Tensor fixedX = Tensor.uniform(rng, -1, 1, 2, 3); // input without grad: only parameters get gradients
        check("linear params only", t -> Products.linear(fixedX, t[0], t[1]), in(3, 2), in(2));
        check("linear wide", t -> Products.linear(t[0], t[1], t[2]), in(4, 37), in(37, 67), in(67));
        check("linear wide, 67 inputs", t -> Products.linear(t[0], t[1], t[2]), in(3, 67), in(67, 37), in(37));
    }

    @Test void transpose() {
        check("transpose", t -> Shapes.transpose(t[0]), in(3, 5));
        check("transpose wide", t -> Shapes.transpose(t[0]), in(3, 67));
    }

    @Test void reshape() {
        check("reshape", t -> Shapes.reshape(t[0], 6, 2), in(3, 4));
        check("reshape wide", t -> Shapes.reshape(t[0], 201), in(3, 67));
    }

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
        check("sum wide", t -> Reductions.sum(t[0]), in(3, 67));
        check("mean wide", t -> Reductions.mean(t[0]), in(4, 37));
        check("sum axis 0 wide", t -> Reductions.sum(t[0], 0, false), in(3, 67));
        check("mean axis 1 wide", t -> Reductions.mean(t[0], 1, true), in(4, 37));
    }

    /** Checks a unary op on a small matrix and on wide ones (one SIMD tail of 5 lanes, one of 3). */
    private void unary(String op, java.util.function.UnaryOperator<Tensor> f,
                       java.util.function.Function<int[], Tensor> inputs) {
        for (int[] s : new int[][] {{4, 5}, {5, 37}, {3, 67}}) {
            check(op + " " + java.util.Arrays.toString(s), t -> f.apply(t[0]), inputs.apply(s));
        }
    }

    @Test void relu() { unary("relu", Activations::relu, this::awayFromZero); }
    @Test void tanh() { unary("tanh", Activations::tanh, s -> input(rng, -2f, 2f, s)); }
    @Test void sigmoid() { unary("sigmoid", Activations::sigmoid, s -> input(rng, -3f, 3f, s)); }
    @Test void exp() { unary("exp", Pointwise::exp, this::in); }
    @Test void log() { unary("log", Pointwise::log, this::positive); }
    @Test void square() { unary("square", Pointwise::square, this::in); }
    @Test void sqrt() { unary("sqrt", Pointwise::sqrt, this::positive); }

    @Test void pow() {
        unary("pow 3", x -> Pointwise.pow(x, 3f), this::in);
        unary("pow 1.5", x -> Pointwise.pow(x, 1.5f), this::positive);
        unary("pow -2", x -> Pointwise.pow(x, -2f), this::positive);
    }

    @Test void clamp() {
        // |x| in [0.1, 1], bounds at +-0.5: move every x more than 2h = 0.02 away from the edges, so the stencil
        // never straddles one
        unary("clamp", x -> Pointwise.clamp(x, -0.5f, 0.5f), s -> {
            Tensor x = awayFromZero(s);
            float[] d = x.data();
            for (int i = 0; i < d.length; i++) if (Math.abs(Math.abs(d[i]) - 0.5f) < 0.03f) d[i] *= 1.2f;
            return x;
        });
    }

    @Test void concatColumns() {
        check("concat 2", t -> Shapes.concatColumns(t[0], t[1]), in(3, 4), in(3, 2));
        check("concat 3", t -> Shapes.concatColumns(t[0], t[1], t[2]), in(2, 1), in(2, 3), in(2, 2));
        Tensor fixed = Tensor.uniform(rng, -1, 1, 3, 2);  // one part without grad
        check("concat with constant", t -> Shapes.concatColumns(fixed, t[0]), in(3, 4));
        check("concat wide", t -> Shapes.concatColumns(t[0], t[1]), in(3, 37), in(3, 30));
    }

    @Test void linearOfConcat() {
        check("linearOfConcat", t -> Products.linearOfConcat(new Tensor[] {t[0], t[1]}, t[2], t[3]), in(4, 3), in(4, 2), in(5, 3), in(3));
        Tensor features = Tensor.uniform(rng, -1, 1, 4, 3);   // like the critic's features in the actor update
        Tensor w = Tensor.uniform(rng, -1, 1, 5, 2);
        check("linearOfConcat, gradient to the second part only",
                t -> Products.linearOfConcat(new Tensor[] {features, t[0]}, w, null), in(4, 2));
        check("linearOfConcat three parts", t -> Products.linearOfConcat(new Tensor[] {t[0], t[1], t[2]}, t[3], null),
                in(2, 1), in(2, 2), in(2, 3), in(6, 2));
        check("linearOfConcat wide", t -> Products.linearOfConcat(new Tensor[] {t[0], t[1]}, t[2], t[3]),
                in(4, 37), in(4, 6), in(43, 67), in(67));
    }

    @Test void linearRelu() {
        check("linearRelu", t -> Products.linearRelu(t[0], t[1], t[2]), in(5, 3), in(3, 4), in(4));
        // Wide shapes put some pre-activation within a finite-difference step of the kink; there LinearReluTest
        // shows the fused op gives relu(linear)'s bits, and both have their own checks.
        check("linearOfConcatRelu", t -> Products.linearOfConcatRelu(new Tensor[] {t[0], t[1]}, t[2], t[3]),
                in(4, 3), in(4, 2), in(5, 3), in(3));
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

    @Test void sliceColumns() {
        check("slice", t -> Shapes.sliceColumns(t[0], 1, 4), in(3, 5));
        check("slice wide", t -> Shapes.sliceColumns(t[0], 3, 40), in(3, 67));
    }

    @Test void mse() {
        check("mse", t -> Losses.mse(t[0], t[1]), in(6, 1), in(6, 1));
        check("mse vector", t -> Losses.mse(t[0], t[1]), in(5), in(5));
        check("mse wide", t -> Losses.mse(t[0], t[1]), in(2, 37), in(2, 37));
    }

    @Test void composite() {
        // a small network-shaped expression: tanh(relu(x W1 + b1) W2 + b2), mean
        check("two layers", t -> Reductions.mean(Activations.tanh(Products.linear(
                Activations.relu(Products.linear(t[0], t[1], t[2])), t[3], t[4]))),
                in(4, 3), in(3, 5), in(5), in(5, 2), in(2));
        // tanh as the hidden activation here: among 222 relu pre-activations one could lie within 2h of the kink
        check("two layers wide", t -> Reductions.mean(Activations.tanh(Products.linear(
                Activations.tanh(Products.linear(t[0], t[1], t[2])), t[3], t[4]))),
                in(6, 17), in(17, 37), in(37), in(37, 3), in(3));
    }
}
