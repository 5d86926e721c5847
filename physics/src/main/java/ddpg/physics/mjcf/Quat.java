package ddpg.physics.mjcf;

/**
 * Quaternion and rotation helpers for the compiler, quaternions as (w, x, y, z). Conventions follow MuJoCo's compiled
 * model: a frame's quaternion rotates vectors from the child frame into the parent frame.
 */
final class Quat {
    private Quat() {}

    static final double[] IDENTITY = {1, 0, 0, 0};

    static double[] normalize(double[] q, XmlElement where, String attr) {
        double n = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
        if (n < 1e-10) throw where.error(attr, "quaternion has zero length");
        return new double[]{q[0] / n, q[1] / n, q[2] / n, q[3] / n};
    }

    /** Hamilton product a*b (apply b first, then a). */
    static double[] mul(double[] a, double[] b) {
        return new double[]{
                a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3],
                a[0] * b[1] + a[1] * b[0] + a[2] * b[3] - a[3] * b[2],
                a[0] * b[2] - a[1] * b[3] + a[2] * b[0] + a[3] * b[1],
                a[0] * b[3] + a[1] * b[2] - a[2] * b[1] + a[3] * b[0]};
    }

    /** Rotation by angle (radians) about a unit axis. */
    static double[] axisAngle(double[] axis, double angle) {
        double s = Math.sin(angle / 2);
        return new double[]{Math.cos(angle / 2), axis[0] * s, axis[1] * s, axis[2] * s};
    }

    /**
     * The smallest rotation taking +z to the direction of vec (any non-zero length). If v is parallel to z, the axis
     * is +x (so -z gives a half turn about x), which is what MuJoCo writes for such frames.
     */
    static double[] zTo(double[] vec) {
        // on the unit vector, with the full cross product z x v (so zero components keep MuJoCo's signs): this
        // reproduces MuJoCo's last bits, which matter for its exact *_sameframe tests
        double n = norm3(vec);
        double[] v = {vec[0] / n, vec[1] / n, vec[2] / n};
        double ax = 0 * v[2] - 1 * v[1], ay = 1 * v[0] - 0 * v[2], az = 0 * v[1] - 0 * v[0];
        double s = Math.sqrt(ax * ax + ay * ay + az * az);
        double angle = Math.atan2(s, v[2]);
        if (s < 1e-10) { ax = 1; ay = 0; az = 0; s = 1; } // along +-z: any axis in the xy plane; MuJoCo uses x
        double h = Math.sin(angle / 2);
        return new double[]{Math.cos(angle / 2), ax / s * h, ay / s * h, az / s * h};
    }

    /** q / |q|. */
    static double[] unit(double[] q) {
        double n = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
        return new double[]{q[0] / n, q[1] / n, q[2] / n, q[3] / n};
    }

    /** 3x3 rotation matrix (row-major) of a unit quaternion. */
    static double[] toMat(double[] q) {
        // the homogeneous form (w^2 + x^2 - y^2 - z^2 on the diagonal) rounds like MuJoCo's own conversion
        double ww = q[0] * q[0], wx = q[0] * q[1], wy = q[0] * q[2], wz = q[0] * q[3];
        double xx = q[1] * q[1], xy = q[1] * q[2], xz = q[1] * q[3];
        double yy = q[2] * q[2], yz = q[2] * q[3], zz = q[3] * q[3];
        return new double[]{
                ww + xx - yy - zz, 2 * (xy - wz), 2 * (xz + wy),
                2 * (xy + wz), ww - xx + yy - zz, 2 * (yz - wx),
                2 * (xz - wy), 2 * (yz + wx), ww - xx - yy + zz};
    }

    /** Unit quaternion of a proper rotation matrix (row-major), w >= 0 when the trace is positive. */
    static double[] fromMat(double[] r) {
        double tr = r[0] + r[4] + r[8];
        double[] q = new double[4];
        if (tr > 0) {
            double s = Math.sqrt(tr + 1) * 2;
            q[0] = s / 4; q[1] = (r[7] - r[5]) / s; q[2] = (r[2] - r[6]) / s; q[3] = (r[3] - r[1]) / s;
        } else if (r[0] > r[4] && r[0] > r[8]) {
            double s = Math.sqrt(1 + r[0] - r[4] - r[8]) * 2;
            q[0] = (r[7] - r[5]) / s; q[1] = s / 4; q[2] = (r[1] + r[3]) / s; q[3] = (r[2] + r[6]) / s;
        } else if (r[4] > r[8]) {
            double s = Math.sqrt(1 + r[4] - r[0] - r[8]) * 2;
            q[0] = (r[2] - r[6]) / s; q[1] = (r[1] + r[3]) / s; q[2] = s / 4; q[3] = (r[5] + r[7]) / s;
        } else {
            double s = Math.sqrt(1 + r[8] - r[0] - r[4]) * 2;
            q[0] = (r[3] - r[1]) / s; q[1] = (r[2] + r[6]) / s; q[2] = (r[5] + r[7]) / s; q[3] = s / 4;
        }
        double n = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
        for (int i = 0; i < 4; i++) q[i] /= n;
        return q;
    }

    /** Rotates vector v by unit quaternion q. */
    static double[] rotate(double[] q, double[] v) {
        double[] m = toMat(q);
        return new double[]{
                m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
                m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
                m[6] * v[0] + m[7] * v[1] + m[8] * v[2]};
    }

    static double norm3(double[] v) {
        return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }
}
