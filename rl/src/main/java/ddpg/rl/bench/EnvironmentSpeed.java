package ddpg.rl.bench;

import ddpg.physics.env.ControlSuiteEnv;
import ddpg.physics.env.StepResult;
import ddpg.physics.env.Tasks;
import ddpg.physics.tasks.SplitMix64;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Environment steps per second of one task, single thread: control steps (all physics substeps, then observation
 * and reward) under uniform random actions held 5 steps, as {@code mjref task} drives its episodes. An episode
 * that ends is reset inside the timed loop (one reset per 1000 steps). Used by {@code bench physics}.
 */
final class EnvironmentSpeed {
    private EnvironmentSpeed() {}

    /** One timed run: control steps, wall-clock seconds and this thread's CPU seconds. */
    public record Measurement(String task, int steps, double wallSeconds, double cpuSeconds) {
        /** Control steps per wall-clock second. */
        public double stepsPerSecond() {
            return steps / wallSeconds;
        }

        /** Control steps per CPU second of the benchmark thread (less sensitive to other processes). */
        public double stepsPerCpuSecond() {
            return steps / cpuSeconds;
        }
    }

    /** Warms up for {@code steps / 2} control steps, then times {@code steps} of them. */
    public static Measurement measure(String task, int steps) {
        return measure(task, steps, 0);
    }

    /**
     * Warms up for {@code steps / 2} control steps and at least {@code jitWarmupSeconds} of this thread's CPU time
     * (the JIT compiles the pipeline only after thousands of steps), then times {@code steps} control steps.
     */
    public static Measurement measure(String task, int steps, double jitWarmupSeconds) {
        if (steps < 1) throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        ControlSuiteEnv env = Tasks.make(task);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean cpu = mx.isCurrentThreadCpuTimeSupported() && mx.getCurrentThreadCpuTime() >= 0;
        long jitEnd = cpu ? mx.getCurrentThreadCpuTime() + (long) (jitWarmupSeconds * 1e9) : 0;
        run(env, Math.max(1, steps / 2), 1);
        while (cpu && jitWarmupSeconds > 0 && mx.getCurrentThreadCpuTime() < jitEnd) run(env, Math.max(1, steps / 2), 1);
        long c0 = cpu ? mx.getCurrentThreadCpuTime() : 0;
        long t0 = System.nanoTime();
        run(env, steps, 2);
        long t1 = System.nanoTime();
        long c1 = cpu ? mx.getCurrentThreadCpuTime() : 0;
        return new Measurement(task, steps, (t1 - t0) * 1e-9, cpu ? (c1 - c0) * 1e-9 : Double.NaN);
    }

    private static void run(ControlSuiteEnv env, int steps, long seed) {
        int nu = env.spec().actionSize();
        double[] action = new double[nu];
        SplitMix64 actions = SplitMix64.stream(seed, SplitMix64.KIND_TASK_ACTIONS);
        env.reset(seed);
        for (int t = 0; t < steps; t++) {
            if (t % 5 == 0) for (int j = 0; j < nu; j++) action[j] = actions.uniform(-1, 1);
            StepResult r = env.step(action);
            if (r.last() || r.diverged()) env.reset(++seed);
        }
    }
}
