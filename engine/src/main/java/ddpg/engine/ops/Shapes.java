package ddpg.engine.ops;

import ddpg.engine.Tensor;
import ddpg.engine.autograd.Graph;

import java.util.Arrays;

/**
 * Ops that move values without arithmetic: transpose, reshape, concatenation along the feature axis (the critic
 * reads [state, action]) and column slices. Their backward rules move the gradient back the same way.
 */
public final class Shapes {
    private Shapes() {}

    /** [r, c] to [c, r] (a copy). The gradient is transposed back. */
    public static Tensor transpose(Tensor x) {
        if (x.rank() != 2) throw new IllegalArgumentException("transpose needs a matrix, got " + Arrays.toString(x.shape()));
        int r = x.rows(), c = x.cols();
        Tensor out = Tensor.scratch(c, r);
        float[] xd = x.data(), od = out.data();
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) od[j * r + i] = xd[i * c + j];
        if (Graph.needsGrad(x)) {
            Graph.record(out, "transpose", () -> {
                float[] g = out.grad(), gx = x.gradAccumulator();
                for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) gx[i * c + j] += g[j * r + i];
            }, x);
        }
        return out;
    }

    /** The same values in a new shape with the same element count (a copy). */
    public static Tensor reshape(Tensor x, int... shape) {
        Tensor out = Tensor.scratch(shape);
        if (out.size() != x.size()) {
            throw new IllegalArgumentException("reshape: cannot view " + Arrays.toString(x.shape()) + " as " + Arrays.toString(shape));
        }
        System.arraycopy(x.data(), 0, out.data(), 0, x.size());
        if (Graph.needsGrad(x)) {
            Graph.record(out, "reshape", () -> {
                float[] g = out.grad(), gx = x.gradAccumulator();
                for (int i = 0; i < g.length; i++) gx[i] += g[i];
            }, x);
        }
        return out;
    }

    /** Joins matrices with the same number of rows side by side: [m, a] and [m, b] give [m, a + b]. */
    public static Tensor concatColumns(Tensor... parts) {
        if (parts.length == 0) throw new IllegalArgumentException("concatColumns needs at least one tensor");
        int rows = parts[0].rows(), total = 0;
        for (Tensor p : parts) {
            if (p.rank() != 2 || p.rows() != rows) {
                throw new IllegalArgumentException("concatColumns needs matrices with equal row counts, got "
                        + Arrays.toString(Arrays.stream(parts).map(t -> Arrays.toString(t.shape())).toArray()));
            }
            total += p.cols();
        }
        Tensor out = Tensor.scratch(rows, total);
        float[] od = out.data();
        int offset = 0;
        for (Tensor p : parts) {
            float[] pd = p.data();
            int c = p.cols();
            for (int i = 0; i < rows; i++) System.arraycopy(pd, i * c, od, i * total + offset, c);
            offset += c;
        }
        if (Graph.needsGrad(parts)) {
            final int width = total;
            Graph.record(out, "concat", () -> {
                // Each part receives the block of columns it supplied.
                float[] g = out.grad();
                int off = 0;
                for (Tensor p : parts) {
                    int c = p.cols();
                    if (p.requiresGrad()) {
                        float[] gp = p.gradAccumulator();
                        for (int i = 0; i < rows; i++) for (int j = 0; j < c; j++) gp[i * c + j] += g[i * width + off + j];
                    }
                    off += c;
                }
            }, parts.clone());
        }
        return out;
    }

    /** Columns [from, to) of a matrix. The gradient lands in those columns; the others get zero. */
    public static Tensor sliceColumns(Tensor x, int from, int to) {
        if (x.rank() != 2 || from < 0 || to > x.cols() || from >= to) {
            throw new IllegalArgumentException("sliceColumns(" + from + ", " + to + ") does not fit shape " + Arrays.toString(x.shape()));
        }
        int rows = x.rows(), cols = x.cols(), w = to - from;
        Tensor out = Tensor.scratch(rows, w);
        float[] xd = x.data(), od = out.data();
        for (int i = 0; i < rows; i++) System.arraycopy(xd, i * cols + from, od, i * w, w);
        if (Graph.needsGrad(x)) {
            Graph.record(out, "sliceColumns", () -> {
                float[] g = out.grad(), gx = x.gradAccumulator();
                for (int i = 0; i < rows; i++) for (int j = 0; j < w; j++) gx[i * cols + from + j] += g[i * w + j];
            }, x);
        }
        return out;
    }
}
