package ddpg.physics.tasks;

/**
 * The task's own random stream: splitmix64, with the draw primitives of the MuJoCo reference harness
 * ({@code mjref}), so that {@code reset(seed)} here makes the same draws as {@code mjref task --seed seed}.
 *
 * <p>Why this is not {@code ddpg.engine.Rng}, the generator everything else uses: physics never imports engine,
 * and this class must reproduce the harness's stream draw for draw (plain splitmix64 state, uncached Box-Muller
 * normals), not merely be a good generator. dm_control uses NumPy's MT19937; the spec only asks for the same
 * distributions and draw order, and using the harness's generator instead lets the tests compare whole initial
 * states with real MuJoCo's, number for number. Not thread-safe: each environment instance owns one.
 */
public final class SplitMix64 {
    /** Stream kinds of the reference harness: 4 = a task's initial-state draws, 5 = its random actions. */
    public static final int KIND_TASK_INIT = 4, KIND_TASK_ACTIONS = 5;

    private long state;

    public SplitMix64(long state) {
        this.state = state;
    }

    /** The harness's stream {@code kind} for episode seed {@code seed}: state {@code (seed << 8) | kind}. */
    public static SplitMix64 stream(long seed, int kind) {
        return new SplitMix64((seed << 8) | kind);
    }

    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double uniform() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [lo, hi), NumPy's formula {@code lo + (hi - lo) * u}. */
    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * uniform();
    }

    /** Standard normal by Box-Muller from two fresh uniforms (nothing cached, as the harness does). */
    public double normal() {
        double u1 = uniform();
        double u2 = uniform();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
