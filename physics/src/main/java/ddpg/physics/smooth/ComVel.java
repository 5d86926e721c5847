package ddpg.physics.smooth;

import ddpg.physics.math.Spatial;
import ddpg.physics.model.Data;
import ddpg.physics.model.Model;

/**
 * Body velocities and dof-axis derivatives (MuJoCo's mj_comVel): {@code cvel[b] = cvel[parent] + sum cdof qvel}
 * over the body's dofs, and {@code cdofDot = v x cdof} with v the velocity of the frame the axis is fixed in:
 * for hinge/slide dofs the frame before the dof moves (the dof's own motion does not change its axis); free-joint
 * translations are fixed in the world (v = parent velocity); free/ball rotation axes turn with the body (v = the
 * velocity after all of the joint's rotational dofs).
 */
public final class ComVel {
    private final Model m;
    private final double[] v = new double[6];

    public ComVel(Model m) { this.m = m; }

    public void compute(Data d) {
        for (int k = 0; k < 6; k++) d.cvel[k] = 0;
        for (int b = 1; b < m.nbody; b++) {
            int p = m.bodyParentid[b];
            for (int k = 0; k < 6; k++) v[k] = d.cvel[6 * p + k];
            int j0 = m.bodyJntadr[b];
            for (int j = j0; j < j0 + m.bodyJntnum[b]; j++) {
                int dof = m.jntDofadr[j];
                switch (m.jntType[j]) {
                    case Model.JNT_FREE -> {
                        for (int a = 0; a < 3; a++) {
                            Spatial.crossMotion(v, 0, d.cdof, 6 * (dof + a), d.cdofDot, 6 * (dof + a));
                        }
                        addMotion(d, dof, 3);
                        addMotion(d, dof + 3, 3);
                        for (int a = 3; a < 6; a++) {
                            Spatial.crossMotion(v, 0, d.cdof, 6 * (dof + a), d.cdofDot, 6 * (dof + a));
                        }
                    }
                    case Model.JNT_BALL -> {
                        addMotion(d, dof, 3);
                        for (int a = 0; a < 3; a++) {
                            Spatial.crossMotion(v, 0, d.cdof, 6 * (dof + a), d.cdofDot, 6 * (dof + a));
                        }
                    }
                    default -> {
                        Spatial.crossMotion(v, 0, d.cdof, 6 * dof, d.cdofDot, 6 * dof);
                        addMotion(d, dof, 1);
                    }
                }
            }
            for (int k = 0; k < 6; k++) d.cvel[6 * b + k] = v[k];
        }
    }

    private void addMotion(Data d, int dof0, int n) {
        for (int i = dof0; i < dof0 + n; i++) {
            double q = d.qvel[i];
            for (int k = 0; k < 6; k++) v[k] += d.cdof[6 * i + k] * q;
        }
    }
}
