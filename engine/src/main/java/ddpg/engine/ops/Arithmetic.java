package ddpg.engine.ops;

import ddpg.engine.Tensor;
import ddpg.engine.autograd.Graph;

/**
 * add, sub, mul, div with broadcasting (see {@link Broadcast}), and the one-input forms neg, scale, addScalar.
 * Each backward rule is the partial derivative of the forward formula, times the incoming gradient g.
 */
public final class Arithmetic {
    private Arithmetic() {}

    /** a + b.  d/da = 1, d/db = 1. */
    public static Tensor add(Tensor a, Tensor b) {
        Tensor out = Broadcast.forward(a, b, "add", (x, y) -> x + y);
        if (Graph.needsGrad(a, b)) {
            Graph.record(out, "add", () -> Broadcast.backward(out, a, b,
                    (g, x, y, z) -> g,
                    (g, x, y, z) -> g), a, b);
        }
        return out;
    }

    /** a - b.  d/da = 1, d/db = -1. */
    public static Tensor sub(Tensor a, Tensor b) {
        Tensor out = Broadcast.forward(a, b, "sub", (x, y) -> x - y);
        if (Graph.needsGrad(a, b)) {
            Graph.record(out, "sub", () -> Broadcast.backward(out, a, b,
                    (g, x, y, z) -> g,
                    (g, x, y, z) -> -g), a, b);
        }
        return out;
    }

    /** a * b (elementwise).  d/da = b, d/db = a. */
    public static Tensor mul(Tensor a, Tensor b) {
        Tensor out = Broadcast.forward(a, b, "mul", (x, y) -> x * y);
        if (Graph.needsGrad(a, b)) {
            Graph.record(out, "mul", () -> Broadcast.backward(out, a, b,
                    (g, x, y, z) -> g * y,
                    (g, x, y, z) -> g * x), a, b);
        }
        return out;
    }

    /** a / b (elementwise).  d/da = 1/b, d/db = -a/b^2 = -z/b. */
    public static Tensor div(Tensor a, Tensor b) {
        Tensor out = Broadcast.forward(a, b, "div", (x, y) -> x / y);
        if (Graph.needsGrad(a, b)) {
            Graph.record(out, "div", () -> Broadcast.backward(out, a, b,
                    (g, x, y, z) -> g / y,
                    (g, x, y, z) -> -g * z / y), a, b);
        }
        return out;
    }

    /** -x.  d/dx = -1. */
    public static Tensor neg(Tensor x) {
        return scale(x, -1f, "neg");
    }

    /** c * x for a constant c.  d/dx = c. */
    public static Tensor scale(Tensor x, float c) {
        return scale(x, c, "scale");
    }

    private static Tensor scale(Tensor x, float c, String op) {
        Tensor out = Tensor.scratchLike(x);
        float[] xd = x.data(), od = out.data();
        for (int i = 0; i < od.length; i++) od[i] = c * xd[i];
        if (Graph.needsGrad(x)) {
            Graph.record(out, op, () -> {
                float[] g = out.grad(), gx = x.gradAccumulator();
                for (int i = 0; i < g.length; i++) gx[i] += c * g[i];
            }, x);
        }
        return out;
    }

    /** x + c for a constant c.  d/dx = 1. */
    public static Tensor addScalar(Tensor x, float c) {
        Tensor out = Tensor.scratchLike(x);
        float[] xd = x.data(), od = out.data();
        for (int i = 0; i < od.length; i++) od[i] = xd[i] + c;
        if (Graph.needsGrad(x)) {
            Graph.record(out, "addScalar", () -> {
                float[] g = out.grad(), gx = x.gradAccumulator();
                for (int i = 0; i < g.length; i++) gx[i] += g[i];
            }, x);
        }
        return out;
    }
}
