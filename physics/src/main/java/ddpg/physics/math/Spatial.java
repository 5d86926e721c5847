package ddpg.physics.math;

/**
 * 6-d spatial algebra in MuJoCo's com-based convention: a motion vector is (angular; linear) and a force vector is
 * (torque; force), both expressed in world axes at the centre of mass of the kinematic tree (subtree_com of the
 * tree's root body). A spatial inertia is stored in 10 numbers:
 * (Ixx, Iyy, Izz, Ixy, Ixz, Iyz, m*cx, m*cy, m*cz, m), the rotational inertia about the reference point and the
 * first moment of mass c = (body com - reference point).
 */
public final class Spatial {
    private Spatial() {}

    /** res = v x u (motion cross motion): how motion u changes when carried along by velocity v. */
    public static void crossMotion(double[] v, int vi, double[] u, int ui, double[] res, int ri) {
        crossMotion(v[vi], v[vi + 1], v[vi + 2], v[vi + 3], v[vi + 4], v[vi + 5], u, ui, res, ri);
    }

    /** {@link #crossMotion(double[], int, double[], int, double[], int)} for a v held in locals (angular w, linear l). */
    public static void crossMotion(double wx, double wy, double wz, double lx, double ly, double lz, double[] u, int ui,
                                   double[] res, int ri) {
        double ax = u[ui], ay = u[ui + 1], az = u[ui + 2], bx = u[ui + 3], by = u[ui + 4], bz = u[ui + 5];
        res[ri] = wy * az - wz * ay;
        res[ri + 1] = wz * ax - wx * az;
        res[ri + 2] = wx * ay - wy * ax;
        res[ri + 3] = wy * bz - wz * by + ly * az - lz * ay;
        res[ri + 4] = wz * bx - wx * bz + lz * ax - lx * az;
        res[ri + 5] = wx * by - wy * bx + lx * ay - ly * ax;
    }

    /** res = v x* f (motion cross force): rate of change of force/momentum f moving with velocity v. */
    public static void crossForce(double[] v, int vi, double[] f, int fi, double[] res, int ri) {
        double wx = v[vi], wy = v[vi + 1], wz = v[vi + 2], lx = v[vi + 3], ly = v[vi + 4], lz = v[vi + 5];
        double nx = f[fi], ny = f[fi + 1], nz = f[fi + 2], fx = f[fi + 3], fy = f[fi + 4], fz = f[fi + 5];
        res[ri] = wy * nz - wz * ny + ly * fz - lz * fy;
        res[ri + 1] = wz * nx - wx * nz + lz * fx - lx * fz;
        res[ri + 2] = wx * ny - wy * nx + lx * fy - ly * fx;
        res[ri + 3] = wy * fz - wz * fy;
        res[ri + 4] = wz * fx - wx * fz;
        res[ri + 5] = wx * fy - wy * fx;
    }

    /** res = I * v for a 10-number spatial inertia I and a motion v: torque = I w + (m c) x lin, force = m lin - (m c) x w. */
    public static void inertiaTimesMotion(double[] in, int ii, double[] v, int vi, double[] res, int ri) {
        double wx = v[vi], wy = v[vi + 1], wz = v[vi + 2], lx = v[vi + 3], ly = v[vi + 4], lz = v[vi + 5];
        double ixx = in[ii], iyy = in[ii + 1], izz = in[ii + 2], ixy = in[ii + 3], ixz = in[ii + 4], iyz = in[ii + 5];
        double hx = in[ii + 6], hy = in[ii + 7], hz = in[ii + 8], m = in[ii + 9];
        res[ri] = ixx * wx + ixy * wy + ixz * wz + (hy * lz - hz * ly);
        res[ri + 1] = ixy * wx + iyy * wy + iyz * wz + (hz * lx - hx * lz);
        res[ri + 2] = ixz * wx + iyz * wy + izz * wz + (hx * ly - hy * lx);
        res[ri + 3] = m * lx - (hy * wz - hz * wy);
        res[ri + 4] = m * ly - (hz * wx - hx * wz);
        res[ri + 5] = m * lz - (hx * wy - hy * wx);
    }

    public static double dot6(double[] a, int ai, double[] b, int bi) {
        return a[ai] * b[bi] + a[ai + 1] * b[bi + 1] + a[ai + 2] * b[bi + 2]
                + a[ai + 3] * b[bi + 3] + a[ai + 4] * b[bi + 4] + a[ai + 5] * b[bi + 5];
    }
}
