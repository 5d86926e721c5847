package ddpg.physics.constraint;

import ddpg.physics.collision.GeomPoses;
import ddpg.physics.collision.OracleRecords;
import ddpg.physics.model.Model;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The constraint stage allocates nothing per step once its buffers have reached their working size. */
class NoAllocationTest {
    @Test
    void solvesDoNotAllocate() {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx)
                || !mx.isThreadAllocatedMemorySupported()) {
            return;   // allocation counting not available on this JVM
        }
        OracleRecords o = OracleRecords.load("humanoid");
        Model m = o.m;
        ConstraintSolver cs = new ConstraintSolver(m);
        int n = o.rows.size();
        double[][] q = new double[n][], v = new double[n][], xp = new double[n][], xm = new double[n][],
                gx = new double[n][], gm = new double[n][], mass = new double[n][], a0 = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] r = o.rows.get(i);
            q[i] = o.qpos(r); v[i] = o.qvel(r); xp[i] = o.xpos(r); mass[i] = o.massMatrix(r); a0[i] = o.qaccSmooth(r);
            xm[i] = new double[9 * m.nbody];
            double[] xq = o.xquat(r);
            for (int b = 0; b < m.nbody; b++) GeomPoses.quatToMat(xq, 4 * b, xm[i], 9 * b);
            gx[i] = new double[3 * m.ngeom];
            gm[i] = new double[9 * m.ngeom];
            o.geomPoses(r, gx[i], gm[i]);
        }
        double[] qacc = new double[m.nv], qfrc = new double[m.nv], f = new double[3];
        for (int i = 0; i < n; i++) cs.solve(q[i], v[i], xp[i], xm[i], gx[i], gm[i], mass[i], a0[i], null, qacc, qfrc);
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int k = 0; k < 50 * n; k++) {
            int i = k % n;
            cs.solve(q[i], v[i], xp[i], xm[i], gx[i], gm[i], mass[i], a0[i], null, qacc, qfrc);
            for (int c = 0; c < cs.contacts().count; c++) cs.contactForce(c, f, 0);
        }
        long bytes = mx.getCurrentThreadAllocatedBytes() - before;
        assertTrue(bytes < 4096, bytes + " bytes allocated in " + 50 * n + " solves");
    }
}
