package ddpg.physics.constraint;

import ddpg.physics.model.Data;
import ddpg.physics.model.Model;

/**
 * Constraint Jacobians of points on bodies: each degree of freedom's world axis and anchor, taken from the smooth
 * stage's joint frames ({@code xaxis}, {@code xanchor}), and the deepest dof on each body's path to the root.
 *
 * <p>Hinge: rotation about its axis through its anchor; slide: translation along its axis. Free: three world-axis
 * translations, then rotations about the body frame's axes through its origin (MuJoCo's free-joint angular velocity
 * is in the body frame). Ball joints are not supported.
 */
public final class Jacobians {
    private final Model m;
    /** Per dof: world axis (3), anchor (3), and whether it rotates. */
    private final double[] axis, anchor;
    private final boolean[] rotational;
    /** Deepest dof on the chain from body b to the world, or -1. */
    private final int[] bodyLastDof;

    public Jacobians(Model m) {
        this.m = m;
        axis = new double[3 * m.nv];
        anchor = new double[3 * m.nv];
        rotational = new boolean[m.nv];
        bodyLastDof = new int[m.nbody];
        for (int b = 0; b < m.nbody; b++) {
            if (b == 0) bodyLastDof[b] = -1;
            else if (m.bodyDofnum[b] > 0) bodyLastDof[b] = m.bodyDofadr[b] + m.bodyDofnum[b] - 1;
            else bodyLastDof[b] = bodyLastDof[m.bodyParentid[b]];
        }
        for (int j = 0; j < m.njnt; j++) {
            int d = m.jntDofadr[j];
            switch (m.jntType[j]) {
                case Model.JNT_HINGE -> rotational[d] = true;
                case Model.JNT_SLIDE -> rotational[d] = false;
                case Model.JNT_FREE -> { for (int k = 0; k < 6; k++) rotational[d + k] = k >= 3; }
                default -> throw new IllegalArgumentException(m.source + ": ball joints are not supported by "
                        + "the constraint stage (joint " + j + ")");
            }
        }
    }

    /** Dof axes and anchors of the current state: the smooth stage's xanchor, xaxis and (free joints) xmat. */
    public void update(Data d) {
        double[] xanchor = d.xanchor, xaxis = d.xaxis, xmat = d.xmat;
        for (int j = 0; j < m.njnt; j++) {
            int dof = m.jntDofadr[j];
            double ax = xanchor[3 * j], ay = xanchor[3 * j + 1], az = xanchor[3 * j + 2];
            if (m.jntType[j] == Model.JNT_FREE) {
                int b = m.jntBodyid[j];
                for (int k = 0; k < 3; k++) {
                    set(axis, dof + k, k == 0 ? 1 : 0, k == 1 ? 1 : 0, k == 2 ? 1 : 0);
                    set(anchor, dof + k, ax, ay, az);
                    set(axis, dof + 3 + k, xmat[9 * b + k], xmat[9 * b + 3 + k], xmat[9 * b + 6 + k]);
                    set(anchor, dof + 3 + k, ax, ay, az);
                }
            } else {
                set(axis, dof, xaxis[3 * j], xaxis[3 * j + 1], xaxis[3 * j + 2]);
                set(anchor, dof, ax, ay, az);
            }
        }
    }

    /**
     * Adds {@code sign * dir . (d p / d qvel)} to {@code row[ro..ro+nv)}: the translational Jacobian of world point p
     * (rigidly attached to body b) projected on direction dir.
     */
    public void addPointJacobian(int body, double px, double py, double pz, double dx, double dy, double dz,
                                 double sign, double[] row, int ro) {
        for (int d = bodyLastDof[body]; d >= 0; d = m.dofParentid[d]) {
            double ax = axis[3 * d], ay = axis[3 * d + 1], az = axis[3 * d + 2];
            double v;
            if (rotational[d]) {
                double rx = px - anchor[3 * d], ry = py - anchor[3 * d + 1], rz = pz - anchor[3 * d + 2];
                // dir . (axis x r)
                v = dx * (ay * rz - az * ry) + dy * (az * rx - ax * rz) + dz * (ax * ry - ay * rx);
            } else {
                v = dx * ax + dy * ay + dz * az;
            }
            row[ro + d] += sign * v;
        }
    }

    private static void set(double[] a, int i, double x, double y, double z) {
        a[3 * i] = x; a[3 * i + 1] = y; a[3 * i + 2] = z;
    }
}
