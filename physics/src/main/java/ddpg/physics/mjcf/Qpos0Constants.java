package ddpg.physics.mjcf;

import ddpg.physics.math.Rot;
import ddpg.physics.model.Model;

/**
 * Model constants that MuJoCo derives from the mass matrix at the reference configuration qpos0 (its
 * {@code mj_setConst}): {@code dof_M0} (diagonal of M), {@code dof_invweight0} (diagonal of M^-1, averaged over the
 * translational and rotational blocks of a free joint), {@code body_invweight0} (mean diagonal of J M^-1 J^T for the
 * translational and rotational Jacobian at the body's centre of mass) and {@code actuator_acc0} (norm of M^-1 times the
 * actuator's joint-space moment). The constraint solver uses the inverse weights to scale its regularisation.
 *
 * <p>Self-contained and deliberately simple (dense, O(nbody nv^2)): at qpos0 every hinge and slide sits at its
 * reference value, so body frames are exactly the XML frames and no joint motion has to be applied.
 */
final class Qpos0Constants {
    private Qpos0Constants() {}

    static void compute(Model m) {
        int nb = m.nbody, nv = m.nv;
        // ---- body frames in the world at qpos0 ----
        double[][] xpos = new double[nb][3], xquat = new double[nb][];
        xquat[0] = Rot.identityQuat();
        for (int b = 1; b < nb; b++) {
            int p = m.bodyParentid[b];
            double[] local = {m.bodyPos[3 * b], m.bodyPos[3 * b + 1], m.bodyPos[3 * b + 2]};
            double[] r = Rot.rotate(xquat[p], local);
            for (int k = 0; k < 3; k++) xpos[b][k] = xpos[p][k] + r[k];
            xquat[b] = unit(Rot.mul(xquat[p], slice(m.bodyQuat, 4 * b, 4)));
        }
        // ---- Jacobian columns of every dof: angular part and anchor (null angular = slide) ----
        double[][] dofAxis = new double[nv][3], dofAnchor = new double[nv][3];
        boolean[] dofRot = new boolean[nv];
        for (int j = 0; j < m.njnt; j++) {
            int b = m.jntBodyid[j], d = m.jntDofadr[j];
            double[] anchor = add(xpos[b], Rot.rotate(xquat[b], slice(m.jntPos, 3 * j, 3)));
            if (m.jntType[j] == Model.JNT_FREE) {
                for (int k = 0; k < 3; k++) {
                    double[] e = new double[3];
                    e[k] = 1;
                    dofAxis[d + k] = e;                                // world-frame translation
                    dofAxis[d + 3 + k] = Rot.rotate(xquat[b], e);     // body-frame rotation
                    dofRot[d + 3 + k] = true;
                    dofAnchor[d + 3 + k] = xpos[b].clone();
                }
            } else {
                dofAxis[d] = Rot.rotate(xquat[b], slice(m.jntAxis, 3 * j, 3));
                dofRot[d] = m.jntType[j] == Model.JNT_HINGE;
                dofAnchor[d] = anchor;
            }
        }
        // ---- body Jacobians at the centre of mass, and M = sum J^T [m, I] J + armature ----
        double[][][] jac = new double[nb][][];
        double[] mass = new double[nv * nv];
        for (int b = 1; b < nb; b++) {
            double[] iq = unit(Rot.mul(xquat[b], slice(m.bodyIquat, 4 * b, 4)));
            double[] com = add(xpos[b], Rot.rotate(xquat[b], slice(m.bodyIpos, 3 * b, 3)));
            double[][] jb = new double[6][nv];
            for (int d = lastDof(m, b); d >= 0; d = m.dofParentid[d]) {
                if (dofRot[d]) {
                    double[] lin = cross(dofAxis[d], sub(com, dofAnchor[d]));
                    for (int k = 0; k < 3; k++) { jb[k][d] = lin[k]; jb[3 + k][d] = dofAxis[d][k]; }
                } else {
                    for (int k = 0; k < 3; k++) jb[k][d] = dofAxis[d][k];
                }
            }
            jac[b] = jb;
            double[] inertiaWorld = MassProperties.rotatedInertia(slice(m.bodyInertia, 3 * b, 3), iq);
            double bm = m.bodyMass[b];
            for (int r = 0; r < nv; r++)
                for (int c = 0; c < nv; c++) {
                    double s = 0;
                    for (int k = 0; k < 3; k++) s += bm * jb[k][r] * jb[k][c];
                    for (int k = 0; k < 3; k++)
                        for (int l = 0; l < 3; l++) s += jb[3 + k][r] * inertiaWorld[3 * k + l] * jb[3 + l][c];
                    mass[r * nv + c] += s;
                }
        }
        for (int d = 0; d < nv; d++) mass[d * nv + d] += m.dofArmature[d];
        double[] inv = invertSpd(mass, nv);

        m.dofM0 = new double[nv];
        for (int d = 0; d < nv; d++) m.dofM0[d] = mass[d * nv + d];
        m.dofInvweight0 = new double[nv];
        for (int j = 0; j < m.njnt; j++) {
            int d = m.jntDofadr[j];
            if (m.jntType[j] == Model.JNT_FREE) {
                double t = (inv[d * nv + d] + inv[(d + 1) * nv + d + 1] + inv[(d + 2) * nv + d + 2]) / 3;
                double r = (inv[(d + 3) * nv + d + 3] + inv[(d + 4) * nv + d + 4] + inv[(d + 5) * nv + d + 5]) / 3;
                for (int k = 0; k < 3; k++) { m.dofInvweight0[d + k] = t; m.dofInvweight0[d + 3 + k] = r; }
            } else {
                m.dofInvweight0[d] = inv[d * nv + d];
            }
        }
        m.bodyInvweight0 = new double[2 * nb];
        for (int b = 1; b < nb; b++) {
            double[][] jb = jac[b];
            double[] diag = new double[6];
            for (int k = 0; k < 6; k++) {
                double s = 0;
                for (int r = 0; r < nv; r++) {
                    if (jb[k][r] == 0) continue;
                    for (int c = 0; c < nv; c++) s += jb[k][r] * inv[r * nv + c] * jb[k][c];
                }
                diag[k] = s;
            }
            m.bodyInvweight0[2 * b] = (diag[0] + diag[1] + diag[2]) / 3;
            m.bodyInvweight0[2 * b + 1] = (diag[3] + diag[4] + diag[5]) / 3;
        }
        m.actuatorAcc0 = new double[m.nu];
        m.actuatorLength0 = new double[m.nu];
        for (int i = 0; i < m.nu; i++) {
            int j = m.actuatorTrnid[2 * i], d = m.jntDofadr[j];
            double gear = m.actuatorGear[6 * i];
            double s = 0;
            for (int r = 0; r < nv; r++) { double a = inv[r * nv + d] * gear; s += a * a; }
            m.actuatorAcc0[i] = Math.sqrt(s);
            m.actuatorLength0[i] = gear * m.qpos0[m.jntQposadr[j]];
        }
    }

