package ddpg.examples;

import ddpg.engine.Rng;
import ddpg.engine.kernels.Gemm;
import ddpg.engine.kernels.Kernels;
import ddpg.engine.kernels.ScalarGemm;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Example 5: SIMD with the Java Vector API. One instruction on a 512-bit register multiplies-and-adds 16 floats
 * at once (a fused multiply-add, FMA: a * b + c with one rounding). How close code gets to "16x" depends on what
 * else limits it:
 * <ul>
 *   <li><b>Dot product</b>: the plain loop {@code s += a[i] * b[i]} is not vectorised by the JIT, because float
 *       addition is not associative and Java must add in order. Worse, each add waits for the previous one
 *       (3-4 cycles of latency), so the loop does one element per 3-4 cycles. The vector loop keeps 16 partial sums in
 *       lanes (a different summation order: results differ in the last bits). A second trick, several independent
 *       vector accumulators, keeps several FMAs in flight instead of each waiting for the last; at 1024 elements
 *       (64 iterations) fixed costs dominate and it gains nothing, on long vectors it does (try an argument of
 *       16384). Memory bandwidth becomes the limit once the arrays leave the caches.</li>
 *   <li><b>GEMM</b> C = A B does 2 m k n flops on only m k + k n + m n numbers, so it can be compute-bound. The
 *       engine's kernels go step by step (see engine/src/main/java/ddpg/engine/kernels/package-info.java): naive
 *       loops (a new cache line per multiply), loops reordered to walk rows, the row loop in SIMD (limited by
 *       loads/stores of C), and the register-blocked kernel that keeps an 8 x 32 tile of C in registers for the
 *       whole k loop, so each loaded value feeds many FMAs (close to the FMA peak).</li>
 * </ul>
 * Timings are best-of-N wall clock on whatever machine you run, shared with whatever else runs there.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp ddpg.jar:examples/target/classes ddpg.examples.E05Simd}
 */
public final class E05Simd {
    private E05Simd() {}

    /** s = sum a[i] b[i], in order, one float accumulator: the reference. */
    public static float dotScalar(float[] a, float[] b, int n) {
        float s = 0f;
        for (int i = 0; i < n; i++) s += a[i] * b[i];
        return s;
    }

    /** The Vector API dot product, one accumulator (see {@code Simd.dot} below). */
    public static float dotVector(float[] a, float[] b, int n) { return Simd.dot(a, b, n); }

    /** The Vector API dot product, four accumulators (see {@code Simd.dot4} below). */
    public static float dotVector4(float[] a, float[] b, int n) { return Simd.dot4(a, b, n); }

    /** The Vector API code, in a class of its own so that E05Simd loads (and can say what is missing) without the module. */
    private static final class Simd {
        static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

        /** One vector accumulator: lane j sums a[i] b[i] for i = j mod lanes; the lanes are added at the end. */
        static float dot(float[] a, float[] b, int n) {
            FloatVector acc = FloatVector.zero(S);
            int i = 0;
            for (int upper = S.loopBound(n); i < upper; i += S.length()) {
                acc = FloatVector.fromArray(S, a, i).fma(FloatVector.fromArray(S, b, i), acc);   // acc += a * b, 16 lanes
            }
            float s = acc.reduceLanes(VectorOperators.ADD);
            for (; i < n; i++) s += a[i] * b[i];                                                // the tail, < 16 elements
            return s;
        }

        /** Four independent accumulators: four FMAs in flight at once instead of each waiting for the last. */
        static float dot4(float[] a, float[] b, int n) {
            FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
            int l = S.length(), i = 0;
            for (int upper = n - 4 * l; i <= upper; i += 4 * l) {
                c0 = FloatVector.fromArray(S, a, i).fma(FloatVector.fromArray(S, b, i), c0);
                c1 = FloatVector.fromArray(S, a, i + l).fma(FloatVector.fromArray(S, b, i + l), c1);
                c2 = FloatVector.fromArray(S, a, i + 2 * l).fma(FloatVector.fromArray(S, b, i + 2 * l), c2);
                c3 = FloatVector.fromArray(S, a, i + 3 * l).fma(FloatVector.fromArray(S, b, i + 3 * l), c3);
            }
            float s = c0.add(c1).add(c2.add(c3)).reduceLanes(VectorOperators.ADD);
            for (; i < n; i++) s += a[i] * b[i];
            return s;
        }
    }

    /** One timed line: the name, the result, the best time per call in nanoseconds. */
    public record Timing(String name, double value, double bestNanos) {}

    public interface Dot { float apply(float[] a, float[] b, int n); }

