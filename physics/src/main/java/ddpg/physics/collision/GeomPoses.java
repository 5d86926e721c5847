package ddpg.physics.collision;

import ddpg.physics.model.Model;

/**
 * Geom world poses from body world poses: {@code geom_xpos = xpos_b + R_b * geom_pos},
 * {@code geom_xmat = R(xquat_b * geom_quat)}. Used where only body poses are at hand (oracle records).
 */
public final class GeomPoses {
    private GeomPoses() {}

    /** Body poses as position (nbody x 3) and quaternion (nbody x 4, w x y z) in; geom poses out. No allocation. */
    public static void fromBodyQuat(Model m, double[] xpos, double[] xquat, double[] gxpos, double[] gxmat) {
        for (int g = 0; g < m.ngeom; g++) {
            int b = m.geomBodyid[g];
            // geom orientation = body quaternion * geom quaternion, then to a matrix
            double aw = xquat[4 * b], ax = xquat[4 * b + 1], ay = xquat[4 * b + 2], az = xquat[4 * b + 3];
            double bw = m.geomQuat[4 * g], bx = m.geomQuat[4 * g + 1], by = m.geomQuat[4 * g + 2],
                    bz = m.geomQuat[4 * g + 3];
            quatToMat(aw * bw - ax * bx - ay * by - az * bz, aw * bx + ax * bw + ay * bz - az * by,
                    aw * by - ax * bz + ay * bw + az * bx, aw * bz + ax * by - ay * bx + az * bw, gxmat, 9 * g);
            // geom position = body position + R_body * geom_pos
            double px = m.geomPos[3 * g], py = m.geomPos[3 * g + 1], pz = m.geomPos[3 * g + 2];
            double ww = aw * aw, xx = ax * ax, yy = ay * ay, zz = az * az;
            gxpos[3 * g] = xpos[3 * b] + (ww + xx - yy - zz) * px + 2 * (ax * ay - aw * az) * py
                    + 2 * (ax * az + aw * ay) * pz;
            gxpos[3 * g + 1] = xpos[3 * b + 1] + 2 * (ax * ay + aw * az) * px + (ww - xx + yy - zz) * py
                    + 2 * (ay * az - aw * ax) * pz;
            gxpos[3 * g + 2] = xpos[3 * b + 2] + 2 * (ax * az - aw * ay) * px + 2 * (ay * az + aw * ax) * py
                    + (ww - xx - yy + zz) * pz;
        }
    }

    /** Unit quaternion (w x y z) to a row-major rotation matrix. */
    public static void quatToMat(double[] q, int qo, double[] r, int ro) {
        quatToMat(q[qo], q[qo + 1], q[qo + 2], q[qo + 3], r, ro);
    }

    /** Unit quaternion (w, x, y, z) to a row-major rotation matrix at {@code r[ro..ro+8]}. */
    public static void quatToMat(double w, double x, double y, double z, double[] r, int ro) {
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
