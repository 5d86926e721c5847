package ddpg.bench;

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
 * 1024^3 (2.1 GFLOP per call), the classic "how close to peak" shape, for the SIMD variants only (the naive loop
 * would take seconds per call). GFLOP/s = 2147.48 / score(ms).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class GemmBigBench {
    @Param({"1024x1024x1024", "nt:1024x1024x1024", "tn:1024x1024x1024"})
    public String shape;

    @Param({"vector-row", "vector-blocked", "vector", "vector-2t"})
    public String variant;

    GemmBench.Problem problem;

    @Setup
    public void setup() {
        problem = new GemmBench.Problem(shape, variant);
    }

    @Benchmark
    public void gemm(Blackhole bh) {
        problem.run();
        bh.consume(problem.c);
    }
}
