package ddpg.engine;

import java.util.Arrays;

/**
 * The project's seeded random number generator: weight init, random tensors, replay sampling, exploration noise.
 * The algorithm is written out here, so a run is reproducible from its seed on any JDK, and its whole state can be
 * saved and restored exactly, so a resumed training run draws the same numbers as one that never stopped
 * ({@link java.util.Random} and {@link java.util.SplittableRandom} hide theirs). Not thread-safe.
 *
 * <p>Algorithm: xoshiro256** (Blackman and Vigna, 2018), seeded through SplitMix64 so that nearby seeds give
 * unrelated streams. Gaussians use Marsaglia's polar method; its cached second value is part of the state.
 */
public final class Rng {
    /** How many longs {@link #state()} returns and {@link #restore} expects. */
    public static final int STATE_LENGTH = 6;

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long s0, s1, s2, s3;
    private boolean hasSpare;
    private double spare;

    public Rng(long seed) {
        long x = seed;
        x += GOLDEN_GAMMA; s0 = mix(x);
        x += GOLDEN_GAMMA; s1 = mix(x);
        x += GOLDEN_GAMMA; s2 = mix(x);
        x += GOLDEN_GAMMA; s3 = mix(x);
    }

    /** SplitMix64's output function: a good 64-bit hash, also used to derive independent seeds. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A seed for the named sub-stream of {@code seed} (network init, replay sampling, exploration noise, ...). */
    public static long derive(long seed, String stream) {
        long h = seed;
        for (int i = 0; i < stream.length(); i++) h = mix(h + stream.charAt(i) * GOLDEN_GAMMA);
        return mix(h);
    }

    /** A fresh generator whose stream is independent of this one (for giving each network its own stream). */
    public Rng split() {
        return new Rng(nextLong());
    }

    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, 1) with 24 random bits (exactly representable as a float). */
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    /** Uniform in [lo, hi). */
    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Uniform in [0, bound) without modulo bias (Lemire's multiply-and-reject). */
    public int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive, got " + bound);
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** Standard normal (mean 0, variance 1), Marsaglia's polar method; values come in pairs. */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u, v, s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.sqrt(-2 * StrictMath.log(s) / s);   // StrictMath: same bits on every JVM
        spare = v * f;
        hasSpare = true;
        return u * f;
    }

    /** The whole state as {@link #STATE_LENGTH} longs (the four words, the spare flag, the spare's bits). */
    public long[] state() {
        return new long[] {s0, s1, s2, s3, hasSpare ? 1 : 0, Double.doubleToRawLongBits(spare)};
    }

    /** Continues exactly where the generator that gave {@code st} by {@link #state()} was. */
    public void restore(long[] st) {
        if (st == null || st.length != STATE_LENGTH) throw new IllegalArgumentException("an Rng state has "
                + STATE_LENGTH + " numbers, got " + (st == null ? "none" : Arrays.toString(st)));
        s0 = st[0]; s1 = st[1]; s2 = st[2]; s3 = st[3];
        hasSpare = st[4] != 0;
        spare = Double.longBitsToDouble(st[5]);
    }
}
