package ddpg.physics.mjcf;

import ddpg.physics.math.Rot;
import ddpg.physics.model.Model;

/**
 * Volumes, masses and principal inertias of the primitive geom shapes (about the geom centre, in the geom frame, whose
 * z axis is the shape's axis), and the principal-axis decomposition of a body's summed inertia.
 */
final class MassProperties {
    private MassProperties() {}

    /**
     * Volume of a primitive with MJCF sizes (radius / half-lengths). Planes have none. Here and in
     * {@link #inertia} the arithmetic is ordered as in MuJoCo's compiler, so masses agree to the last bit.
     */
    static double volume(int type, double[] size) {
        double r = size[0];
        return switch (type) {
            case Model.GEOM_SPHERE -> 4 * Math.PI * r * r * r / 3;
            case Model.GEOM_CAPSULE -> Math.PI * (r * r * 2 * size[1] + 4 * r * r * r / 3);
            case Model.GEOM_CYLINDER -> Math.PI * r * r * 2 * size[1];
            case Model.GEOM_ELLIPSOID -> 4.0 / 3.0 * Math.PI * size[0] * size[1] * size[2];
            case Model.GEOM_BOX -> 8 * size[0] * size[1] * size[2];
            default -> 0;
        };
    }

    /** Diagonal inertia (Ixx, Iyy, Izz) of a uniform solid of the given density. */
    static double[] inertia(int type, double[] size, double density) {
        double r = size[0];
        switch (type) {
            case Model.GEOM_SPHERE: {
                double m = density * volume(type, size);
                double i = 2 * m * r * r / 5;
                return new double[]{i, i, i};
            }
            case Model.GEOM_CAPSULE: {
                // a cylinder of length L plus a sphere split into two end caps; the mass is shared in proportion to
                // the volumes, and each cap's inertia is moved to the capsule centre by the parallel-axis rule,
                // which gives the ms*L*(3r+2L)/8 term
                double len = 2 * size[1];
                double m = density * volume(type, size);
                double ms = m * 4 * r / (4 * r + 3 * len);
                double mc = m - ms;
                double capsI = 2 * ms * r * r / 5;
                double ixx = mc * (3 * r * r + len * len) / 12;
                ixx += capsI + ms * len * (3 * r + 2 * len) / 8;
                double izz = mc * r * r / 2;
                izz += capsI;
                return new double[]{ixx, ixx, izz};
            }
            case Model.GEOM_CYLINDER: {
                double len = 2 * size[1];
                double m = density * volume(type, size);
                double ixx = m * (3 * r * r + len * len) / 12;
                return new double[]{ixx, ixx, m * r * r / 2};
            }
            case Model.GEOM_ELLIPSOID: {
                double m = density * volume(type, size);
                double a = size[0], b = size[1], c = size[2];
                return new double[]{m * (b * b + c * c) / 5, m * (a * a + c * c) / 5, m * (a * a + b * b) / 5};
            }
            case Model.GEOM_BOX: {
                double m = density * volume(type, size);
                double a = size[0], b = size[1], c = size[2];
                return new double[]{m * (b * b + c * c) / 3, m * (a * a + c * c) / 3, m * (a * a + b * b) / 3};
            }
            default:
                return new double[3];
        }
    }

    /** Radius of the sphere around the geom centre that contains the shape (0 for planes: they are infinite). */
    static double boundingRadius(int type, double[] size) {
        return switch (type) {
            case Model.GEOM_SPHERE -> size[0];
            case Model.GEOM_CAPSULE -> size[0] + size[1];
            case Model.GEOM_CYLINDER -> Math.sqrt(size[0] * size[0] + size[1] * size[1]);
            case Model.GEOM_ELLIPSOID -> Math.max(size[0], Math.max(size[1], size[2]));
            case Model.GEOM_BOX -> Math.sqrt(size[0] * size[0] + size[1] * size[1] + size[2] * size[2]);
            default -> 0;
        };
    }

    /** Result of a symmetric 3x3 eigen-decomposition: eigenvalues (decreasing) and the frame as a quaternion. */
    record Principal(double[] values, double[] quat) {}

