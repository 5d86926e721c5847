package ddpg.physics.tasks;

import ddpg.physics.model.Model;

/**
 * dm_control's "random joint configuration" (randomizers.randomize_limited_and_rotational_joints), used by the
 * reacher, walker and humanoid. Joints in model order; each limited hinge or slide gets a uniform value in its range,
 * an unlimited hinge a uniform angle in [-pi, pi), an unlimited slide keeps its value, and a free joint keeps its
 * position and gets the quaternion of four uniform [0, 1) draws divided by their norm (deliberately not uniform over
 * rotations: dm_control keeps it for comparability). Velocities are not touched.
 */
final class JointRandomizer {
    private JointRandomizer() {}

    static void randomize(Model m, double[] qpos, SplitMix64 rng) {
        for (int j = 0; j < m.njnt; j++) {
            int type = m.jntType[j];
            int adr = m.jntQposadr[j];
            if (type == Model.JNT_HINGE || type == Model.JNT_SLIDE) {
                if (m.jntLimited[j]) qpos[adr] = rng.uniform(m.jntRange[2 * j], m.jntRange[2 * j + 1]);
                else if (type == Model.JNT_HINGE) qpos[adr] = rng.uniform(-Math.PI, Math.PI);
            } else if (type == Model.JNT_FREE) {
                double w = rng.uniform(), x = rng.uniform(), y = rng.uniform(), z = rng.uniform();
                double norm = Math.sqrt(w * w + x * x + y * y + z * z);
                qpos[adr + 3] = w / norm;
                qpos[adr + 4] = x / norm;
                qpos[adr + 5] = y / norm;
                qpos[adr + 6] = z / norm;
            } else {
                throw new IllegalStateException("joint randomiser: ball joint '" + m.jntName[j]
                        + "' is not supported (none of the Control Suite models used here has one)");
            }
        }
    }
}
