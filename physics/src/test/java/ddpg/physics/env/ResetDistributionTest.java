package ddpg.physics.env;

import static org.junit.jupiter.api.Assertions.*;

import ddpg.physics.model.Model;
import org.junit.jupiter.api.Test;

/** The initial-state distributions over many seeds: ranges and invariants the spec states. */
class ResetDistributionTest {
    @Test
    void cartpoleBalanceStartsNearUprightAndSwingupHangingDown() {
        ControlSuiteEnv balance = Tasks.make("cartpole-balance"), swingup = Tasks.make("cartpole-swingup");
        double maxTheta = 0;
        for (long seed = 0; seed < 200; seed++) {
            double[] o = balance.reset(seed);
            double[] q = balance.physics().qpos();
            assertTrue(Math.abs(q[0]) <= 0.1 && Math.abs(q[1]) <= 0.034, "seed " + seed);
            assertEquals(Math.cos(q[1]), o[1], 1e-15, "obs[1] = cos(theta)");
            assertEquals(Math.sin(q[1]), o[2], 1e-15, "obs[2] = sin(theta)");
            assertTrue(o[1] > 0.999, "pole up");
            maxTheta = Math.max(maxTheta, Math.abs(q[1]));
            o = swingup.reset(seed);
            q = swingup.physics().qpos();
            assertTrue(Math.abs(q[1] - Math.PI) < 0.06 && Math.abs(q[0]) < 0.06, "seed " + seed);
            assertTrue(o[1] < -0.998, "pole down");
            for (double v : swingup.physics().qvel()) assertTrue(Math.abs(v) < 0.06);
        }
        assertTrue(maxTheta > 0.03, "balance angles fill their range, got max " + maxTheta);
    }

    @Test
    void reacherTargetSizesAndPlacement() {
        for (String name : new String[] {"reacher-easy", "reacher-hard"}) {
            ControlSuiteEnv env = Tasks.make(name);
            Model m = env.model();
            int target = m.geomId("target"), finger = m.geomId("finger");
            double z = m.geomPos[3 * target + 2];
            for (long seed = 0; seed < 100; seed++) {
                double[] o = env.reset(seed);
                assertEquals(name.endsWith("easy") ? 0.05 : 0.015, m.geomSize[3 * target], 0.0);
                assertEquals(0.01, m.geomSize[3 * finger], 0.0);
                double[] t = env.target();
                double r = Math.hypot(t[0], t[1]);
                assertTrue(r >= 0.05 - 1e-15 && r <= 0.20 + 1e-15, "radius " + r);
                assertEquals(z, m.geomPos[3 * target + 2], 0.0, "target stays at its height");
                double[] g = env.physics().geomXpos();
                assertEquals(t[0] - g[3 * finger], o[2], 1e-15, "to_target x");
                double wrist = env.physics().qpos()[1];
                assertTrue(Math.abs(wrist) <= Math.toRadians(160) + 1e-12);
                assertArrayEquals(new double[2], env.physics().qvel(), 0.0);
            }
        }
    }

    @Test
    void humanoidStartsWithNoContactsAndAPositiveQuaternion() {
        ControlSuiteEnv env = Tasks.make("humanoid-run");
        for (long seed = 0; seed < 12; seed++) {
            env.reset(seed);
            assertEquals(0, env.physics().ncon(), "seed " + seed);
            double[] q = env.physics().qpos();
            assertArrayEquals(new double[] {0, 0, 1.5}, java.util.Arrays.copyOf(q, 3), 0.0);
            double n = 0;
            for (int i = 3; i < 7; i++) {
                assertTrue(q[i] >= 0);
                n += q[i] * q[i];
            }
            assertEquals(1, n, 1e-15);
            for (double v : env.physics().qvel()) assertEquals(0, v);
        }
    }

    @Test
    void walkerStartsAtHeightWithRandomPitchAndLegs() {
        ControlSuiteEnv env = Tasks.make("walker-stand");
        Model m = env.model();
        int torso = m.bodyId("torso");
        boolean upsideDown = false;
        for (long seed = 0; seed < 60; seed++) {
            double[] o = env.reset(seed);
            double[] q = env.physics().qpos();
            assertEquals(0, q[0]);
            assertEquals(0, q[1]);
            assertEquals(1.3, env.physics().xpos()[3 * torso + 2], 1e-15);
            assertEquals(1.3, o[14], 1e-15, "height observation");
            for (int j = 3; j < m.njnt; j++) {
                assertTrue(q[j] >= m.jntRange[2 * j] && q[j] <= m.jntRange[2 * j + 1], m.jntName[j]);
            }
            upsideDown |= Math.abs(q[2]) > Math.PI / 2;
        }
        assertTrue(upsideDown, "rooty covers [-pi, pi)");
    }

    @Test
    void cheetahSettlesOnTheGroundFromRandomLegs() {
        ControlSuiteEnv env = Tasks.make("cheetah-run");
        for (long seed = 0; seed < 5; seed++) {
            env.reset(seed);
            assertTrue(env.physics().ncon() > 0, "after 200 settling steps the cheetah touches the ground");
            double[] q = env.physics().qpos();
            assertTrue(Math.abs(q[1]) < 0.3, "torso near its rest height, rootz " + q[1]);
        }
    }
}
