package ddpg.physics.smooth;

import ddpg.physics.model.Data;
import ddpg.physics.model.Model;
import ddpg.physics.validate.PipelineFixtures;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Passive forces on cases the fixtures do not reach (hinge springs and damping are covered there by the cheetah and
 * humanoid): a free-joint spring, against closed forms, and the disable flag.
 */
class PassiveTest {
    @Test
    void freeJointSpringPullsBackAlongTheBodyFrameRotationVector() {
        Model m = PipelineFixtures.model("humanoid");
        m.jntStiffness = m.jntStiffness.clone();
        m.jntStiffness[0] = 3; // the root free joint
        Data d = new Data(m);
        // displaced by (0.1, -0.2, 0.3) and turned by 0.4 rad about the body's y axis, relative to qpos_spring
        for (int a = 0; a < 3; a++) d.qpos[a] = m.qposSpring[a] + new double[]{0.1, -0.2, 0.3}[a];
        double[] qs = {m.qposSpring[3], m.qposSpring[4], m.qposSpring[5], m.qposSpring[6]};
        double c = Math.cos(0.2), s = Math.sin(0.2);
        // q = qs * (c, 0, s, 0)
        d.qpos[3] = qs[0] * c - qs[2] * s;
        d.qpos[4] = qs[1] * c - qs[3] * s;
        d.qpos[5] = qs[0] * s + qs[2] * c;
        d.qpos[6] = qs[1] * s + qs[3] * c;
        new Passive(m).compute(d);
        assertEquals(-0.3, d.qfrcPassive[0], 1e-14);
        assertEquals(0.6, d.qfrcPassive[1], 1e-14);
        assertEquals(-0.9, d.qfrcPassive[2], 1e-14);
        assertEquals(0, d.qfrcPassive[3], 1e-14);
        assertEquals(-3 * 0.4, d.qfrcPassive[4], 1e-14);
        assertEquals(0, d.qfrcPassive[5], 1e-14);
    }

    @Test
    void dampingOpposesVelocityAndTheFlagTurnsEverythingOff() {
        Model m = PipelineFixtures.model("cheetah");
        Data d = new Data(m);
        for (int i = 0; i < m.nv; i++) d.qvel[i] = i + 1;
        Passive p = new Passive(m);
        p.compute(d);
        for (int i = 0; i < m.nv; i++) {
            int j = m.dofJntid[i];
            double spring = -m.jntStiffness[j] * (d.qpos[m.jntQposadr[j]] - m.qposSpring[m.jntQposadr[j]]);
            assertEquals(spring - m.dofDamping[i] * (i + 1), d.qfrcPassive[i], 1e-12);
        }
        m.optDisableflags |= Model.DSBL_PASSIVE;
        p.compute(d);
        for (int i = 0; i < m.nv; i++) assertEquals(0, d.qfrcPassive[i]);
    }

    @Test
    void fluidForcesAreRejected() {
        Model m = PipelineFixtures.model("reacher");
        m.optViscosity = 0.1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Passive(m));
        assertTrue(e.getMessage().contains("fluid forces") && e.getMessage().contains("not supported"),
                e.getMessage());
    }
}
