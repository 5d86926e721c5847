package ddpg.physics.smooth;

import ddpg.physics.math.Rot;
import ddpg.physics.model.Data;
import ddpg.physics.model.Model;

/**
 * Passive joint forces (MuJoCo's mj_passive for these models): springs {@code -stiffness (q - qpos_spring)} (free
 * and ball rotations use the rotation vector between the current and the spring quaternion) and viscous damping
 * {@code -damping qdot}. Fluid forces (density/viscosity) are rejected by {@link #check}. Disabled by the
 * "passive" disable flag.
 */
public final class Passive {
    private final Model m;
    private final double[] tmp = new double[4], r = new double[3];

    public Passive(Model m) {
        this.m = m;
        check(m);
    }

    /** Rejects passive features that this implementation does not compute. */
    public static void check(Model m) {
        if (m.optDensity != 0 || m.optViscosity != 0) {
            throw new IllegalArgumentException(m.source + ": fluid forces (option density/viscosity) are not "
                    + "supported; set them to 0");
        }
    }

    public void compute(Data d) {
        java.util.Arrays.fill(d.qfrcPassive, 0);
        if ((m.optDisableflags & Model.DSBL_PASSIVE) != 0) return;
        for (int j = 0; j < m.njnt; j++) {
            double k = m.jntStiffness[j];
            if (k == 0) continue;
            int qa = m.jntQposadr[j], dof = m.jntDofadr[j];
            switch (m.jntType[j]) {
                case Model.JNT_FREE -> {
                    for (int a = 0; a < 3; a++) d.qfrcPassive[dof + a] -= k * (d.qpos[qa + a] - m.qposSpring[qa + a]);
                    Rot.quatDifference(d.qpos, qa + 3, m.qposSpring, qa + 3, tmp, r, 0);
                    for (int a = 0; a < 3; a++) d.qfrcPassive[dof + 3 + a] -= k * r[a];
                }
                case Model.JNT_BALL -> {
                    Rot.quatDifference(d.qpos, qa, m.qposSpring, qa, tmp, r, 0);
                    for (int a = 0; a < 3; a++) d.qfrcPassive[dof + a] -= k * r[a];
                }
                default -> d.qfrcPassive[dof] -= k * (d.qpos[qa] - m.qposSpring[qa]);
            }
        }
        for (int i = 0; i < m.nv; i++) d.qfrcPassive[i] -= m.dofDamping[i] * d.qvel[i];
    }
}
