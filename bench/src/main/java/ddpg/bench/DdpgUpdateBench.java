package ddpg.bench;

import ddpg.rl.bench.DdpgBench;
import ddpg.rl.ddpg.DdpgConfig;
import ddpg.rl.ddpg.Presets;
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
 * One full {@code DdpgAgent.update} (replay sampling, target forward, critic step, actor step through the critic,
 * soft target updates) on random replay data: walker sizes (24 observations, 6 actions, 400-300 networks), default
 * preset otherwise. Score: microseconds per update; updates/s = 1e6 / score. {@code ddpg.jar bench ddpg} times the
 * same update with FLOPs and the share of the FMA peak, and checks that long runs stay flat (subnormals).
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

    DdpgBench.Bench bench;

    @Setup
    public void setup() {
        DdpgConfig c = Presets.defaults();
        c.hidden = new int[] {400, 300};
        c.batch = batch;
        bench = DdpgBench.Bench.of(24, 6, c);
    }

    @Benchmark
    public float ddpgUpdate() {
        bench.update();
        return bench.agent().lastCriticLoss();
    }
}
