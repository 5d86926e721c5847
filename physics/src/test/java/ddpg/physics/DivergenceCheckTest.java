package ddpg.physics;

import ddpg.physics.collision.OracleRecords;
import ddpg.physics.model.Model;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DivergenceCheckTest {
    final Model m = OracleRecords.load("humanoid").m;
    final DivergenceCheck check = new DivergenceCheck(m);

    @Test
    void physicalStatesPass() {
        OracleRecords o = OracleRecords.load("humanoid");
        for (double[] r : o.rows) assertDoesNotThrow(() -> check.check(0, o.qpos(r), o.qvel(r), o.qacc(r)));
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
    void contextIsPrefixedAndTheDetailsKept() {
        double[] qvel = new double[m.nv];
        qvel[m.jntDofadr[m.jointId("left_knee")]] = Double.POSITIVE_INFINITY;
        SimulationDivergedException e = assertThrows(SimulationDivergedException.class,
                () -> check.check(0.5, m.qpos0.clone(), qvel, null));
        SimulationDivergedException at = e.at("file.csv:7");
        assertEquals("file.csv:7: " + e.getMessage(), at.getMessage());
        assertEquals("left_knee", at.joint());
        assertEquals(0.5, at.time());
    }
}
