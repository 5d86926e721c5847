package ddpg.rl.bench;

import ddpg.physics.env.Tasks;
import ddpg.physics.mjcf.Models;

/**
 * {@code bench physics}: physics steps per second per model (single thread, mjref's speed protocol: random controls
 * held for 5 steps, from qpos0 perturbed by 0.02, so contacts and limits are included), and control steps per
 * second per task (substeps, observation and reward included). Compare the first table with
 * {@code mjref speed} (real MuJoCo 2.2.2) run on the same machine at the same time. Every model and task first runs
 * untimed for 1 CPU-second (0.3 with --quick), so that the timed steps run the JIT's compiled code, not the
 * interpreter's (MuJoCo's C needs no such warm-up).
 */
public final class PhysicsSuite implements BenchSuite {
    @Override public String name() { return "physics"; }

    @Override public String summary() { return "physics steps/s per model and environment steps/s per task, one thread"; }

    @Override
    public void run(BenchContext ctx) {
        if (ctx.quick()) runWith(ctx, 4_000, 3, 2_000, 1_000, 0.3);
        else runWith(ctx, 20_000, 5, 2_000, 5_000, 1.0);
    }

    /** The measurement with explicit sizes and no JIT warm-up, so a test can run it in milliseconds. */
    void runWith(BenchContext ctx, int steps, int repeats, int warmup, int controlSteps) {
        runWith(ctx, steps, repeats, warmup, controlSteps, 0);
    }

    /**
     * The measurement with explicit sizes; {@code jitSeconds} of untimed steps (CPU time) come first for every model
     * and task, so that the timed steps run the JIT's final code.
     */
    void runWith(BenchContext ctx, int steps, int repeats, int warmup, int controlSteps, double jitSeconds) {
        ctx.out().println("# physics <model> <steps/s, median wall> <steps/s, median of this thread's CPU time>"
                + " <mean constraint rows>   (" + steps + " steps x " + repeats + " repeats, " + warmup + " warm-up"
                + (jitSeconds > 0 ? ", after " + jitSeconds + " CPU-s of JIT warm-up" : "") + ")");
        for (String model : Models.NAMES) {
            SimulatorSpeed.Result r = SimulatorSpeed.measure(model, Models.builtin(model), steps, repeats, warmup, 5, 1,
                    jitSeconds);
            ctx.result("physics", model, "median", r.medianStepsPerSecond(), "steps/s");
            ctx.result("physics", model, "cpu_median", r.medianCpuStepsPerSecond(), "steps/s");
            ctx.out().printf("physics %-9s %10.0f %10.0f   nefc %.1f%n", model, r.medianStepsPerSecond(),
                    r.medianCpuStepsPerSecond(), r.meanNefc());
        }
        ctx.out().println("# env <task> <control steps/s, wall> <control steps/s, CPU>   (" + controlSteps
                + " steps after " + controlSteps / 2 + " warm-up" + (jitSeconds > 0 ? " and " + jitSeconds
                + " CPU-s of JIT warm-up" : "") + "; random actions held for 5 steps)");
        for (String task : Tasks.names()) {
            EnvironmentSpeed.Measurement m = EnvironmentSpeed.measure(task, controlSteps, jitSeconds);
            ctx.result("env", task, "wall", m.stepsPerSecond(), "steps/s");
            ctx.result("env", task, "cpu", m.stepsPerCpuSecond(), "steps/s");
            ctx.out().printf("env %-17s %10.0f %10.0f%n", task, m.stepsPerSecond(), m.stepsPerCpuSecond());
        }
    }
}
