package ddpg.rl.bench;

import ddpg.engine.kernels.Kernels;
import java.util.ArrayList;
import java.util.List;

/**
 * This machine's float FMA peak, measured on the spot: independent chains of {@code acc = acc * m + c} that the
 * CPU can overlap completely, so the only limit is how many FMA lanes it retires per cycle. With SIMD on, the
 * loop uses the preferred vector species (what our kernels use); otherwise scalar {@link Math#fma}.
 */
public final class FmaPeak {
    private FmaPeak() {}

    /** GFLOP/s (2 flops per FMA lane) on {@code threads} threads running at once, each for about {@code seconds}. */
    public static double measure(int threads, double seconds) {
        if (threads == 1) return oneThread(seconds);
        List<Thread> ts = new ArrayList<>();
        double[] result = new double[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread th = new Thread(() -> result[id] = oneThread(seconds), "fma-peak-" + t);
            ts.add(th);
            th.start();
        }
        double sum = 0;
        for (int t = 0; t < threads; t++) {
            try {
                ts.get(t).join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while measuring the FMA peak", e);
            }
            sum += result[t];
        }
        return sum;
    }

    /**
     * Short bursts of FMAs timed by {@link Stopwatch}: it warms up until the JIT has compiled the burst (an
     * interpreted Vector API loop is a thousand times slower) and keeps the best 2 ms sample, the one the
     * scheduler left alone on a shared machine.
     */
    private static double oneThread(double seconds) {
        Stopwatch watch = new Stopwatch(seconds, 0.002, (int) Math.max(5, seconds / 0.004));
        if (Kernels.vectorAvailable()) {
            return VectorFmaLoop.flopsPerBurst() / watch.time(() -> sink += VectorFmaLoop.burst(VectorFmaLoop.BURST)).best() / 1e9;
        }
        return SCALAR_FLOPS / watch.time(() -> sink += scalarBurst()).best() / 1e9;
    }

    static final int SCALAR_BURST = 20_000;
    static final double SCALAR_FLOPS = SCALAR_BURST * 8 * 2.0;

    /** Eight independent scalar FMA chains. */
    static float scalarBurst() {
        // m and c come from a volatile field: with compile-time constants C2 may fold the chains away.
        float m = multiplier, c = addend;
        float a0 = 1.000f, a1 = 1.001f, a2 = 1.002f, a3 = 1.003f, a4 = 1.004f, a5 = 1.005f, a6 = 1.006f, a7 = 1.007f;
        for (int r = 0; r < SCALAR_BURST; r++) {
            a0 = Math.fma(a0, m, c); a1 = Math.fma(a1, m, c); a2 = Math.fma(a2, m, c); a3 = Math.fma(a3, m, c);
            a4 = Math.fma(a4, m, c); a5 = Math.fma(a5, m, c); a6 = Math.fma(a6, m, c); a7 = Math.fma(a7, m, c);
        }
        return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7;
    }

    /** Loop inputs the JIT cannot treat as constants. */
    static volatile float multiplier = 0.999999f, addend = 1e-6f;

    /** Keeps the JIT from deleting the loops. */
    static volatile float sink;
}
