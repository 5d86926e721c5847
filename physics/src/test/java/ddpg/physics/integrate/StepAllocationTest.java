package ddpg.physics.integrate;

import ddpg.physics.Simulator;
import ddpg.physics.model.Model;
import ddpg.physics.validate.PipelineFixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A whole Simulator.step() (smooth stages, constraints, integrator, sensors) allocates nothing once warmed up. */
class StepAllocationTest {
    @ParameterizedTest
    @ValueSource(strings = {"cartpole", "reacher", "cheetah", "walker", "humanoid"})
    void stepDoesNotAllocate(String name) {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "allocation counting not available on this JVM");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Model m = PipelineFixtures.model(name);
        Simulator sim = new Simulator(m);
        java.util.Random rnd = new java.util.Random(3);
        run(sim, m, rnd, 2000); // buffers reach their working size
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        run(sim, m, rnd, 2000);
        long bytes = mx.getThreadAllocatedBytes(tid) - before;
        assertTrue(bytes < 8192, name + ": " + bytes + " bytes allocated in 2000 steps");
    }

    private static void run(Simulator sim, Model m, java.util.Random rnd, int n) {
        for (int t = 0; t < n; t++) {
            if (t % 5 == 0) for (int j = 0; j < m.nu; j++) sim.data.ctrl[j] = 2 * rnd.nextDouble() - 1;
            sim.step();
        }
    }
}
