package ddpg.physics.math;

/**
 * Rotations on flat arrays, with an offset into each array so that per-body rows of {@code Data} can be used in
 * place. Quaternions are (w, x, y, z); 3x3 matrices are row-major. Nothing here allocates.
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
        double w = q[qi], x = q[qi + 1], y = q[qi + 2], z = q[qi + 3];
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
}