    /** The last dof on the chain from body b to the root, or -1. */
    private static int lastDof(Model m, int b) {
        for (int x = b; x > 0; x = m.bodyParentid[x])
            if (m.bodyDofnum[x] > 0) return m.bodyDofadr[x] + m.bodyDofnum[x] - 1;
        return -1;
    }

    /** Inverse of a symmetric positive definite matrix by Cholesky (small n, dense). */
    static double[] invertSpd(double[] a, int n) {
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
                if (i == j) {
                    if (!(s > 0)) throw new MjcfException("the mass matrix at qpos0 is not positive definite (a body without mass or inertia?)");
                    l[i * n + i] = Math.sqrt(s);
                } else {
                    l[i * n + j] = s / l[j * n + j];
                }
            }
        double[] inv = new double[n * n];
        double[] col = new double[n];
        for (int c = 0; c < n; c++) {
            for (int i = 0; i < n; i++) {           // forward: L y = e_c
                double s = i == c ? 1 : 0;
                for (int k = 0; k < i; k++) s -= l[i * n + k] * col[k];
                col[i] = s / l[i * n + i];
            }
            for (int i = n - 1; i >= 0; i--) {      // backward: L^T x = y
                double s = col[i];
                for (int k = i + 1; k < n; k++) s -= l[k * n + i] * col[k];
                col[i] = s / l[i * n + i];
            }
            for (int i = 0; i < n; i++) inv[i * n + c] = col[i];
        }
        return inv;
    }

    private static double[] slice(double[] a, int off, int n) {
        double[] out = new double[n];
        System.arraycopy(a, off, out, 0, n);
        return out;
    }

    private static double[] unit(double[] q) {
        double n = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
        return new double[]{q[0] / n, q[1] / n, q[2] / n, q[3] / n};
    }

    private static double[] add(double[] a, double[] b) { return new double[]{a[0] + b[0], a[1] + b[1], a[2] + b[2]}; }

    private static double[] sub(double[] a, double[] b) { return new double[]{a[0] - b[0], a[1] - b[1], a[2] - b[2]}; }

    private static double[] cross(double[] a, double[] b) {
        return new double[]{a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