    /**
     * Principal axes of a symmetric 3x3 matrix (row-major) by Jacobi rotations, each expressed as a quaternion about
     * one coordinate axis and accumulated in the rotating frame. The eigenvalues are then sorted in decreasing order
     * by quarter turns of the frame. Starting from the identity and choosing the largest off-diagonal element at every
     * step makes the result deterministic: the same frame (sign and order) MuJoCo's compiler reports.
     */
    static Principal principal(double[] a) {
        double[] q = Rot.identityQuat();
        double[] val = new double[3];
        final double eps = 1e-12;
        for (int iter = 0; iter < 500; iter++) {
            double[] d = rotateInto(a, q);    // d = R^T a R, R = frame of q
            val[0] = d[0]; val[1] = d[4]; val[2] = d[8];
            int r, c, axis;                   // pivot (r, c); the rotation is about the remaining axis
            double a01 = Math.abs(d[1]), a02 = Math.abs(d[2]), a12 = Math.abs(d[5]);
            if (a01 > a02 && a01 > a12) { r = 0; c = 1; axis = 2; }
            else if (a02 > a12) { r = 0; c = 2; axis = 1; }
            else { r = 1; c = 2; axis = 0; }
            double off = d[3 * r + c];
            if (Math.abs(off) < eps) break;
            // classic 2x2 symmetric Schur step: tan of the rotation angle that zeroes d[r][c]
            double tau = (d[4 * c] - d[4 * r]) / (2 * off);
            double t = tau >= 0 ? 1 / (tau + Math.sqrt(1 + tau * tau)) : -1 / (-tau + Math.sqrt(1 + tau * tau));
            double cos = 1 / Math.sqrt(1 + t * t);
            if (cos > 1 - eps) break;
            // half-angle quaternion; the sign of the rotation in the (r, c) plane flips for the y axis
            double half = Math.sqrt(0.5 - 0.5 * cos);
            double sinHalf = tau >= 0 ? -half : half;
            if (axis == 1) sinHalf = -sinHalf;
            double[] rot = new double[4];
            rot[axis + 1] = sinHalf;
            rot[0] = Math.sqrt(1 - sinHalf * sinHalf);
            q = unit(Rot.mul(q, unit(rot)));
        }
        // sort decreasing with three bubble steps on (0,1), (1,2), (0,1); a swap is a quarter turn of the frame
        for (int j = 0; j < 3; j++) {
            int i = j % 2;
            if (val[i] < val[i + 1]) {
                double tmp = val[i]; val[i] = val[i + 1]; val[i + 1] = tmp;
                double[] turn = new double[4];
                turn[0] = 0.707106781186548;
                turn[(i + 2) % 3 + 1] = 0.707106781186548;
                q = unit(Rot.mul(q, turn));
            }
        }
        return new Principal(val, q);
    }

    private static double[] unit(double[] q) {
        double n = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
        return new double[]{q[0] / n, q[1] / n, q[2] / n, q[3] / n};
    }

    /** R^T a R for the rotation R of quaternion q. */
    private static double[] rotateInto(double[] a, double[] q) {
        double[] rm = Rot.toMat(q);
        double[] tmp = new double[9], out = new double[9];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) s += rm[3 * k + i] * a[3 * k + j];
                tmp[3 * i + j] = s;
            }
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) s += tmp[3 * i + k] * rm[3 * k + j];
                out[3 * i + j] = s;
            }
        return out;
    }

    /** Full inertia (row-major 3x3) of a diagonal inertia in a frame rotated by q. */
    static double[] rotatedInertia(double[] diag, double[] q) {
        double[] r = Rot.toMat(q);
        double[] out = new double[9];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) s += r[3 * i + k] * diag[k] * r[3 * j + k];
                out[3 * i + j] = s;
            }
        return out;
    }

    /** Parallel-axis term: inertia of a point mass m at offset d, row-major 3x3. */
    static double[] pointMass(double m, double[] d) {
        double dd = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
        double[] out = new double[9];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) out[3 * i + j] = m * ((i == j ? dd : 0) - d[i] * d[j]);
        return out;
    }
}
