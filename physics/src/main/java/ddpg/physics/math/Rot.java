package ddpg.physics.math;

/**
 * Rotations: quaternions (w, x, y, z) and row-major 3x3 matrices. A frame's quaternion rotates vectors from the
 * child frame into the parent frame, as in MuJoCo's compiled model.
 *
 * <p>Two forms. The in-place ones work on flat arrays with an offset into each, so that per-body rows of
 * {@code Data} can be used directly, and allocate nothing (the simulation loop). The value-returning ones
 * ({@link #mul}, {@link #toMat}, {@link #unit}, ...) return new arrays, for the compiler, which runs once per
 * model. Where both exist they do the same arithmetic in the same order, so they agree to the last bit.
 */
public final class Rot {
    private Rot() {}

    /** res = a * b (Hamilton product). res may not alias a or b. */
    public static void quatMul(double[] a, int ai, double[] b, int bi, double[] res, int ri) {
        double aw = a[ai], ax = a[ai + 1], ay = a[ai + 2], az = a[ai + 3];
        double bw = b[bi], bx = b[bi + 1], by = b[bi + 2], bz = b[bi + 3];
        res[ri] = aw * bw - ax * bx - ay * by - az * bz;
        res[ri + 1] = aw * bx + ax * bw + ay * bz - az * by;
        res[ri + 2] = aw * by - ax * bz + ay * bw + az * bx;
        res[ri + 3] = aw * bz + ax * by - ay * bx + az * bw;
    }

    /** q = q * (rotation by angle about the unit axis), then normalised. tmp needs 8 slots. */
    public static void quatRotateLocal(double[] q, int qi, double ax, double ay, double az, double angle,
                                       double[] tmp) {
        double s = Math.sin(0.5 * angle);
        tmp[4] = Math.cos(0.5 * angle);
        tmp[5] = ax * s;
        tmp[6] = ay * s;
        tmp[7] = az * s;
        quatMul(q, qi, tmp, 4, tmp, 0);
        System.arraycopy(tmp, 0, q, qi, 4);
        normalizeQuat(q, qi);
    }

    /** Normalises a quaternion in place; a zero quaternion becomes the identity. */
    public static void normalizeQuat(double[] q, int qi) {
        double n = Math.sqrt(q[qi] * q[qi] + q[qi + 1] * q[qi + 1] + q[qi + 2] * q[qi + 2] + q[qi + 3] * q[qi + 3]);
        if (n < 1e-15) {
            q[qi] = 1;
            q[qi + 1] = q[qi + 2] = q[qi + 3] = 0;
            return;
        }
        double inv = 1 / n;
        q[qi] *= inv;
        q[qi + 1] *= inv;
        q[qi + 2] *= inv;
        q[qi + 3] *= inv;
    }

    /** Rotation matrix (row-major) of a unit quaternion. */
    public static void quatToMat(double[] q, int qi, double[] m, int mi) {
        quatToMat(q[qi], q[qi + 1], q[qi + 2], q[qi + 3], m, mi);
    }

    /** Rotation matrix (row-major) of the unit quaternion (w, x, y, z), for callers that hold it in locals. */
    public static void quatToMat(double w, double x, double y, double z, double[] m, int mi) {
        double ww = w * w, xx = x * x, yy = y * y, zz = z * z;
        m[mi] = ww + xx - yy - zz;
        m[mi + 4] = ww - xx + yy - zz;
        m[mi + 8] = ww - xx - yy + zz;
        m[mi + 1] = 2 * (x * y - w * z);
        m[mi + 2] = 2 * (x * z + w * y);
        m[mi + 3] = 2 * (x * y + w * z);
        m[mi + 5] = 2 * (y * z - w * x);
        m[mi + 6] = 2 * (x * z - w * y);
        m[mi + 7] = 2 * (y * z + w * x);
    }

