package ddpg.rl.bench;

import ddpg.engine.Rng;
import ddpg.engine.kernels.ElementwiseKernels;
import ddpg.engine.kernels.Kernels;
import ddpg.engine.kernels.ScalarElementwise;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench elementwise}: the activation, broadcast, reduction and optimizer kernels on one DDPG activation
 * (256 x 300 floats), scalar against vector, in billions of elements per second and GB/s of memory traffic.
 * These are bandwidth-bound: a 300 KB activation lives in L2, so the ceiling is L2 bandwidth, not the FMA peak.
 */
public final class ElementwiseSuite implements BenchSuite {
    static final int ROWS = 256, COLS = 300, N = ROWS * COLS;

    @Override public String name() { return "elementwise"; }

    @Override public String summary() { return "activations, bias broadcast, column sums, reductions, Adam: scalar vs vector"; }

    private record Op(String name, int bytesPerElement, java.util.function.Consumer<ElementwiseKernels> body) {}

    @Override
    public void run(BenchContext ctx) {
        Rng rnd = new Rng(2);
        float[] x = random(N, rnd), y = random(N, rnd), z = new float[N], g = random(N, rnd);
        float[] m = new float[N], v = new float[N], bias = random(COLS, rnd), sums = new float[COLS];
        List<Op> ops = new ArrayList<>();
        ops.add(new Op("add", 12, k -> k.add(x, y, z, N)));
        ops.add(new Op("axpy", 12, k -> k.axpy(1e-3f, x, z, N)));
        ops.add(new Op("relu", 8, k -> k.relu(x, z, N)));
        ops.add(new Op("reluBackward", 16, k -> k.reluBackward(x, y, z, N)));
        ops.add(new Op("tanh", 8, k -> k.tanh(x, z, N)));
        ops.add(new Op("tanhBackward", 16, k -> k.tanhBackward(x, y, z, N)));
        ops.add(new Op("addRowVector", 8, k -> k.addRowVector(x, bias, z, ROWS, COLS)));
        ops.add(new Op("columnSums", 4, k -> k.columnSums(x, ROWS, COLS, sums, false)));
        ops.add(new Op("sum", 4, k -> sink += k.sum(x, N)));
        ops.add(new Op("adamStep", 28, k -> k.adamStep(z, g, m, v, 0, N, 1e-9f, 0.9f, 0.999f, 1e-8f, 0f, 0.5f, 0.5f)));
        List<ElementwiseKernels> impls = new ArrayList<>();
        impls.add(new ScalarElementwise());
        if (Kernels.vectorAvailable()) impls.add(Kernels.elementwise());
        Stopwatch watch = ctx.stopwatch();
        ctx.out().printf("# elementwise <op> n=%d (%dx%d) <impl> <median Gelem/s> <GB/s counted as the bytes each element reads+writes>%n",
                N, ROWS, COLS);
        for (Op op : ops) {
            double[] rates = new double[impls.size()], bestRates = new double[impls.size()], cpuRates = new double[impls.size()];
            for (int i = 0; i < impls.size(); i++) {
                ElementwiseKernels k = impls.get(i);
                Stopwatch.Timing t = watch.time(() -> op.body().accept(k));
                rates[i] = N / t.median() / 1e9;
                bestRates[i] = N / t.best() / 1e9;
                cpuRates[i] = N / t.cpuMedian() / 1e9;
            }
            int best = 0;
            for (int i = 1; i < rates.length; i++) if (rates[i] > rates[best]) best = i;
            for (int i = 0; i < impls.size(); i++) {
                String item = op.name() + " " + impls.get(i).name();
                ctx.result("elementwise", item, "median", rates[i], "Gelem/s");
                ctx.result("elementwise", item, "best", bestRates[i], "Gelem/s");
                ctx.result("elementwise", item, "cpu_median", cpuRates[i], "Gelem/s");
                ctx.out().printf("elementwise %s n=%d %s %.2f Gelem/s %.1f GB/s (best sample %.2f, cpu-time %.2f Gelem/s)%s%n",
                        op.name(), N, impls.get(i).name(), rates[i], rates[i] * op.bytesPerElement(), bestRates[i], cpuRates[i],
                        i == best && impls.size() > 1 ? "  <- fastest" : "");
            }
            ctx.out().flush();
        }
    }

    static volatile float sink;

    static float[] random(int n, Rng rnd) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) rnd.nextGaussian();
        return x;
    }
}
