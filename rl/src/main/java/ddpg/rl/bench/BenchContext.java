package ddpg.rl.bench;

import java.io.PrintStream;
import java.util.List;

/**
 * What every suite gets: the user's options, where to print, the timer settings and this machine's FMA peak
 * (measured once, on first use).
 *
 * @param threads  threads for the multi-threaded variants (1 = single-threaded only)
 * @param quick    fewer shapes and shorter timings (the whole default run in about a minute)
 * @param shapes   GEMM shapes given with --shape (empty = the suite's defaults)
 * @param variants GEMM variant names given with --variant (empty = all)
 */
public record BenchContext(int threads, boolean quick, List<String> shapes, List<String> variants, PrintStream out) {
    public BenchContext {
        if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        shapes = List.copyOf(shapes);
        variants = List.copyOf(variants);
    }

    /** Timing settings: warm-up per variant, length of one sample, number of samples (the median is reported). */
    public Stopwatch stopwatch() {
        return quick ? new Stopwatch(0.4, 0.01, 9) : new Stopwatch(1.0, 0.02, 15);
    }

    private static volatile double[] peaks;

    /** Measured FMA peak in GFLOP/s on {@code t} threads (t = 1 or {@link #threads()}). */
    public double peakGflops(int t) {
        double[] p = peaks;
        if (p == null) {
            synchronized (BenchContext.class) {
                p = peaks;
                if (p == null) {
                    p = new double[Math.max(2, threads + 1)];
                    double seconds = quick ? 0.3 : 0.6;
                    p[1] = FmaPeak.measure(1, seconds);
                    if (threads > 1) p[threads] = FmaPeak.measure(threads, seconds);
                    peaks = p;
                }
            }
        }
        return t < p.length && p[t] > 0 ? p[t] : p[1] * t;
    }
}
