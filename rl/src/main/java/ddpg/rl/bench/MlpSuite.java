package ddpg.rl.bench;

import ddpg.engine.Arena;
import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import ddpg.engine.nn.Mlp;
import ddpg.engine.nn.Sequential;

/**
 * {@code bench mlp}: the autodiff engine end to end on the DDPG actor (24 -> 400 -> 300 -> 6, ReLU, tanh output,
 * optionally BatchNorm after each hidden layer): forward, a mean-square loss and backward, at batch 64 and 256.
 * Prints microseconds per forward+backward and the effective GFLOP/s of its matrix products (the rest of the time
 * is elementwise work, BatchNorm and graph bookkeeping).
 */
public final class MlpSuite implements BenchSuite {
    static final int IN = 24, H1 = 400, H2 = 300, OUT = 6;

    @Override public String name() { return "mlp"; }

    @Override public String summary() { return "actor MLP forward+backward through the autodiff engine (batch 64, 256; with/without BatchNorm)"; }

    /** Matrix-product flops of one forward+backward: forward and weight gradients for 3 layers, input gradients for 2. */
    static double gemmFlops(int batch) {
        double fwd = 2.0 * batch * (IN * H1 + H1 * H2 + H2 * OUT);
        double dx = 2.0 * batch * (H1 * H2 + H2 * OUT);
        return 2 * fwd + dx;
    }

    @Override
    public void run(BenchContext ctx) {
        Stopwatch watch = ctx.stopwatch();
        ctx.out().println("# mlp <batch> <batchnorm> <median us per forward+backward> (best sample, cpu-time) <GEMM GFLOP/s by cpu-time>");
        for (int batch : new int[] {64, 256}) {
            for (boolean bn : new boolean[] {false, true}) {
                Rng rng = new Rng(1);
                Mlp b = Mlp.input(IN, rng).linear(H1);
                if (bn) b.batchNorm();
                b.relu().linear(H2);
                if (bn) b.batchNorm();
                Sequential net = b.relu().finalLinear(OUT, 3e-3f).tanh().build();
                Tensor x = Tensor.normal(rng, 0, 1, batch, IN);
                Arena arena = new Arena();
                Runnable step = () -> {
                    try (Arena scope = arena.enter()) {
                        Tensor loss = net.forward(x).square().mean();
                        loss.backward();
                        sink += loss.item();
                    }
                };
                // The engine is many small methods: give the JIT a fixed number of calls before the timer's own
                // warm-up, which only watches the speed.
                for (int i = 0; i < (ctx.quick() ? 200 : 500); i++) step.run();
                Stopwatch.Timing t = watch.time(step);
                String item = "batch " + batch + " batchnorm " + (bn ? "on" : "off");
                ctx.result("mlp", item, "median", t.median() * 1e6, "us");
                ctx.result("mlp", item, "best", t.best() * 1e6, "us");
                ctx.result("mlp", item, "gemm_gflops_cpu", gemmFlops(batch) / t.cpuMedian() / 1e9, "GFLOP/s");
                ctx.out().printf("mlp batch %d batchnorm %s %.1f us (best %.1f, cpu-time %.1f) %.1f GFLOP/s in GEMMs%n",
                        batch, bn ? "on" : "off", t.median() * 1e6, t.best() * 1e6, t.cpuMedian() * 1e6,
                        gemmFlops(batch) / t.cpuMedian() / 1e9);
                ctx.out().flush();
            }
        }
    }

    static volatile float sink;
}