    /** res = m * v for a row-major 3x3 m. res may not alias v. */
    public static void matVec(double[] m, int mi, double[] v, int vi, double[] res, int ri) {
        double x = v[vi], y = v[vi + 1], z = v[vi + 2];
        res[ri] = m[mi] * x + m[mi + 1] * y + m[mi + 2] * z;
        res[ri + 1] = m[mi + 3] * x + m[mi + 4] * y + m[mi + 5] * z;
        res[ri + 2] = m[mi + 6] * x + m[mi + 7] * y + m[mi + 8] * z;
    }

    /**
     * Rotation vector r (axis * angle) with q = qb * exp(r) for unit quaternions qa = q, qb: the body-frame rotation
     * taking qb to qa, used by free/ball joint springs. tmp needs 4 slots.
     */
    public static void quatDifference(double[] qa, int ai, double[] qb, int bi, double[] tmp, double[] res, int ri) {
        // tmp = conj(qb) * qa
        double bw = qb[bi], bx = -qb[bi + 1], by = -qb[bi + 2], bz = -qb[bi + 3];
        double aw = qa[ai], ax = qa[ai + 1], ay = qa[ai + 2], az = qa[ai + 3];
        tmp[0] = bw * aw - bx * ax - by * ay - bz * az;
        tmp[1] = bw * ax + bx * aw + by * az - bz * ay;
        tmp[2] = bw * ay - bx * az + by * aw + bz * ax;
        tmp[3] = bw * az + bx * ay - by * ax + bz * aw;
        if (tmp[0] < 0) { // shortest rotation
            tmp[0] = -tmp[0];
            tmp[1] = -tmp[1];
            tmp[2] = -tmp[2];
            tmp[3] = -tmp[3];
        }
        double s = Math.sqrt(tmp[1] * tmp[1] + tmp[2] * tmp[2] + tmp[3] * tmp[3]);
        if (s < 1e-15) {
            res[ri] = res[ri + 1] = res[ri + 2] = 0;
            return;
        }
        double angle = 2 * Math.atan2(s, tmp[0]);
        res[ri] = tmp[1] / s * angle;
        res[ri + 1] = tmp[2] / s * angle;
        res[ri + 2] = tmp[3] / s * angle;
    }

    // ---- value-returning forms (the MJCF compiler) ----

    /** A new identity quaternion. */
    public static double[] identityQuat() {
        return new double[]{1, 0, 0, 0};
    }

    /** Hamilton product a*b (apply b first, then a), as a new array. */
    public static double[] mul(double[] a, double[] b) {
        double[] res = new double[4];
        quatMul(a, 0, b, 0, res, 0);
        return res;
    }

    /** Rotation by angle (radians) about a unit axis. */
    public static double[] axisAngle(double[] axis, double angle) {
        double s = Math.sin(angle / 2);
        return new double[]{Math.cos(angle / 2), axis[0] * s, axis[1] * s, axis[2] * s};
    }

    /**
     * The smallest rotation taking +z to the direction of vec (any non-zero length). If v is parallel to z, the axis
     * is +x (so -z gives a half turn about x), which is what MuJoCo writes for such frames.
     */
    public static double[] zTo(double[] vec) {
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

    /** q / |q| (dividing by the norm, as MuJoCo's compiler does; {@link #normalizeQuat} multiplies by 1/|q|). */
    public static double[] unit(double[] q) {
        double n = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
        return new double[]{q[0] / n, q[1] / n, q[2] / n, q[3] / n};
    }

    /** Rotation matrix (row-major) of a unit quaternion, as a new array. */
    public static double[] toMat(double[] q) {
        double[] m = new double[9];
        quatToMat(q, 0, m, 0);
        return m;
    }

    /** Unit quaternion of a proper rotation matrix (row-major), w >= 0 when the trace is positive. */
    public static double[] fromMat(double[] r) {
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

    /** Vector v rotated by unit quaternion q, as a new array. */
    public static double[] rotate(double[] q, double[] v) {
        double[] res = new double[3];
        matVec(toMat(q), 0, v, 0, res, 0);
        return res;
    }

    /** Euclidean length of a 3-vector. */
    public static double norm3(double[] v) {
        return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }
}
