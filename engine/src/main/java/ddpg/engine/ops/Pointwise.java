package ddpg.engine.ops;

import ddpg.engine.Tensor;
import ddpg.engine.autograd.Graph;

/**
 * Elementwise math functions: exp, log, square, sqrt, pow by a constant, clamp. Backward = derivative times g.
 * exp, log and pow use StrictMath, whose results are the same on every JVM and JIT tier (reproducible runs).
 */
public final class Pointwise {
    private Pointwise() {}

    /** e^x.  d/dx = e^x = y. */
    public static Tensor exp(Tensor x) {
        Tensor out = Tensor.scratchLike(x);
        float[] xd = x.data(), y = out.data();
        for (int i = 0; i < y.length; i++) y[i] = (float) StrictMath.exp(xd[i]);
        if (Graph.needsGrad(x)) {
            Graph.record(out, "exp", () -> {
                float[] g = out.grad(), yd = out.data(), gx = x.gradAccumulator();
                for (int i = 0; i < g.length; i++) gx[i] += g[i] * yd[i];
            }, x);
        }
        return out;
    }

    /** Natural log.  d/dx = 1/x. */
    public static Tensor log(Tensor x) {
        Tensor out = Tensor.scratchLike(x);
        float[] xd = x.data(), y = out.data();
        for (int i = 0; i < y.length; i++) y[i] = (float) StrictMath.log(xd[i]);
        if (Graph.needsGrad(x)) {
            Graph.record(out, "log", () -> {
                float[] g = out.grad(), xs = x.data(), gx = x.gradAccumulator();
                for (int i = 0; i < g.length; i++) gx[i] += g[i] / xs[i];
            }, x);
        }
        return out;
    }

    /** x^2.  d/dx = 2x. */
    public static Tensor square(Tensor x) {
        Tensor out = Tensor.scratchLike(x);
        float[] xd = x.data(), y = out.data();
        for (int i = 0; i < y.length; i++) y[i] = xd[i] * xd[i];
        if (Graph.needsGrad(x)) {
            Graph.record(out, "square", () -> {
                float[] g = out.grad(), xs = x.data(), gx = x.gradAccumulator();
                for (int i = 0; i < g.length; i++) gx[i] += 2f * xs[i] * g[i];
            }, x);
        }
        return out;
    }

    /** Square root.  d/dx = 1 / (2 sqrt(x)) = 1 / (2y). */
    public static Tensor sqrt(Tensor x) {
        Tensor out = Tensor.scratchLike(x);
        float[] xd = x.data(), y = out.data();
        for (int i = 0; i < y.length; i++) y[i] = (float) Math.sqrt(xd[i]);
        if (Graph.needsGrad(x)) {
            Graph.record(out, "sqrt", () -> {
                float[] g = out.grad(), yd = out.data(), gx = x.gradAccumulator();
                for (int i = 0; i < g.length; i++) gx[i] += g[i] / (2f * yd[i]);
            }, x);
        }
        return out;
    }

    /** x^p for a constant p.  d/dx = p x^(p-1). */
    public static Tensor pow(Tensor x, float p) {
        Tensor out = Tensor.scratchLike(x);
        float[] xd = x.data(), y = out.data();
        for (int i = 0; i < y.length; i++) y[i] = (float) StrictMath.pow(xd[i], p);
        if (Graph.needsGrad(x)) {
            Graph.record(out, "pow", () -> {
                float[] g = out.grad(), xs = x.data(), gx = x.gradAccumulator();
                for (int i = 0; i < g.length; i++) gx[i] += g[i] * p * (float) StrictMath.pow(xs[i], p - 1);
            }, x);
        }
        return out;
    }

    /** min(max(x, lo), hi).  d/dx = 1 inside [lo, hi], 0 where the value was clipped. */
    public static Tensor clamp(Tensor x, float lo, float hi) {
        if (!(lo <= hi)) throw new IllegalArgumentException("clamp: lo " + lo + " must be <= hi " + hi);
        Tensor out = Tensor.scratchLike(x);
        float[] xd = x.data(), y = out.data();
        for (int i = 0; i < y.length; i++) y[i] = Math.min(Math.max(xd[i], lo), hi);
        if (Graph.needsGrad(x)) {
            Graph.record(out, "clamp", () -> {
                float[] g = out.grad(), xs = x.data(), gx = x.gradAccumulator();
                for (int i = 0; i < g.length; i++) gx[i] += (xs[i] >= lo && xs[i] <= hi) ? g[i] : 0f;
            }, x);
        }
        return out;
    }
}
