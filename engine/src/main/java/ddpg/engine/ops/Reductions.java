package ddpg.engine.ops;

import ddpg.engine.Tensor;
import ddpg.engine.autograd.Graph;

import java.util.Arrays;

/**
 * sum and mean, over everything or along one axis. Backward of a sum copies the output gradient back to every
 * element that was summed (each contributed with slope 1); a mean additionally divides by the count.
 */
public final class Reductions {
    private Reductions() {}

    /** Sum of all elements, a scalar. */
    public static Tensor sum(Tensor x) {
        return total(x, 1f, "sum");
    }

    /** Mean of all elements, a scalar. */
    public static Tensor mean(Tensor x) {
        return total(x, 1f / x.size(), "mean");
    }

    private static Tensor total(Tensor x, float factor, String op) {
        float[] xd = x.data();
        double s = 0;
        for (float v : xd) s += v;
        Tensor out = Tensor.scratch();
        out.data()[0] = (float) (s * factor);
        if (Graph.needsGrad(x)) {
            Graph.record(out, op, () -> {
                float g = out.grad()[0] * factor;
                float[] gx = x.gradAccumulator();
                for (int i = 0; i < gx.length; i++) gx[i] += g;
            }, x);
        }
        return out;
    }

    /** Sum along {@code axis} (0 = down the rows, 1 = across the columns of a matrix). */
    public static Tensor sum(Tensor x, int axis, boolean keepDim) {
        return alongAxis(x, axis, keepDim, false);
    }

    /** Mean along {@code axis}. */
    public static Tensor mean(Tensor x, int axis, boolean keepDim) {
        return alongAxis(x, axis, keepDim, true);
    }

    private static Tensor alongAxis(Tensor x, int axis, boolean keepDim, boolean mean) {
        String op = mean ? "mean" : "sum";
        if (axis < 0 || axis >= Math.max(1, x.rank())) {
            throw new IllegalArgumentException(op + ": axis " + axis + " out of range for shape " + Arrays.toString(x.shape()));
        }
        if (x.rank() < 2) return keepDim ? keep(x, mean) : (mean ? mean(x) : sum(x));
        int rows = x.rows(), cols = x.cols();
        boolean downRows = axis == 0;
        int[] shape = downRows ? (keepDim ? new int[] {1, cols} : new int[] {cols})
                               : (keepDim ? new int[] {rows, 1} : new int[] {rows});
        float factor = mean ? 1f / (downRows ? rows : cols) : 1f;
        Tensor out = Tensor.scratch(shape);
        float[] xd = x.data(), od = out.data();
        if (downRows) {
            Arrays.fill(od, 0f);
            for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) od[j] += xd[i * cols + j];
        } else {
            for (int i = 0; i < rows; i++) {
                float s = 0f;
                for (int j = 0; j < cols; j++) s += xd[i * cols + j];
                od[i] = s;
            }
        }
        if (mean) for (int i = 0; i < od.length; i++) od[i] *= factor;
        if (Graph.needsGrad(x)) {
            Graph.record(out, op, () -> {
                float[] g = out.grad(), gx = x.gradAccumulator();
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) gx[i * cols + j] += factor * g[downRows ? j : i];
                }
            }, x);
        }
        return out;
    }

    /** Rank-0/1 input with keepDim: the result has the input's rank with every dimension 1. */
    private static Tensor keep(Tensor x, boolean mean) {
        Tensor s = mean ? mean(x) : sum(x);
        return x.rank() == 0 ? s : Shapes.reshape(s, 1);
    }
}
