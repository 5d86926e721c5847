package ddpg.physics.smooth;

import ddpg.physics.model.Data;
import ddpg.physics.model.Model;

/**
 * Bias forces by recursive Newton-Euler with zero joint acceleration (MuJoCo's mj_rne with flg_acc = 0):
 * {@code qfrc_bias = C(q, qdot) qdot + g(q)}. Gravity enters as an upward acceleration of the world
 * ({@code cacc[0] = -gravity}), so every body feels it without a separate gravity term.
 * Needs {@link ComPos} and {@link ComVel} results.
 */
public final class Rne {
    private final Model m;

    public Rne(Model m) { this.m = m; }

    public void compute(Data d) {
        final double[] cacc = d.cacc, cfrc = d.cfrcBody, cinert = d.cinert, cvel = d.cvel, cdofDot = d.cdofDot,
                cdof = d.cdof, qvel = d.qvel, bias = d.qfrcBias;
        final int[] parent = m.bodyParentid, bodyDofadr = m.bodyDofadr, bodyDofnum = m.bodyDofnum,
                dofBody = m.dofBodyid;
        final int nb = m.nbody, nv = m.nv;
        java.util.Arrays.fill(cacc, 0, 6, 0);
        if ((m.optDisableflags & Model.DSBL_GRAVITY) == 0) {
            cacc[3] = -m.optGravity[0];
            cacc[4] = -m.optGravity[1];
            cacc[5] = -m.optGravity[2];
        }
        // forward pass: accelerations, then each body's net force I a + v x* (I v)
        // (Spatial.inertiaTimesMotion and crossForce written out on local scalars, same arithmetic)
        for (int b = 1; b < nb; b++) {
            int po = 6 * parent[b], bo = 6 * b;
            double a0 = cacc[po], a1 = cacc[po + 1], a2 = cacc[po + 2], a3 = cacc[po + 3], a4 = cacc[po + 4],
                    a5 = cacc[po + 5];
            int d0 = bodyDofadr[b];
            for (int i = d0, i1 = d0 + bodyDofnum[b]; i < i1; i++) {
                double q = qvel[i];
                int o = 6 * i;
                a0 += cdofDot[o] * q;
                a1 += cdofDot[o + 1] * q;
                a2 += cdofDot[o + 2] * q;
                a3 += cdofDot[o + 3] * q;
                a4 += cdofDot[o + 4] * q;
                a5 += cdofDot[o + 5] * q;
            }
            cacc[bo] = a0;
            cacc[bo + 1] = a1;
            cacc[bo + 2] = a2;
            cacc[bo + 3] = a3;
            cacc[bo + 4] = a4;
            cacc[bo + 5] = a5;
            int ii = 10 * b;
            double ixx = cinert[ii], iyy = cinert[ii + 1], izz = cinert[ii + 2], ixy = cinert[ii + 3],
                    ixz = cinert[ii + 4], iyz = cinert[ii + 5], hx = cinert[ii + 6], hy = cinert[ii + 7],
                    hz = cinert[ii + 8], mass = cinert[ii + 9];
            // f = I a
            double f0 = ixx * a0 + ixy * a1 + ixz * a2 + (hy * a5 - hz * a4);
            double f1 = ixy * a0 + iyy * a1 + iyz * a2 + (hz * a3 - hx * a5);
            double f2 = ixz * a0 + iyz * a1 + izz * a2 + (hx * a4 - hy * a3);
            double f3 = mass * a3 - (hy * a2 - hz * a1);
            double f4 = mass * a4 - (hz * a0 - hx * a2);
            double f5 = mass * a5 - (hx * a1 - hy * a0);
            // iv = I v
            double wx = cvel[bo], wy = cvel[bo + 1], wz = cvel[bo + 2], lx = cvel[bo + 3], ly = cvel[bo + 4],
                    lz = cvel[bo + 5];
            double nx = ixx * wx + ixy * wy + ixz * wz + (hy * lz - hz * ly);
            double ny = ixy * wx + iyy * wy + iyz * wz + (hz * lx - hx * lz);
            double nz = ixz * wx + iyz * wy + izz * wz + (hx * ly - hy * lx);
            double fx = mass * lx - (hy * wz - hz * wy);
            double fy = mass * ly - (hz * wx - hx * wz);
            double fz = mass * lz - (hx * wy - hy * wx);
            // cfrc = v x* iv + f
            cfrc[bo] = wy * nz - wz * ny + ly * fz - lz * fy + f0;
            cfrc[bo + 1] = wz * nx - wx * nz + lz * fx - lx * fz + f1;
            cfrc[bo + 2] = wx * ny - wy * nx + lx * fy - ly * fx + f2;
            cfrc[bo + 3] = wy * fz - wz * fy + f3;
            cfrc[bo + 4] = wz * fx - wx * fz + f4;
            cfrc[bo + 5] = wx * fy - wy * fx + f5;
        }
        java.util.Arrays.fill(cfrc, 0, 6, 0);
        // backward pass: a subtree's force is carried by the joint above it
        for (int b = nb - 1; b > 0; b--) {
            int p = parent[b];
            if (p > 0) {
                int po = 6 * p, bo = 6 * b;
                for (int k = 0; k < 6; k++) cfrc[po + k] += cfrc[bo + k];
            }
        }
        for (int i = 0; i < nv; i++) {
            int o = 6 * i, c = 6 * dofBody[i];
            bias[i] = cdof[o] * cfrc[c] + cdof[o + 1] * cfrc[c + 1] + cdof[o + 2] * cfrc[c + 2]
                    + cdof[o + 3] * cfrc[c + 3] + cdof[o + 4] * cfrc[c + 4] + cdof[o + 5] * cfrc[c + 5];
        }
    }
}
