package ddpg.bench;

import ddpg.engine.Rng;
import ddpg.engine.kernels.ElementwiseKernels;
import ddpg.engine.kernels.Kernels;
import ddpg.engine.kernels.ScalarElementwise;

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

/**
 * Elementwise kernels and reductions on one DDPG activation (256 x 300 floats = 300 KB, so it lives in L2),
 * scalar reference against Vector API. Score: microseconds per call over all 76,800 elements.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class ElementwiseBench {
    static final int ROWS = 256, COLS = 300, N = ROWS * COLS;

    @Param({"scalar", "vector"})
    public String impl;

    ElementwiseKernels k;
    float[] x, y, z, g, m, v, bias, sums;

    @Setup
    public void setup() {
        k = impl.equals("scalar") ? new ScalarElementwise() : Kernels.elementwise();
        if (!k.name().equals(impl)) throw new IllegalStateException("wanted " + impl + " kernels, got " + k.name());
        Rng rnd = new Rng(2);
        x = random(N, rnd);
        y = random(N, rnd);
        g = random(N, rnd);
        z = new float[N];
        m = new float[N];
        v = new float[N];
        bias = random(COLS, rnd);
        sums = new float[COLS];
    }

    @Benchmark public float[] add() { k.add(x, y, z, N); return z; }

    @Benchmark public float[] axpy() { k.axpy(1e-3f, x, z, N); return z; }

    @Benchmark public float[] relu() { k.relu(x, z, N); return z; }

    @Benchmark public float[] reluBackward() { k.reluBackward(x, y, z, N); return z; }

    @Benchmark public float[] tanh() { k.tanh(x, z, N); return z; }

    @Benchmark public float[] tanhBackward() { k.tanhBackward(x, y, z, N); return z; }

    @Benchmark public float[] addRowVector() { k.addRowVector(x, bias, z, ROWS, COLS); return z; }

    @Benchmark public float[] columnSums() { k.columnSums(x, ROWS, COLS, sums, false); return sums; }

    @Benchmark public float sum() { return k.sum(x, N); }

    @Benchmark public float dot() { return k.dot(x, y, N); }

    @Benchmark
    public float[] adamStep() {
        k.adamStep(z, g, m, v, 0, N, 1e-9f, 0.9f, 0.999f, 1e-8f, 0f, 0.5f, 0.5f);
        return z;
    }

    static float[] random(int n, Rng rnd) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) rnd.nextGaussian();
        return a;
    }
}
