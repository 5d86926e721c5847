package ddpg.bench;

import ddpg.engine.perf.DdpgShapedUpdate;
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
 * One full DDPG update (target forward, critic step, actor step through the critic, soft target updates) with the
 * engine's {@link DdpgShapedUpdate}: walker sizes (24 observations, 6 actions, 400-300 networks). Score:
 * microseconds per update; updates/s = 1e6 / score. The 20,000-update flatness check (subnormals) is
 * {@code DdpgShapedUpdate.main}, see bench/README.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class DdpgUpdateBench {
    @Param({"64", "256"})
    public int batch;

    DdpgShapedUpdate update;

    @Setup
    public void setup() {
        update = new DdpgShapedUpdate(24, 6, 400, 300, batch, 1);
    }

    @Benchmark
    public float ddpgUpdate() {
        update.update();
        return update.lastCriticLoss();
    }
}
