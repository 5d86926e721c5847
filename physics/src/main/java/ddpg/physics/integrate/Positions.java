package ddpg.physics.integrate;

import ddpg.physics.math.Rot;
import ddpg.physics.model.Model;

/**
 * qpos (+) h * qvel on the configuration manifold (MuJoCo's mj_integratePos): hinge and slide coordinates add,
 * free-joint positions add the world-frame linear velocity, and quaternions (free, ball) turn by the body-frame
 * angular velocity: {@code q := normalize(q * exp(h w / 2))}.
 */
public final class Positions {
    private final Model m;
    private final double[] tmp = new double[8];

    public Positions(Model m) { this.m = m; }

    /** qpos := qpos (+) h * vel, in place; vel has nv entries (read from velOff). */
    public void integrate(double[] qpos, double[] vel, int velOff, double h) {
        for (int j = 0; j < m.njnt; j++) {
            int qa = m.jntQposadr[j], dof = velOff + m.jntDofadr[j];
            switch (m.jntType[j]) {
                case Model.JNT_FREE -> {
                    for (int a = 0; a < 3; a++) qpos[qa + a] += h * vel[dof + a];
                    rotate(qpos, qa + 3, vel, dof + 3, h);
                }
                case Model.JNT_BALL -> rotate(qpos, qa, vel, dof, h);
                default -> qpos[qa] += h * vel[dof];
            }
        }
    }

    private void rotate(double[] qpos, int qa, double[] w, int wi, double h) {
        double wx = w[wi], wy = w[wi + 1], wz = w[wi + 2];
        double norm = Math.sqrt(wx * wx + wy * wy + wz * wz);
        if (norm < 1e-15) {
            Rot.normalizeQuat(qpos, qa);
            return;
        }
        Rot.quatRotateLocal(qpos, qa, wx / norm, wy / norm, wz / norm, h * norm, tmp);
    }
}
