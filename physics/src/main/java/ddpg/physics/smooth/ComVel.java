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

    public ComVel(Model m) { this.m = m; }

    public void compute(Data d) {
        final double[] cvel = d.cvel, cdof = d.cdof, cdofDot = d.cdofDot, qvel = d.qvel;
        final int[] parent = m.bodyParentid, bodyJntadr = m.bodyJntadr, bodyJntnum = m.bodyJntnum,
                jntDofadr = m.jntDofadr, jntType = m.jntType;
        for (int k = 0; k < 6; k++) cvel[k] = 0;
        for (int b = 1, nb = m.nbody; b < nb; b++) {
            int po = 6 * parent[b];
            double v0 = cvel[po], v1 = cvel[po + 1], v2 = cvel[po + 2], v3 = cvel[po + 3], v4 = cvel[po + 4],
                    v5 = cvel[po + 5];
            int j0 = bodyJntadr[b];
            for (int j = j0, j1 = j0 + bodyJntnum[b]; j < j1; j++) {
                int dof = jntDofadr[j];
                int first, n; // dofs whose axes move with v before (first..) and after the joint's motion
                switch (jntType[j]) {
                    case Model.JNT_FREE -> {
                        for (int a = 0; a < 3; a++) cross(v0, v1, v2, v3, v4, v5, cdof, cdofDot, 6 * (dof + a));
                        first = dof;
                        n = 6;
                    }
                    case Model.JNT_BALL -> {
                        first = dof;
                        n = 3;
                    }
                    default -> {
                        cross(v0, v1, v2, v3, v4, v5, cdof, cdofDot, 6 * dof);
                        first = dof;
                        n = 1;
                    }
                }
                // v += cdof qvel over the joint's dofs
                for (int i = first; i < first + n; i++) {
                    double q = qvel[i];
                    int o = 6 * i;
                    v0 += cdof[o] * q;
                    v1 += cdof[o + 1] * q;
                    v2 += cdof[o + 2] * q;
                    v3 += cdof[o + 3] * q;
                    v4 += cdof[o + 4] * q;
                    v5 += cdof[o + 5] * q;
                }
                int type = jntType[j];
                if (type == Model.JNT_FREE) {
                    for (int a = 3; a < 6; a++) cross(v0, v1, v2, v3, v4, v5, cdof, cdofDot, 6 * (dof + a));
                } else if (type == Model.JNT_BALL) {
                    for (int a = 0; a < 3; a++) cross(v0, v1, v2, v3, v4, v5, cdof, cdofDot, 6 * (dof + a));
                }
            }
            int bo = 6 * b;
            cvel[bo] = v0;
            cvel[bo + 1] = v1;
            cvel[bo + 2] = v2;
            cvel[bo + 3] = v3;
            cvel[bo + 4] = v4;
            cvel[bo + 5] = v5;
        }
    }

    /** out[o..o+6) = v x u[o..o+6), v in locals. */
    private static void cross(double wx, double wy, double wz, double lx, double ly, double lz, double[] u,
                              double[] out, int o) {
        Spatial.crossMotion(wx, wy, wz, lx, ly, lz, u, o, out, o);
    }
}
