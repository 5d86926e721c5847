package ddpg.physics.constraint;

import ddpg.physics.collision.OracleRecords;
import ddpg.physics.model.Model;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DivergenceCheckTest {
    final Model m = OracleRecords.load("humanoid").m;
    final DivergenceCheck check = new DivergenceCheck(m);

    @Test
    void physicalStatesPass() {
        OracleRecords o = OracleRecords.load("humanoid");
        for (double[] r : o.rows) {
            assertDoesNotThrow(() -> check.check(0, o.qpos(r), o.qvel(r), o.qacc(r)));
            assertTrue(check.ok(o.qpos(r), o.qvel(r), o.qacc(r)));
        }
    }

    @Test
    void nanVelocityNamesModelTimeAndJoint() {
        double[] qpos = m.qpos0.clone(), qvel = new double[m.nv];
        qvel[m.jntDofadr[m.jointId("left_knee")]] = Double.NaN;
        SimulationDivergedException e = assertThrows(SimulationDivergedException.class,
                () -> check.check(1.25, qpos, qvel, null));
        assertEquals("left_knee", e.joint());
        assertEquals("qvel", e.quantity());
        assertEquals(1.25, e.time());
        assertTrue(e.getMessage().contains("1.25") && e.getMessage().contains("left_knee")
                && e.getMessage().contains(e.model()), e.getMessage());
        assertFalse(check.ok(qpos, qvel, null));
    }

    @Test
    void absurdSpeedAndInfinitePositionAreCaught() {
        double[] qpos = m.qpos0.clone(), qvel = new double[m.nv];
        qvel[0] = 2e4;   // free joint translation
        SimulationDivergedException e = assertThrows(SimulationDivergedException.class,
                () -> check.check(0, qpos, qvel, null));
        assertEquals("root", e.joint());
        qvel[0] = 0;
        qpos[5] = Double.POSITIVE_INFINITY;   // a quaternion entry of the free joint
        e = assertThrows(SimulationDivergedException.class, () -> check.check(0, qpos, qvel, null));
        assertEquals("qpos", e.quantity());
        assertEquals("root", e.joint());
    }

    @Test
    void theConstraintStageRefusesADivergedState() {
        OracleRecords o = OracleRecords.load("walker");
        Model w = o.m;
        ConstraintSolver cs = new ConstraintSolver(w);
        double[] r = o.rows.get(0);
        double[] qvel = o.qvel(r);
        qvel[w.jntDofadr[w.jointId("right_knee")]] = Double.POSITIVE_INFINITY;
        double[] xmat = new double[9 * w.nbody], gx = new double[3 * w.ngeom], gm = new double[9 * w.ngeom];
        cs.setTime(0.5);
        SimulationDivergedException e = assertThrows(SimulationDivergedException.class, () -> cs.solve(o.qpos(r),
                qvel, o.xpos(r), xmat, gx, gm, o.massMatrix(r), o.qaccSmooth(r), null, new double[w.nv],
                new double[w.nv]));
        assertEquals("right_knee", e.joint());
        assertTrue(e.getMessage().contains("t=0.5"), e.getMessage());
    }
}
