package ddpg.physics.smooth;

import ddpg.physics.model.Data;
import ddpg.physics.model.Model;

/**
 * Joint-space inertia by the composite rigid-body algorithm (MuJoCo's mj_crb): the composite inertia of each subtree
 * is the sum of its bodies' cinert (all about the same reference point), and
 * {@code M[i][j] = cdof_i . (crb[body(i)] cdof_j)} for every dof j on the path from dof i to the root; other
 * entries are zero. Armature is added to the diagonal. M is written dense and symmetric into {@code d.qM}.
 */
public final class Crb {
    private final Model m;

    public Crb(Model m) { this.m = m; }

    public void compute(Data d) {
        final int nv = m.nv, nb = m.nbody;
        final double[] crb = d.crb, qM = d.qM, cdof = d.cdof, armature = m.dofArmature;
        final int[] parent = m.bodyParentid, dofBody = m.dofBodyid, dofParent = m.dofParentid;
        System.arraycopy(d.cinert, 0, crb, 0, 10 * nb);
        for (int b = nb - 1; b > 0; b--) {
            int p = parent[b];
            if (p > 0) { // trees hanging from the world are independent
                int po = 10 * p, bo = 10 * b;
                for (int k = 0; k < 10; k++) crb[po + k] += crb[bo + k];
            }
        }
        java.util.Arrays.fill(qM, 0, nv * nv, 0);
        for (int i = 0; i < nv; i++) {
            // f = crb[body(i)] cdof_i (Spatial.inertiaTimesMotion), then M[i][j] = f . cdof_j (Spatial.dot6)
            int ii = 10 * dofBody[i], io = 6 * i;
            double wx = cdof[io], wy = cdof[io + 1], wz = cdof[io + 2], lx = cdof[io + 3], ly = cdof[io + 4],
                    lz = cdof[io + 5];
            double ixx = crb[ii], iyy = crb[ii + 1], izz = crb[ii + 2], ixy = crb[ii + 3], ixz = crb[ii + 4],
                    iyz = crb[ii + 5], hx = crb[ii + 6], hy = crb[ii + 7], hz = crb[ii + 8], mass = crb[ii + 9];
            double f0 = ixx * wx + ixy * wy + ixz * wz + (hy * lz - hz * ly);
            double f1 = ixy * wx + iyy * wy + iyz * wz + (hz * lx - hx * lz);
            double f2 = ixz * wx + iyz * wy + izz * wz + (hx * ly - hy * lx);
            double f3 = mass * lx - (hy * wz - hz * wy);
            double f4 = mass * ly - (hz * wx - hx * wz);
            double f5 = mass * lz - (hx * wy - hy * wx);
            for (int j = i; j >= 0; j = dofParent[j]) {
                int jo = 6 * j;
                double v = f0 * cdof[jo] + f1 * cdof[jo + 1] + f2 * cdof[jo + 2]
                        + f3 * cdof[jo + 3] + f4 * cdof[jo + 4] + f5 * cdof[jo + 5];
                qM[i * nv + j] = v;
                qM[j * nv + i] = v;
            }
            qM[i * nv + i] += armature[i];
        }
    }
}
