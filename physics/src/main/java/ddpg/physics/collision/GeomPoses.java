package ddpg.physics.collision;

import ddpg.physics.model.Model;

/**
 * Geom world poses from body world poses: {@code geom_xpos = xpos_b + R_b * geom_pos},
 * {@code geom_xmat = R(xquat_b * geom_quat)}. Used where only body poses are at hand (oracle records).
 */
public final class GeomPoses {
    private GeomPoses() {}

    /** Body poses as position (nbody x 3) and quaternion (nbody x 4, w x y z) in; geom poses out. */
    public static void fromBodyQuat(Model m, double[] xpos, double[] xquat, double[] gxpos, double[] gxmat) {
        double[] q = new double[4];
        for (int g = 0; g < m.ngeom; g++) {
            int b = m.geomBodyid[g];
            mulQuat(xquat, 4 * b, m.geomQuat, 4 * g, q);
            quatToMat(q, 0, gxmat, 9 * g);
            double[] rb = new double[9];
            quatToMat(xquat, 4 * b, rb, 0);
            for (int i = 0; i < 3; i++) {
                gxpos[3 * g + i] = xpos[3 * b + i] + rb[3 * i] * m.geomPos[3 * g] + rb[3 * i + 1] * m.geomPos[3 * g + 1]
                        + rb[3 * i + 2] * m.geomPos[3 * g + 2];
            }
        }
    }

    static void mulQuat(double[] a, int ao, double[] b, int bo, double[] out) {
        double aw = a[ao], ax = a[ao + 1], ay = a[ao + 2], az = a[ao + 3];
        double bw = b[bo], bx = b[bo + 1], by = b[bo + 2], bz = b[bo + 3];
        out[0] = aw * bw - ax * bx - ay * by - az * bz;
        out[1] = aw * bx + ax * bw + ay * bz - az * by;
        out[2] = aw * by - ax * bz + ay * bw + az * bx;
        out[3] = aw * bz + ax * by - ay * bx + az * bw;
    }

    /** Unit quaternion (w x y z) to a row-major rotation matrix. */
    public static void quatToMat(double[] q, int qo, double[] r, int ro) {
        double w = q[qo], x = q[qo + 1], y = q[qo + 2], z = q[qo + 3];
        double ww = w * w, xx = x * x, yy = y * y, zz = z * z;
        r[ro] = ww + xx - yy - zz;
        r[ro + 1] = 2 * (x * y - w * z);
        r[ro + 2] = 2 * (x * z + w * y);
        r[ro + 3] = 2 * (x * y + w * z);
        r[ro + 4] = ww - xx + yy - zz;
        r[ro + 5] = 2 * (y * z - w * x);
        r[ro + 6] = 2 * (x * z - w * y);
        r[ro + 7] = 2 * (y * z + w * x);
        r[ro + 8] = ww - xx - yy + zz;
    }
}
