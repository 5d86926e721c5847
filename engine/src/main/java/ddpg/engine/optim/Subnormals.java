package ddpg.engine.optim;

import ddpg.engine.Tensor;

/**
 * Float32 subnormals (magnitudes below 2^-126 ~ 1.18e-38) are handled by a slow microcode path on x86 CPUs: every
 * add or multiply touching one costs ~100 cycles instead of ~1. PyTorch turns on the CPU's flush-to-zero mode; Java
 * cannot. After a few thousand DDPG updates, Adam moments of rarely-active units decay geometrically into that range
 * (and weights follow under weight decay), and an engine slows down 4-6x. So the places where such values are
 * *produced* — optimizer state, weights, target-network averages — flush them to zero as they write them.
 * Zero is the value flush-to-zero hardware would produce; the change is below float32's normal resolution.
 */
public final class Subnormals {
    private Subnormals() {}

    /** v, or 0 when v is subnormal. */
    public static float flush(float v) {
        return Math.abs(v) < Float.MIN_NORMAL ? 0f : v;
    }

    /** Number of nonzero subnormal values in the array. */
    public static long count(float[] a) {
        long n = 0;
        for (float v : a) if (v != 0f && Math.abs(v) < Float.MIN_NORMAL) n++;
        return n;
    }

    /** Number of nonzero subnormal values across tensors (for benchmarks and health checks). */
    public static long count(Iterable<Tensor> tensors) {
        long n = 0;
        for (Tensor t : tensors) n += count(t.data());
        return n;
    }
}
