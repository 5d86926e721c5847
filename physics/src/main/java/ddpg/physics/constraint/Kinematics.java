package ddpg.physics.constraint;

import ddpg.physics.model.Model;

/**
 * What the constraint Jacobians need from forward kinematics: each degree of freedom's world axis and anchor
 * point, and the last dof on each body's path to the root. Filled from the final body poses and qpos
 * ({@link #update}), or from MuJoCo-style joint frames ({@link #setJointFrames}).
 *
 * <p>Hinge: rotation about its axis through its anchor; slide: translation along its axis; both taken in the body
 * frame as it was when the joint was applied (a body's joints act one after the other, so a later hinge of the same
 * body has already turned the final frame). Free: three world-axis translations, then rotations about the body
 * frame's axes through its origin (MuJoCo's free-joint angular velocity is in the body frame). Ball joints are not
 * supported.
 */
public final class Kinematics {
    private final Model m;
    /** Per dof: world axis (3), anchor (3), and whether it rotates. */
    final double[] axis, anchor;
    final boolean[] rotational;
    /** Deepest dof on the chain from body b to the world, or -1. */
    final int[] bodyLastDof;
    private final double[] rot = new double[9];

    public Kinematics(Model m) {
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
                case Model.JNT_BALL -> { for (int k = 0; k < 3; k++) rotational[d + k] = true; }
                case Model.JNT_FREE -> { for (int k = 0; k < 6; k++) rotational[d + k] = k >= 3; }
                default -> throw new IllegalArgumentException("unknown joint type " + m.jntType[j]);
            }
        }
    }

    /**
     * Joint frames from the final body poses (nbody x 3, nbody x 9 row-major) and qpos. A body's joints are applied
     * one after the other, each with the axis the body had at that moment, so they are recovered by walking the
     * body's joints backwards from its final pose and undoing each one: a hinge keeps its own axis and anchor
     * fixed while it rotates the body by (q - qpos0) about them; a slide shifts the body along its axis.
     */
    public void update(double[] qpos, double[] xpos, double[] xmat) {
        for (int b = 1; b < m.nbody; b++) {
            int nj = m.bodyJntnum[b];
            if (nj == 0) continue;
            System.arraycopy(xmat, 9 * b, rot, 0, 9);
            double cx = xpos[3 * b], cy = xpos[3 * b + 1], cz = xpos[3 * b + 2];
            for (int j = m.bodyJntadr[b] + nj - 1; j >= m.bodyJntadr[b]; j--) {
                int d = m.jntDofadr[j];
                double px = m.jntPos[3 * j], py = m.jntPos[3 * j + 1], pz = m.jntPos[3 * j + 2];
                double ax = cx + rot[0] * px + rot[1] * py + rot[2] * pz;
                double ay = cy + rot[3] * px + rot[4] * py + rot[5] * pz;
                double az = cz + rot[6] * px + rot[7] * py + rot[8] * pz;
                switch (m.jntType[j]) {
                    case Model.JNT_HINGE, Model.JNT_SLIDE -> {
                        double vx = m.jntAxis[3 * j], vy = m.jntAxis[3 * j + 1], vz = m.jntAxis[3 * j + 2];
                        double wx = rot[0] * vx + rot[1] * vy + rot[2] * vz;
                        double wy = rot[3] * vx + rot[4] * vy + rot[5] * vz;
                        double wz = rot[6] * vx + rot[7] * vy + rot[8] * vz;
                        set(axis, d, wx, wy, wz);
                        set(anchor, d, ax, ay, az);
                        double q = qpos[m.jntQposadr[j]] - m.qpos0[m.jntQposadr[j]];
                        if (j == m.bodyJntadr[b]) {
                            // the body's first joint: nothing before it needs the undone pose
                        } else if (m.jntType[j] == Model.JNT_SLIDE) {
                            cx -= wx * q; cy -= wy * q; cz -= wz * q;
                        } else {
                            unrotate(vx, vy, vz, q);
                            cx = ax - (rot[0] * px + rot[1] * py + rot[2] * pz);
                            cy = ay - (rot[3] * px + rot[4] * py + rot[5] * pz);
                            cz = az - (rot[6] * px + rot[7] * py + rot[8] * pz);
                        }
                    }
                    case Model.JNT_FREE -> {
                        for (int k = 0; k < 3; k++) {
                            set(axis, d + k, k == 0 ? 1 : 0, k == 1 ? 1 : 0, k == 2 ? 1 : 0);
                            set(anchor, d + k, ax, ay, az);
                            set(axis, d + 3 + k, rot[k], rot[3 + k], rot[6 + k]);
                            set(anchor, d + 3 + k, ax, ay, az);
                        }
                    }
                    default -> throw new IllegalArgumentException(m.source + ": ball joints are not supported by "
                            + "the constraint stage (joint " + j + ")");
                }
            }
        }
    }

    /** rot = rot * R(axis v (local, unit), -angle): undoes a hinge rotation applied in the body frame. */
    private void unrotate(double vx, double vy, double vz, double angle) {
        double c = Math.cos(angle), s = -Math.sin(angle), t = 1 - c;
        double r00 = t * vx * vx + c, r01 = t * vx * vy - s * vz, r02 = t * vx * vz + s * vy;
        double r10 = t * vx * vy + s * vz, r11 = t * vy * vy + c, r12 = t * vy * vz - s * vx;
        double r20 = t * vx * vz - s * vy, r21 = t * vy * vz + s * vx, r22 = t * vz * vz + c;
        for (int i = 0; i < 3; i++) {
            double a0 = rot[3 * i], a1 = rot[3 * i + 1], a2 = rot[3 * i + 2];
            rot[3 * i] = a0 * r00 + a1 * r10 + a2 * r20;
            rot[3 * i + 1] = a0 * r01 + a1 * r11 + a2 * r21;
            rot[3 * i + 2] = a0 * r02 + a1 * r12 + a2 * r22;
        }
    }

    /**
     * Joint frames given directly (MuJoCo's {@code xanchor}, {@code xaxis}: njnt x 3 each) plus body poses for free
     * joints' rotational axes.
     */
    public void setJointFrames(double[] xanchor, double[] xaxis, double[] xmat) {
        for (int j = 0; j < m.njnt; j++) {
            int d = m.jntDofadr[j], b = m.jntBodyid[j];
            double ax = xanchor[3 * j], ay = xanchor[3 * j + 1], az = xanchor[3 * j + 2];
            if (m.jntType[j] == Model.JNT_FREE) {
                for (int k = 0; k < 3; k++) {
                    set(axis, d + k, k == 0 ? 1 : 0, k == 1 ? 1 : 0, k == 2 ? 1 : 0);
                    set(anchor, d + k, ax, ay, az);
                    set(axis, d + 3 + k, xmat[9 * b + k], xmat[9 * b + 3 + k], xmat[9 * b + 6 + k]);
                    set(anchor, d + 3 + k, ax, ay, az);
                }
            } else if (m.jntType[j] == Model.JNT_BALL) {
                throw new IllegalArgumentException(m.source + ": ball joints are not supported (joint " + j + ")");
            } else {
                set(axis, d, xaxis[3 * j], xaxis[3 * j + 1], xaxis[3 * j + 2]);
                set(anchor, d, ax, ay, az);
            }
        }
    }

    /**
     * Adds {@code sign * dir . (d p / d qvel)} to {@code row[0..nv)}: the translational Jacobian of world point p
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
