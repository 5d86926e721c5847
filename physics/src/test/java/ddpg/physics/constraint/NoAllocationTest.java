package ddpg.physics.constraint;

import ddpg.physics.collision.OracleRecords;
import ddpg.physics.model.Data;
import ddpg.physics.model.Model;
import ddpg.physics.smooth.Kinematics;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The constraint stage allocates nothing per step once its buffers have reached their working size. */
class NoAllocationTest {
    @Test
    void solvesDoNotAllocate() {
        boolean counting = ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx
                && mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled();
        Assumptions.assumeTrue(counting, "this JVM cannot count a thread's allocations; nothing was measured");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        OracleRecords o = OracleRecords.load("humanoid");
        Model m = o.m;
        ConstraintSolver cs = new ConstraintSolver(m);
        Kinematics kin = new Kinematics(m);
        int n = o.rows.size();
        Data[] states = new Data[n];
        for (int i = 0; i < n; i++) states[i] = SolverOracleTest.recordState(o, o.rows.get(i), kin);
        for (Data d : states) cs.apply(m, d);
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int k = 0; k < 50 * n; k++) cs.apply(m, states[k % n]);
        long bytes = mx.getCurrentThreadAllocatedBytes() - before;
        assertTrue(bytes < 4096, bytes + " bytes allocated in " + 50 * n + " solves");
    }
}
