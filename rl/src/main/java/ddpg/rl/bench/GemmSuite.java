package ddpg.rl.bench;

import ddpg.engine.Rng;
import ddpg.engine.kernels.Gemm;
import ddpg.engine.kernels.Kernels;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench gemm}: every GEMM strategy on the DDPG layer shapes (forward nn, and the nt/tn products backward
 * needs) and 1024^3, in GFLOP/s and as a percentage of the measured FMA peak; the fastest per shape is marked.
 */
public final class GemmSuite implements BenchSuite {
    /** The forward products of DDPG's layers (batch 64 and 256; 24 = walker observation, 406 = 400 + 6 actions). */
    public static final List<String> FORWARD = List.of(
            "64x24x400", "64x400x300", "256x24x400", "256x400x300", "256x406x300", "256x300x1");
    /** Their backward products: dx = dy W^T (nt) and dW = x^T dy (tn). */
    public static final List<String> BACKWARD = List.of(
            "nt:64x400x24", "nt:64x300x400", "nt:256x400x24", "nt:256x300x400", "nt:256x300x406", "nt:256x1x300",
            "tn:24x64x400", "tn:400x64x300", "tn:24x256x400", "tn:400x256x300", "tn:406x256x300", "tn:300x256x1");
    public static final String BIG = "1024x1024x1024";
    public static final List<String> QUICK = List.of(
            "64x24x400", "256x400x300", "256x300x1", "nt:256x300x400", "tn:400x256x300", BIG);
    /** Naive and scalar loops are skipped above this many flops per call (they would take seconds each). */
    static final double SLOW_VARIANT_MAX_FLOPS = 1.1e8;

    @Override public String name() { return "gemm"; }

    @Override public String summary() { return "matrix multiply: naive, scalar, vector-row, vector-blocked, multi-threaded"; }

    public static List<String> defaultShapes(boolean quick) {
        if (quick) return QUICK;
        List<String> all = new ArrayList<>(FORWARD);
        all.addAll(BACKWARD);
        all.add(BIG);
        return all;
    }

    @Override
    public void run(BenchContext ctx) {
        runWith(ctx, ctx.stopwatch(), ctx.peakGflops(1), ctx.peakGflops(ctx.threads()));
    }

    /** The suite with a given timer and peaks (GFLOP/s on 1 and on ctx.threads() threads), so tests can run it fast. */
    void runWith(BenchContext ctx, Stopwatch watch, double peak1, double peakT) {
        List<GemmShape> shapes = new ArrayList<>();
        for (String s : ctx.shapes().isEmpty() ? defaultShapes(ctx.quick()) : ctx.shapes()) shapes.add(GemmShape.parse(s));
        ctx.result("gemm", "fma peak 1 thread", "peak", peak1, "GFLOP/s");
        ctx.out().printf("# fma peak %.1f GFLOP/s on 1 thread%s (measured now with a %s FMA loop)%n", peak1,
                ctx.threads() > 1 ? String.format(", %.1f on %d threads", peakT, ctx.threads()) : "",
                Kernels.vectorAvailable() ? "vector" : "scalar");
        ctx.out().println("# gemm <shape> <variant> <median GFLOP/s> <% of the peak for its thread count> (best sample,"
                + " median over this thread's CPU time); nt: = A B^T, tn: = A^T B");
        List<Gemm> variants = new ArrayList<>();
        List<String> available = new ArrayList<>();
        for (Gemm g : Kernels.gemmVariants(ctx.threads())) {
            available.add(g.name());
            if (ctx.variants().isEmpty() || ctx.variants().contains(g.name())) variants.add(g);
        }
        for (String v : ctx.variants()) {
            if (!available.contains(v)) throw new IllegalArgumentException("--variant " + v + " is not available here "
                    + "(available: " + String.join(", ", available) + "; vector-<T>t needs --threads T)");
        }
        Rng rnd = new Rng(1);
        for (GemmShape s : shapes) {
            float[] a = random(s.m() * s.k(), rnd), b = random(s.k() * s.n(), rnd), c = new float[s.m() * s.n()];
            List<String> names = new ArrayList<>();
            List<Double> gflops = new ArrayList<>();
            List<Double> bestGflops = new ArrayList<>();
            List<Double> cpuGflops = new ArrayList<>();
            for (Gemm g : variants) {
                names.add(g.name());
                boolean slow = g.name().equals("naive") || g.name().equals("scalar");
                if (slow && s.flops() > SLOW_VARIANT_MAX_FLOPS) {
                    gflops.add(Double.NaN);
                    bestGflops.add(Double.NaN);
                    cpuGflops.add(Double.NaN);
                    continue;
                }
                Stopwatch.Timing t = watch.time(() -> s.run(g, a, b, c));
                gflops.add(s.flops() / t.median() / 1e9);
                bestGflops.add(s.flops() / t.best() / 1e9);
                cpuGflops.add(s.flops() / t.cpuMedian() / 1e9);
            }
            int best = -1;
            for (int i = 0; i < gflops.size(); i++) {
                double gf = gflops.get(i);
                if (!Double.isNaN(gf) && (best < 0 || gf > gflops.get(best))) best = i;
            }
            for (int i = 0; i < names.size(); i++) {
                double gf = gflops.get(i);
                if (Double.isNaN(gf)) {
                    ctx.out().printf("gemm %s %s skipped (too slow above %.0e flop; pass --shape to time smaller sizes)%n",
                            s, names.get(i), SLOW_VARIANT_MAX_FLOPS);
                    continue;
                }
                double peak = threadsOf(names.get(i)) > 1 ? peakT : peak1;
                String item = s + " " + names.get(i);
                ctx.result("gemm", item, "median", gf, "GFLOP/s");
                ctx.result("gemm", item, "best", bestGflops.get(i), "GFLOP/s");
                ctx.result("gemm", item, "peak_share", 100 * gf / peak, "%");
                // CPU-time speed only means something for one thread (a pool's workers are not on our clock).
                String cpu = threadsOf(names.get(i)) > 1 || cpuGflops.get(i).isNaN() ? ""
                        : String.format(", cpu-time %.1f", cpuGflops.get(i));
                ctx.out().printf("gemm %s %s %.1f GFLOP/s %5.1f%% of peak (best sample %.1f%s)%s%n", s, names.get(i), gf,
                        100 * gf / peak, bestGflops.get(i), cpu, i == best ? "  <- fastest" : "");
            }
            ctx.out().flush();
        }
    }

    /** 2 for "vector-2t", 1 for everything else. */
    static int threadsOf(String variant) {
        if (variant.endsWith("t") && variant.startsWith("vector-")) {
            try {
                return Integer.parseInt(variant.substring("vector-".length(), variant.length() - 1));
            } catch (NumberFormatException ignored) {
                return 1;
            }
        }
        return 1;
    }

    static float[] random(int n, Rng rnd) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) rnd.nextGaussian();
        return x;
    }
}
