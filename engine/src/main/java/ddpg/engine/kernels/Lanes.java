package ddpg.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Fixed-order horizontal sums, the last step of the canonical reductions (see {@link ScalarElementwise#sum}).
 *
 * <p>{@code reduceLanes(ADD)} leaves the order of its additions unspecified, and HotSpot really does add in one
 * order while interpreting and another once C2 has compiled the loop (seen on JDK 25), so the same call gives
 * different last bits before and after warm-up. Here every horizontal sum is a fixed tree: fold the upper half onto
 * the lower half (lane i + lane i+L/2), then the upper quarter onto the lower quarter, ... Each fold is a lane
 * permutation plus a lane-wise add, whose results the API defines exactly, so the interpreter and C2 agree.
 *
 * <p>The same tree over 16 partial sums is what every vector width computes: a 512-bit vector holds the 16 partials
 * in one register; at 256 bits they are two registers (lanes 0-7 and 8-15), and adding the two is exactly the
 * tree's first fold; at 128 bits four registers (0-3, 4-7, 8-11, 12-15) take two such register-level folds. The
 * rest of the tree then runs inside one register, here.
 */
final class Lanes {
    private Lanes() {}

    private static final VectorSpecies<Float> S = VectorInfo.SPECIES;
    /** FOLDS[f] maps lane i to lane i XOR (L >> (f+1)): the partner lane of each fold. */
    private static final VectorShuffle<Float>[] FOLDS = folds();

    @SuppressWarnings("unchecked")
    private static VectorShuffle<Float>[] folds() {
        int n = Integer.numberOfTrailingZeros(S.length());
        VectorShuffle<Float>[] f = new VectorShuffle[n];
        for (int k = 0; k < n; k++) {
            int half = S.length() >> (k + 1);
            f[k] = VectorShuffle.fromOp(S, i -> i ^ half);
        }
        return f;
    }

    /** The sum of v's lanes by the fixed folding tree, the same bits in any JIT state (v of the kernels' species). */
    static float sum(FloatVector v) {
        for (VectorShuffle<Float> fold : FOLDS) v = v.add(v.rearrange(fold));
        return v.lane(0);
    }

    /** The same tree, written out in scalar code: what {@link #sum} must equal bit for bit (tests use it). */
    static float referenceSum(float[] lanes) {
        float[] x = lanes.clone();
        ScalarElementwise.foldTree(x, x.length);
        return x[0];
    }
}
