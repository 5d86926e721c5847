package ddpg.engine.kernels;

import jdk.incubator.vector.FloatVector;

/**
 * Fixed-order horizontal sums. {@code reduceLanes(ADD)} leaves the order of its additions unspecified, and HotSpot
 * really does add in one order while interpreting and another once C2 has compiled the loop (seen on JDK 25), so
 * the same call gives different last bits before and after warm-up. Training must be bit-for-bit repeatable (an
 * interrupted-and-resumed run equals an uninterrupted one), so every horizontal sum goes lane 0, 1, 2, ... here.
 */
final class Lanes {
    private Lanes() {}

    /** v[0] + v[1] + ... + v[L-1], left to right, in any JIT state. */
    static float sum(FloatVector v) {
        float s = 0f;
        for (int i = 0; i < v.length(); i++) s += v.lane(i);
        return s;
    }
}
