package ddpg.physics.integrate;

import ddpg.physics.model.Model;
import ddpg.physics.validate.PipelineFixtures;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Position integration on the manifold, against closed forms. */
class PositionsTest {
    @Test
    void freeJointQuaternionTurnsByBodyFrameAngularVelocity() {
        Model m = PipelineFixtures.model("humanoid");
        Positions p = new Positions(m);
        double[] qpos = m.qpos0.clone();
        // start rotated 90 degrees about world z: q0 = (cos 45, 0, 0, sin 45)
        double c = Math.cos(Math.PI / 4), s = Math.sin(Math.PI / 4);
        qpos[3] = c; qpos[4] = 0; qpos[5] = 0; qpos[6] = s;
        double[] vel = new double[m.nv];
        vel[0] = 1; vel[1] = -2; vel[2] = 0.5;   // world-frame linear velocity
        vel[3] = 0.3;                             // body-frame angular velocity about the body x axis
        double h = 0.7;
        p.integrate(qpos, vel, 0, h);
        assertEquals(m.qpos0[0] + h, qpos[0], 1e-15);
        assertEquals(m.qpos0[1] - 2 * h, qpos[1], 1e-15);
        assertEquals(m.qpos0[2] + 0.5 * h, qpos[2], 1e-15);
        // q0 * (cos(a/2), sin(a/2), 0, 0), a = 0.3 h
        double ca = Math.cos(0.15 * h), sa = Math.sin(0.15 * h);
        assertEquals(c * ca, qpos[3], 1e-15);
        assertEquals(c * sa, qpos[4], 1e-15);
        assertEquals(s * sa, qpos[5], 1e-15);
        assertEquals(s * ca, qpos[6], 1e-15);
        // hinges just add
        assertEquals(m.qpos0[7], qpos[7], 0);
    }

    @Test
    void hingeAndSlideCoordinatesAdd() {
        Model m = PipelineFixtures.model("cheetah");
        Positions p = new Positions(m);
        double[] qpos = new double[m.nq], vel = new double[m.nv];
        for (int i = 0; i < m.nv; i++) vel[i] = i - 4;
        p.integrate(qpos, vel, 0, 0.01);
        for (int i = 0; i < m.nq; i++) assertEquals((i - 4) * 0.01, qpos[i], 1e-16);
    }
}
