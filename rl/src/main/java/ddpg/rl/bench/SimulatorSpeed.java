package ddpg.rl.bench;

import ddpg.physics.Simulator;
import ddpg.physics.integrate.Positions;
import ddpg.physics.model.Model;
import java.util.Arrays;

/**
 * Physics steps per second of one model with the protocol of {@code mjref speed} (same random stream, warm-up,
 * controls held for 5 steps), so the numbers sit side by side with real MuJoCo's: for each repeat, reset and perturb
 * the state (splitmix64 stream kind 3), run W untimed steps, then time N steps; report the median over the repeats.
 * Single thread. Also reports the bytes allocated per step (should be 0). Used by {@code bench physics}.
 *
 * <p>Before the timed repeats, untimed repeats run until this thread has spent {@code jitWarmupSeconds} of CPU time:
 * the JIT compiles the pipeline only after thousands of steps (longer on a busy machine), and without this the first
 * repeats would time partly interpreted code (on the 2-dof models the median of 5 repeats came out 25-35% low).
 * MuJoCo's compiled C needs no such warm-up; mjref's W steps only settle the state.
 */
final class SimulatorSpeed {
    private SimulatorSpeed() {}

    /** Wall-clock rates (as mjref) and the rate by this thread's CPU time (robust on a loaded machine). */
    public record Result(String model, double medianStepsPerSecond, double min, double max,
                         double medianCpuStepsPerSecond, double bytesPerStep, double meanNefc) {}

    public static Result measure(String name, Model m, int steps, int repeats, int warmup, int hold, long seed) {
        return measure(name, m, steps, repeats, warmup, hold, seed, 0);
    }

    /** As above, after untimed repeats worth {@code jitWarmupSeconds} of this thread's CPU time (JIT warm-up). */
    public static Result measure(String name, Model m, int steps, int repeats, int warmup, int hold, long seed,
                                 double jitWarmupSeconds) {
        Simulator sim = new Simulator(m);
        Positions positions = new Positions(m);
        double[] rates = new double[repeats], cpuRates = new double[repeats];
        double bytes = 0, nefc = 0;
        long jitEnd = warmupClock() + (long) (jitWarmupSeconds * 1e9);
        double[] dq = new double[m.nv];
        while (jitWarmupSeconds > 0 && warmupClock() < jitEnd) {
            long[] s = {(seed << 8) | 3};
            resetPerturbed(sim, positions, m, s, dq);
            for (int t = 0; t < warmup + steps; t++) step(sim, m, s, t, hold);
        }
        for (int rep = 0; rep < repeats; rep++) {
            long[] s = {(seed << 8) | 3};
            resetPerturbed(sim, positions, m, s, dq);
            int t = 0;
            for (; t < warmup; t++) step(sim, m, s, t, hold);
            long a0 = allocatedBytes();
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            long rows = 0;
            for (int k = 0; k < steps; k++, t++) {
                step(sim, m, s, t, hold);
                rows += sim.data.nefc;
            }
            long t1 = System.nanoTime();
            cpuRates[rep] = steps / ((cpuNanos() - c0) * 1e-9);
            bytes = Math.max(bytes, (allocatedBytes() - a0) / (double) steps);
            rates[rep] = steps / ((t1 - t0) * 1e-9);
            nefc = rows / (double) steps;
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        Arrays.sort(cpuRates);
        return new Result(name, sorted[repeats / 2], sorted[0], sorted[repeats - 1], cpuRates[repeats / 2], bytes,
                nefc);
    }

    /** mjref's reset: qpos0 moved by up to 0.02 per dof, qvel up to 0.02, from stream s. */
    private static void resetPerturbed(Simulator sim, Positions positions, Model m, long[] s, double[] dq) {
        sim.reset();
        for (int i = 0; i < m.nv; i++) dq[i] = 0.02 * (2 * uniform(s) - 1);
        positions.integrate(sim.data.qpos, dq, 0, 1.0);
        for (int i = 0; i < m.nv; i++) sim.data.qvel[i] = 0.02 * (2 * uniform(s) - 1);
    }

    private static void step(Simulator sim, Model m, long[] s, int t, int hold) {
        if (t % hold == 0) {
            for (int j = 0; j < m.nu; j++) {
                double lo = -1, hi = 1;
                if (m.actuatorCtrllimited[j]) {
                    lo = m.actuatorCtrlrange[2 * j];
                    hi = m.actuatorCtrlrange[2 * j + 1];
                }
                sim.data.ctrl[j] = lo + (hi - lo) * uniform(s);
            }
        }
        sim.step();
    }

    /** splitmix64, as in mjref. */
    private static double uniform(long[] s) {
        s[0] += 0x9E3779B97F4A7C15L;
        long z = s[0];
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }

    /** This thread's CPU time, or the wall clock where the JVM cannot measure it. */
    private static long warmupClock() {
        long c = cpuNanos();
        return c >= 0 ? c : System.nanoTime();
    }

    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long allocatedBytes() {
        java.lang.management.ThreadMXBean b = java.lang.management.ManagementFactory.getThreadMXBean();
        if (b instanceof com.sun.management.ThreadMXBean sb) return sb.getThreadAllocatedBytes(Thread.currentThread().getId());
        return 0;
    }
}
