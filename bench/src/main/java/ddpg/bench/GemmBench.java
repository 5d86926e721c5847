package ddpg.bench;

import ddpg.engine.Rng;
import ddpg.engine.kernels.Gemm;
import ddpg.engine.kernels.Kernels;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The GEMM strategies side by side on the DDPG layer shapes (forward nn and the backward nt/tn products). Score is
 * microseconds per call; GFLOP/s = 2*M*K*N / (score * 1000). The naive and scalar loops take tens of milliseconds
 * on the big shapes: leave them out with {@code -p variant=vector-row,vector-blocked,vector} for a quick run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class GemmBench {
    @Param({"64x24x400", "64x400x300", "256x24x400", "256x400x300", "256x406x300", "256x300x1",
            "nt:64x300x400", "nt:256x400x24", "nt:256x300x400", "nt:256x300x406", "nt:256x1x300",
            "tn:400x64x300", "tn:24x256x400", "tn:400x256x300", "tn:406x256x300", "tn:300x256x1"})
    public String shape;

    @Param({"naive", "scalar", "vector-row", "vector-blocked", "vector", "vector-2t"})
    public String variant;

    Problem problem;

    @Setup
    public void setup() {
        problem = new Problem(shape, variant);
    }

    @Benchmark
    public void gemm(Blackhole bh) {
        problem.run();
        bh.consume(problem.c);
    }

    /** One product ready to run: the arrays, the form and the kernel named by {@code variant}. */
    static final class Problem {
        final String form;
        final int m, k, n;
        final float[] a, b, c;
        final Gemm gemm;

        Problem(String shape, String variant) {
            String s = shape;
            String f = "nn";
            if (s.contains(":")) {
                f = s.substring(0, s.indexOf(':'));
                s = s.substring(s.indexOf(':') + 1);
            }
            String[] d = s.split("x");
            form = f;
            m = Integer.parseInt(d[0]);
            k = Integer.parseInt(d[1]);
            n = Integer.parseInt(d[2]);
            Rng rnd = new Rng(1);
            a = random(m * k, rnd);
            b = random(k * n, rnd);
            c = new float[m * n];
            gemm = byName(variant);
        }

        void run() {
            switch (form) {
                case "nn": gemm.nn(m, k, n, a, b, c, false); break;
                case "nt": gemm.nt(m, k, n, a, b, c, false); break;
                default: gemm.tn(m, k, n, a, b, c, false); break;
            }
        }

        static Gemm byName(String variant) {
            int threads = variant.matches("vector-\\d+t") ? Integer.parseInt(variant.replaceAll("\\D", "")) : 1;
            for (Gemm g : Kernels.gemmVariants(threads)) if (g.name().equals(variant)) return g;
            throw new IllegalArgumentException("no GEMM variant '" + variant + "' here (kernels: "
                    + Kernels.description() + ")");
        }

        static float[] random(int size, Rng rnd) {
            float[] x = new float[size];
            for (int i = 0; i < size; i++) x[i] = (float) rnd.nextGaussian();
            return x;
        }
    }
}
