package ddpg.engine.ops;

import ddpg.engine.Tensor;

import java.util.Arrays;

/**
 * Shape rules and loops for elementwise binary ops, NumPy style on the 2-D view: each operand is rows x cols and
 * a dimension of size 1 is stretched to match the other operand. That covers same shape, a scalar with anything,
 * a bias row [n] added to every row of [m, n], and a column [m, 1] applied across [m, n].
 *
 * <p>The backward of a broadcast is a sum: a bias added to 64 rows receives the sum of those 64 rows' gradients.
 * The loops below get that for free by accumulating every output position into the input index it read from.
 */
final class Broadcast {
    private Broadcast() {}

    /** z = f(x, y) for one pair of elements. */
    interface Forward {
        float apply(float x, float y);
    }

    /** d(out)/d(input) times the output gradient g, given the input values x, y and the output value z. */
    interface Partial {
        float apply(float g, float x, float y, float z);
    }

    static int[] resultShape(Tensor a, Tensor b, String op) {
        int r = broadcastDim(a.rows(), b.rows()), c = broadcastDim(a.cols(), b.cols());
        if (r < 0 || c < 0) {
            throw new IllegalArgumentException(op + ": shapes " + Arrays.toString(a.shape()) + " and "
                    + Arrays.toString(b.shape()) + " do not broadcast (each dimension must match or be 1)");
        }
        int rank = Math.max(a.rank(), b.rank());
        if (rank == 2 || r > 1) return new int[] {r, c};
        return rank == 1 ? new int[] {c} : new int[0];
    }

    private static int broadcastDim(int x, int y) {
        if (x == y || y == 1) return x;
        if (x == 1) return y;
        return -1;
    }

    static Tensor forward(Tensor a, Tensor b, String op, Forward f) {
        Tensor out = Tensor.scratch(resultShape(a, b, op));
        float[] ad = a.data(), bd = b.data(), od = out.data();
        if (a.size() == out.size() && b.size() == out.size()) {
            for (int i = 0; i < od.length; i++) od[i] = f.apply(ad[i], bd[i]);
            return out;
        }
        int rows = out.rows(), cols = out.cols();
        int ars = a.rows() == 1 ? 0 : a.cols(), acs = a.cols() == 1 ? 0 : 1;
        int brs = b.rows() == 1 ? 0 : b.cols(), bcs = b.cols() == 1 ? 0 : 1;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                od[i * cols + j] = f.apply(ad[i * ars + j * acs], bd[i * brs + j * bcs]);
            }
        }
        return out;
    }

    /** Adds g * d(out)/d(a) into a.grad and g * d(out)/d(b) into b.grad (for whichever of them requires grad). */
    static void backward(Tensor out, Tensor a, Tensor b, Partial da, Partial db) {
        float[] g = out.grad(), ad = a.data(), bd = b.data(), od = out.data();
        float[] ga = a.requiresGrad() ? a.gradAccumulator() : null;
        float[] gb = b.requiresGrad() ? b.gradAccumulator() : null;
        int rows = out.rows(), cols = out.cols();
        int ars = a.rows() == 1 ? 0 : a.cols(), acs = a.cols() == 1 ? 0 : 1;
        int brs = b.rows() == 1 ? 0 : b.cols(), bcs = b.cols() == 1 ? 0 : 1;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int o = i * cols + j, ia = i * ars + j * acs, ib = i * brs + j * bcs;
                if (ga != null) ga[ia] += da.apply(g[o], ad[ia], bd[ib], od[o]);
                if (gb != null) gb[ib] += db.apply(g[o], ad[ia], bd[ib], od[o]);
            }
        }
    }
}
