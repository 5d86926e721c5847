package ddpg.bench;

import ddpg.engine.Rng;
import ddpg.physics.env.ControlSuiteEnv;
import ddpg.physics.env.StepResult;
import ddpg.physics.env.Tasks;

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
 * One environment step per task (all physics substeps, then observation and reward), uniform random actions
 * changed every 5 steps; an episode that ends is reset inside the loop. One task per model is enough for the
 * physics cost (tasks of a domain share the model); the others differ only in reward. Score: microseconds per
 * control step. {@code ddpg.jar bench physics} times the same loop without JMH.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1)
public class PhysicsBench {
    @Param({"cartpole-swingup", "reacher-easy", "cheetah-run", "walker-run", "humanoid-run"})
    public String task;

    ControlSuiteEnv env;
    double[] action;
    Rng rnd = new Rng(1);
    long seed = 1;
    int t;

    @Setup
    public void setup() {
        env = Tasks.make(task);
        action = new double[env.spec().actionSize()];
        env.reset(seed);
    }

    @Benchmark
    public double envStep() {
        if (t++ % 5 == 0) for (int j = 0; j < action.length; j++) action[j] = 2 * rnd.nextDouble() - 1;
        StepResult r = env.step(action);
        if (r.last() || r.diverged()) env.reset(++seed);
        return r.reward();
    }
}
