package ddpg.physics.smooth;

import ddpg.physics.model.Data;
import ddpg.physics.model.Model;

/**
 * Centre-of-mass quantities (MuJoCo's mj_comPos): subtree centres of mass, each body's spatial inertia in the
 * com-based frame (cinert) and each dof's motion subspace (cdof).
 *
 * <p>The com-based frame of a kinematic tree has world axes and its origin at the subtree com of the tree's root
 * body (the child of the world). Expressing everything about that one point keeps the numbers small and makes the
 * composite inertia of a subtree a plain sum.
 */
public final class ComPos {
    private final Model m;

    public ComPos(Model m) { this.m = m; }

    public void compute(Data d) {
        int nb = m.nbody;
        double[] com = d.subtreeCom;
        // mass-weighted inertial positions, accumulated from the leaves to the root
        for (int b = 0; b < nb; b++) {
            double mass = m.bodyMass[b];
            com[3 * b] = mass * d.xipos[3 * b];
            com[3 * b + 1] = mass * d.xipos[3 * b + 1];
            com[3 * b + 2] = mass * d.xipos[3 * b + 2];
        }
        for (int b = nb - 1; b > 0; b--) {
            int p = m.bodyParentid[b];
            com[3 * p] += com[3 * b];
            com[3 * p + 1] += com[3 * b + 1];
            com[3 * p + 2] += com[3 * b + 2];
        }
        for (int b = 0; b < nb; b++) {
            double sm = m.bodySubtreemass[b];
            if (sm < 1e-15) { // massless subtree: use the body's own inertial position
                com[3 * b] = d.xipos[3 * b];
                com[3 * b + 1] = d.xipos[3 * b + 1];
                com[3 * b + 2] = d.xipos[3 * b + 2];
            } else {
                com[3 * b] /= sm;
                com[3 * b + 1] /= sm;
                com[3 * b + 2] /= sm;
            }
        }

        // cinert: rotate the principal inertia to world axes, then move it to the tree's reference point
        for (int b = 0; b < nb; b++) {
            int r = m.bodyRootid[b];
            double mass = m.bodyMass[b];
            double cx = d.xipos[3 * b] - com[3 * r], cy = d.xipos[3 * b + 1] - com[3 * r + 1],
                    cz = d.xipos[3 * b + 2] - com[3 * r + 2];
            double i0 = m.bodyInertia[3 * b], i1 = m.bodyInertia[3 * b + 1], i2 = m.bodyInertia[3 * b + 2];
            double[] R = d.ximat;
            int o = 9 * b;
            // (R diag(i) R^T)_{ab} = sum_k R_ak i_k R_bk
            double xx = R[o] * R[o] * i0 + R[o + 1] * R[o + 1] * i1 + R[o + 2] * R[o + 2] * i2;
            double yy = R[o + 3] * R[o + 3] * i0 + R[o + 4] * R[o + 4] * i1 + R[o + 5] * R[o + 5] * i2;
            double zz = R[o + 6] * R[o + 6] * i0 + R[o + 7] * R[o + 7] * i1 + R[o + 8] * R[o + 8] * i2;
            double xy = R[o] * R[o + 3] * i0 + R[o + 1] * R[o + 4] * i1 + R[o + 2] * R[o + 5] * i2;
            double xz = R[o] * R[o + 6] * i0 + R[o + 1] * R[o + 7] * i1 + R[o + 2] * R[o + 8] * i2;
            double yz = R[o + 3] * R[o + 6] * i0 + R[o + 4] * R[o + 7] * i1 + R[o + 5] * R[o + 8] * i2;
            // parallel axis: + m (|c|^2 E - c c^T)
            int k = 10 * b;
            d.cinert[k] = xx + mass * (cy * cy + cz * cz);
            d.cinert[k + 1] = yy + mass * (cx * cx + cz * cz);
            d.cinert[k + 2] = zz + mass * (cx * cx + cy * cy);
            d.cinert[k + 3] = xy - mass * cx * cy;
            d.cinert[k + 4] = xz - mass * cx * cz;
            d.cinert[k + 5] = yz - mass * cy * cz;
            d.cinert[k + 6] = mass * cx;
            d.cinert[k + 7] = mass * cy;
            d.cinert[k + 8] = mass * cz;
            d.cinert[k + 9] = mass;
        }

        // cdof: unit motion of each dof about the tree's reference point
        for (int j = 0; j < m.njnt; j++) {
            int b = m.jntBodyid[j], r = m.bodyRootid[b], dof = m.jntDofadr[j];
            // offset from the joint anchor to the reference point
            double ox = com[3 * r] - d.xanchor[3 * j], oy = com[3 * r + 1] - d.xanchor[3 * j + 1],
                    oz = com[3 * r + 2] - d.xanchor[3 * j + 2];
            switch (m.jntType[j]) {
                case Model.JNT_SLIDE -> setDof(d.cdof, dof, 0, 0, 0, d.xaxis[3 * j], d.xaxis[3 * j + 1],
                        d.xaxis[3 * j + 2]);
                case Model.JNT_HINGE -> rotationDof(d.cdof, dof, d.xaxis[3 * j], d.xaxis[3 * j + 1],
                        d.xaxis[3 * j + 2], ox, oy, oz);
                case Model.JNT_FREE -> {
                    for (int a = 0; a < 3; a++) {
                        setDof(d.cdof, dof + a, 0, 0, 0, a == 0 ? 1 : 0, a == 1 ? 1 : 0, a == 2 ? 1 : 0);
                    }
                    // angular velocity is in the body frame: axes are the columns of xmat
                    for (int a = 0; a < 3; a++) {
                        rotationDof(d.cdof, dof + 3 + a, d.xmat[9 * b + a], d.xmat[9 * b + 3 + a],
                                d.xmat[9 * b + 6 + a], ox, oy, oz);
                    }
                }
                case Model.JNT_BALL -> {
                    for (int a = 0; a < 3; a++) {
                        rotationDof(d.cdof, dof + a, d.xmat[9 * b + a], d.xmat[9 * b + 3 + a],
                                d.xmat[9 * b + 6 + a], ox, oy, oz);
                    }
                }
                default -> throw new IllegalArgumentException("unknown joint type " + m.jntType[j]);
            }
        }
    }

    /** Rotation about axis a through a point at offset o from the reference point: (a; a x o). */
    private static void rotationDof(double[] cdof, int dof, double ax, double ay, double az,
                                    double ox, double oy, double oz) {
        setDof(cdof, dof, ax, ay, az, ay * oz - az * oy, az * ox - ax * oz, ax * oy - ay * ox);
    }

    private static void setDof(double[] cdof, int dof, double a0, double a1, double a2, double l0, double l1,
                               double l2) {
        int o = 6 * dof;
        cdof[o] = a0;
        cdof[o + 1] = a1;
        cdof[o + 2] = a2;
        cdof[o + 3] = l0;
        cdof[o + 4] = l1;
        cdof[o + 5] = l2;
    }
}
