package ddpg.physics.integrate;

import ddpg.physics.Simulator;
import ddpg.physics.model.Model;
import ddpg.physics.validate.PipelineFixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A whole Simulator.step() (smooth stages, constraints, integrator, sensors) allocates nothing in the steady state.
 * Contact and constraint-row buffers grow (doubling) the first time a state has more contacts or rows than ever
 * before, so allocation is checked per window of 250 steps, on every window whose contact and row counts stayed
 * within the maxima already seen. Such a window must allocate less than one object per step: under 1 KB per 250
 * steps (a single 16-byte object per step would be 4 KB; the JVM itself sporadically charges a few hundred bytes
 * to the thread, e.g. while swapping in newly compiled code, so up to two windows may exceed it).
 */
class StepAllocationTest {
    @ParameterizedTest
    @ValueSource(strings = {"cartpole", "reacher", "cheetah", "walker", "humanoid"})
    void stepDoesNotAllocate(String name) {
        boolean counting = ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean b
                && b.isThreadAllocatedMemorySupported() && b.isThreadAllocatedMemoryEnabled();
        Assumptions.assumeTrue(counting, "this JVM cannot count a thread's allocations; nothing was measured");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Model m = PipelineFixtures.model(name);
        Simulator sim = new Simulator(m);
        java.util.Random rnd = new java.util.Random(3);
        int[] max = new int[2];
        run(sim, m, rnd, 1000, max); // first use of every code path
        long tid = Thread.currentThread().getId();
        java.util.List<Long> steady = new java.util.ArrayList<>();
        for (int w = 0; w < 12; w++) {
            int ncon = max[0], nefc = max[1];
            long b0 = mx.getThreadAllocatedBytes(tid);
            run(sim, m, rnd, 250, max);
            long bytes = mx.getThreadAllocatedBytes(tid) - b0;
            if (max[0] <= ncon && max[1] <= nefc) steady.add(bytes);
        }
        assertTrue(steady.size() >= 6, name + ": only " + steady.size() + " steady windows");
        // An allocation in step() would show in every window (>= 4 KB each); a JIT event now and then charges one
        // window, more often on a busy machine where compilation finishes later. So two such windows are tolerated.
        long over = steady.stream().filter(b -> b >= 1024).count();
        assertTrue(over <= 2, name + ": " + over + " of " + steady.size() + " steady windows allocated >= 1 KB per 250 steps: " + steady);
    }

    private static void run(Simulator sim, Model m, java.util.Random rnd, int n, int[] max) {
        for (int t = 0; t < n; t++) {
            if (t % 5 == 0) for (int j = 0; j < m.nu; j++) sim.data.ctrl[j] = 2 * rnd.nextDouble() - 1;
            sim.step();
            max[0] = Math.max(max[0], sim.data.ncon);
            max[1] = Math.max(max[1], sim.constraintRowsInLastStep());
        }
    }
}
