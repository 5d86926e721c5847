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
 * @param results  every measurement, for {@code --csv}
 */
public record BenchContext(int threads, boolean quick, List<String> shapes, List<String> variants, PrintStream out,
                           double sampleMs, int samples, BenchResults results) {
    /** Default sampling: 15 samples of 20 ms (quick: 9 of 10 ms). */
    public BenchContext(int threads, boolean quick, List<String> shapes, List<String> variants, PrintStream out) {
        this(threads, quick, shapes, variants, out, quick ? 10 : 20, quick ? 9 : 15);
    }

    public BenchContext(int threads, boolean quick, List<String> shapes, List<String> variants, PrintStream out,
                        double sampleMs, int samples) {
        this(threads, quick, shapes, variants, out, sampleMs, samples, new BenchResults());
    }

    /** Records one measurement for --csv (the suites print it too). */
    public void result(String suite, String item, String metric, double value, String unit) {
        results.add(suite, item, metric, value, unit);
    }

    public BenchContext {
        if (sampleMs <= 0 || samples < 1)
            throw new IllegalArgumentException("--sample-ms must be positive and --samples at least 1");
        if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        shapes = List.copyOf(shapes);
        variants = List.copyOf(variants);
    }

    /** Timing settings: warm-up per variant, length of one sample, number of samples (the median is reported). */
    public Stopwatch stopwatch() {
        // On a machine busier than its core count the JIT's compiler threads get a share of the CPU too: warm up
        // longer in proportion (up to 4x), or the "warm" code may still be interpreted.
        double busy = MachineInfo.loadAverage() / Runtime.getRuntime().availableProcessors();
        double stretch = Math.max(1, Math.min(4, busy));
        return new Stopwatch((quick ? 0.4 : 1.0) * stretch, sampleMs / 1000, samples);
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
