package ddpg.physics.smooth;

import ddpg.physics.math.Spatial;
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
    private final double[] f = new double[6];

    public Crb(Model m) { this.m = m; }

    public void compute(Data d) {
        int nv = m.nv;
        System.arraycopy(d.cinert, 0, d.crb, 0, d.cinert.length);
        for (int b = m.nbody - 1; b > 0; b--) {
            int p = m.bodyParentid[b];
            if (p > 0) { // trees hanging from the world are independent
                for (int k = 0; k < 10; k++) d.crb[10 * p + k] += d.crb[10 * b + k];
            }
        }
        java.util.Arrays.fill(d.qM, 0);
        for (int i = 0; i < nv; i++) {
            Spatial.inertiaTimesMotion(d.crb, 10 * m.dofBodyid[i], d.cdof, 6 * i, f, 0);
            for (int j = i; j >= 0; j = m.dofParentid[j]) {
                double v = Spatial.dot6(f, 0, d.cdof, 6 * j);
                d.qM[i * nv + j] = v;
                d.qM[j * nv + i] = v;
            }
            d.qM[i * nv + i] += m.dofArmature[i];
        }
    }
}
