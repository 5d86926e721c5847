package ddpg.bench;

import ddpg.engine.Arena;
import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import ddpg.engine.nn.BatchNorm1d;
import ddpg.engine.nn.Mlp;
import ddpg.engine.nn.Sequential;
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
 * The autodiff engine end to end: forward and backward of the DDPG actor MLP (obs 24 -> 400 -> 300 -> 6, ReLU,
 * tanh output; optionally BatchNorm after each hidden Linear), and BatchNorm1d alone on a 256 x 400 batch.
 * Score: microseconds per forward+backward.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class MlpBench {
    @Param({"64", "256"})
    public int batch;

    @Param({"false", "true"})
    public boolean batchNorm;

    Sequential net;
    BatchNorm1d bn;
    Tensor x, h;
    final Arena arena = new Arena();

    @Setup
    public void setup() {
        Rng rng = new Rng(1);
        Mlp b = Mlp.input(24, rng).linear(400);
        if (batchNorm) b.batchNorm();
        b.relu().linear(300);
        if (batchNorm) b.batchNorm();
        net = b.relu().finalLinear(6, 3e-3f).tanh().build();
        x = Tensor.normal(rng, 0, 1, batch, 24);
        bn = new BatchNorm1d(400);
        h = Tensor.normal(rng, 0, 1, batch, 400).requiresGrad(true);
    }

    @Benchmark
    public float mlpForwardBackward() {
        try (Arena step = arena.enter()) {
            Tensor loss = net.forward(x).square().mean();
            loss.backward();
            return loss.item();
        }
    }

    @Benchmark
    public float batchNormForwardBackward() {
        try (Arena step = arena.enter()) {
            Tensor loss = bn.forward(h).square().mean();
            loss.backward();
            return loss.item();
        }
    }
}
