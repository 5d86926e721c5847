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

    /** The world body has no mass or inertia (always, for a compiled MJCF model): its cinert is zero. */
    private final boolean worldMassless;

    public ComPos(Model m) {
        this.m = m;
        worldMassless = m.nbody > 0 && m.bodyMass[0] == 0 && m.bodyInertia[0] == 0 && m.bodyInertia[1] == 0
                && m.bodyInertia[2] == 0;
    }

    public void compute(Data d) {
        final int nb = m.nbody;
        final double[] com = d.subtreeCom, xipos = d.xipos, R = d.ximat, cinert = d.cinert;
        final double[] bodyMass = m.bodyMass, subtreeMass = m.bodySubtreemass, inertia = m.bodyInertia;
        final int[] parent = m.bodyParentid, rootId = m.bodyRootid;
        // mass-weighted inertial positions, accumulated from the leaves to the root
        for (int b = 0; b < nb; b++) {
            double mass = bodyMass[b];
            int b3 = 3 * b;
            com[b3] = mass * xipos[b3];
            com[b3 + 1] = mass * xipos[b3 + 1];
            com[b3 + 2] = mass * xipos[b3 + 2];
        }
        for (int b = nb - 1; b > 0; b--) {
            int p3 = 3 * parent[b], b3 = 3 * b;
            com[p3] += com[b3];
            com[p3 + 1] += com[b3 + 1];
            com[p3 + 2] += com[b3 + 2];
        }
        for (int b = 0; b < nb; b++) {
            double sm = subtreeMass[b];
            int b3 = 3 * b;
            if (sm < 1e-15) { // massless subtree: use the body's own inertial position
                com[b3] = xipos[b3];
                com[b3 + 1] = xipos[b3 + 1];
                com[b3 + 2] = xipos[b3 + 2];
            } else {
                com[b3] /= sm;
                com[b3 + 1] /= sm;
                com[b3 + 2] /= sm;
            }
        }

        // cinert: rotate the principal inertia to world axes, then move it to the tree's reference point. A massless
        // world body's cinert is zero (and nothing reads it).
        if (worldMassless) for (int k = 0; k < 10; k++) cinert[k] = 0;
        for (int b = worldMassless ? 1 : 0; b < nb; b++) {
            int r3 = 3 * rootId[b], b3 = 3 * b;
            double mass = bodyMass[b];
            double cx = xipos[b3] - com[r3], cy = xipos[b3 + 1] - com[r3 + 1], cz = xipos[b3 + 2] - com[r3 + 2];
            double i0 = inertia[b3], i1 = inertia[b3 + 1], i2 = inertia[b3 + 2];
            int o = 9 * b;
            double R0 = R[o], R1 = R[o + 1], R2 = R[o + 2], R3 = R[o + 3], R4 = R[o + 4], R5 = R[o + 5],
                    R6 = R[o + 6], R7 = R[o + 7], R8 = R[o + 8];
            // (R diag(i) R^T)_{ab} = sum_k R_ak i_k R_bk
            double xx = R0 * R0 * i0 + R1 * R1 * i1 + R2 * R2 * i2;
            double yy = R3 * R3 * i0 + R4 * R4 * i1 + R5 * R5 * i2;
            double zz = R6 * R6 * i0 + R7 * R7 * i1 + R8 * R8 * i2;
            double xy = R0 * R3 * i0 + R1 * R4 * i1 + R2 * R5 * i2;
            double xz = R0 * R6 * i0 + R1 * R7 * i1 + R2 * R8 * i2;
            double yz = R3 * R6 * i0 + R4 * R7 * i1 + R5 * R8 * i2;
            // parallel axis: + m (|c|^2 E - c c^T)
            int k = 10 * b;
            cinert[k] = xx + mass * (cy * cy + cz * cz);
            cinert[k + 1] = yy + mass * (cx * cx + cz * cz);
            cinert[k + 2] = zz + mass * (cx * cx + cy * cy);
            cinert[k + 3] = xy - mass * cx * cy;
            cinert[k + 4] = xz - mass * cx * cz;
            cinert[k + 5] = yz - mass * cy * cz;
            cinert[k + 6] = mass * cx;
            cinert[k + 7] = mass * cy;
            cinert[k + 8] = mass * cz;
            cinert[k + 9] = mass;
        }

        // cdof: unit motion of each dof about the tree's reference point
        final double[] xanchor = d.xanchor, xaxis = d.xaxis, cdof = d.cdof;
        final int[] jntBodyid = m.jntBodyid, jntDofadr = m.jntDofadr, jntType = m.jntType;
        for (int j = 0, nj = m.njnt; j < nj; j++) {
            int b = jntBodyid[j], r3 = 3 * rootId[b], dof = jntDofadr[j], j3 = 3 * j;
            // offset from the joint anchor to the reference point
            double ox = com[r3] - xanchor[j3], oy = com[r3 + 1] - xanchor[j3 + 1], oz = com[r3 + 2] - xanchor[j3 + 2];
            switch (jntType[j]) {
                case Model.JNT_SLIDE -> setDof(cdof, dof, 0, 0, 0, xaxis[j3], xaxis[j3 + 1], xaxis[j3 + 2]);
                case Model.JNT_HINGE -> rotationDof(cdof, dof, xaxis[j3], xaxis[j3 + 1], xaxis[j3 + 2], ox, oy, oz);
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