    /** Best-of-{@code repeats} time of {@code calls} calls of each dot product on n random floats. */
    public static List<Timing> dots(int n, int calls, int repeats) {
        Rng rng = new Rng(5);
        float[] a = new float[n], b = new float[n];
        for (int i = 0; i < n; i++) { a[i] = (float) rng.uniform(-1, 1); b[i] = (float) rng.uniform(-1, 1); }
        String[] names = {"scalar loop", "vector, 1 accumulator", "vector, 4 accumulators"};
        Dot[] fs = {E05Simd::dotScalar, E05Simd::dotVector, E05Simd::dotVector4};
        List<Timing> out = new ArrayList<>();
        for (int f = 0; f < fs.length; f++) {
            double best = Double.MAX_VALUE;
            float v = 0;
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                for (int c = 0; c < calls; c++) v = fs[f].apply(a, b, n - (c & 1));   // vary n so no call is hoisted
                best = Math.min(best, (System.nanoTime() - t0) / (double) calls);
            }
            out.add(new Timing(names[f], fs[f].apply(a, b, n), best));
            if (v == 12345f) System.out.print("");   // keeps v alive
        }
        return out;
    }

    /**
     * Every GEMM variant on C[m x n] = A[m x k] B[k x n]: value = max |C - C_scalar|, best time per product over at
     * least {@code repeats} runs and {@code minSeconds}.
     */
    public static List<Timing> gemms(int m, int k, int n, int repeats, double minSeconds) {
        Rng rng = new Rng(6);
        float[] a = new float[m * k], b = new float[k * n], ref = new float[m * n], c = new float[m * n];
        for (int i = 0; i < a.length; i++) a[i] = (float) rng.uniform(-1, 1);
        for (int i = 0; i < b.length; i++) b[i] = (float) rng.uniform(-1, 1);
        new ScalarGemm().nn(m, k, n, a, b, ref, false);
        List<Timing> out = new ArrayList<>();
        for (Gemm g : Kernels.gemmVariants(1)) {
            double best = Double.MAX_VALUE;
            long start = System.nanoTime();
            for (int r = 0; r < repeats || System.nanoTime() - start < minSeconds * 1e9; r++) {
                long t0 = System.nanoTime();
                g.nn(m, k, n, a, b, c, false);
                best = Math.min(best, System.nanoTime() - t0);
            }
            double diff = 0;
            for (int i = 0; i < c.length; i++) diff = Math.max(diff, Math.abs(c[i] - ref[i]));
            out.add(new Timing(g.name(), diff, best));
        }
        return out;
    }

    public static void main(String[] args) {
        if (!Kernels.vectorModulePresent()) {
            System.err.println("E05: the Vector API module is missing; start the JVM with --add-modules jdk.incubator.vector");
            System.exit(2);
        }
        System.out.println("Vector species here: " + Kernels.description() + "\n");
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1024;   // 1024: 8 KB of floats: both arrays stay in the L1 cache, so arithmetic, not memory, is measured
        System.out.printf(Locale.ROOT, "dot product of %d floats (best of 20 x 20000 calls)%n", n);
        List<Timing> d = dots(n, 20_000, 20);
        for (Timing t : d) {
            System.out.printf(Locale.ROOT, "  %-24s = %+.6f   %7.1f ns/call  %5.2f flop/ns  %5.1fx%n", t.name(), t.value(),
                    t.bestNanos(), 2.0 * n / t.bestNanos(), d.get(0).bestNanos() / t.bestNanos());
        }
        int m = 256, k = 400, nn = 300;   // a DDPG shape: batch 256 through a 400 -> 300 layer
        System.out.printf(Locale.ROOT, "%nGEMM %dx%dx%d, %.1f MFLOP (best of >= 0.3 s per variant)%n", m, k, nn, 2e-6 * m * k * nn);
        gemms(m, k, nn, 5, 0.3);                    // a first round only to let the JIT compile every kernel
        List<Timing> g = gemms(m, k, nn, 5, 0.3);
        for (Timing t : g) {
            System.out.printf(Locale.ROOT, "  %-16s %8.2f ms  %6.1f GFLOP/s  %6.1fx vs scalar   max |C - C_scalar| %.1e%n",
                    t.name(), t.bestNanos() / 1e6, 2.0 * m * k * nn / t.bestNanos(), g.get(1).bestNanos() / t.bestNanos(), t.value());
        }
        System.out.println("\nThe differences are float round-off from summing in a different order, not errors;");
        System.out.println("the engine's tests hold every kernel to its scalar reference (engine/src/test/.../kernels/GemmTest.java).");
    }
}
