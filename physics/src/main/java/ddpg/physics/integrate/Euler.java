package ddpg.physics.integrate;

import ddpg.physics.model.Data;
import ddpg.physics.model.Model;
import ddpg.physics.smooth.Factor;

/**
 * Semi-implicit Euler as in MuJoCo 2.2.2 (mj_Euler + mj_advance). When any dof has damping, the damping is treated
 * implicitly: the acceleration actually used is {@code a = (M + h D)^-1 M qacc}, D = diag(dof_damping). Since
 * {@code M qacc} is the total force (which already contains the explicit damping force {@code -D qvel}), this is
 * the acceleration for which the damping force is evaluated at the end-of-step velocity {@code qvel + h a}; it
 * keeps stiff damping (tiny inertias, large dt) stable. Then {@code qvel += h a}, and qpos is integrated with the
 * NEW qvel.
 */
public final class Euler {
    private final Model m;
    private final Positions positions;
    private final boolean damped;
    private final Factor factor;
    private final double[] mqacc, hDamping, qHLD, qHDiagInv;

    public Euler(Model m) {
        this.m = m;
        this.positions = new Positions(m);
        boolean any = false;
        for (int i = 0; i < m.nv; i++) any |= m.dofDamping[i] > 0;
        damped = any;
        factor = new Factor(m);
        mqacc = new double[m.nv];
        hDamping = new double[m.nv];
        for (int i = 0; i < m.nv; i++) hDamping[i] = m.optTimestep * m.dofDamping[i];
        qHLD = new double[factor.nnz];
        qHDiagInv = new double[m.nv];
    }

    /** Advances d by one step from the acceleration in d.qacc (the mass matrix in d.qM must be current). */
    public void step(Data d) {
        int nv = m.nv;
        double h = m.optTimestep;
        if (damped && (m.optDisableflags & Model.DSBL_PASSIVE) == 0) {
            factor.mulM(d.qM, d.qacc, mqacc);
            factor.factor(d.qM, hDamping, qHLD, qHDiagInv); // M + h D
            factor.solve(qHLD, qHDiagInv, mqacc);
        } else {
            System.arraycopy(d.qacc, 0, mqacc, 0, nv);
        }
        advance(d, mqacc, h);
    }

    /** MuJoCo's mj_advance: warm start := qacc, qvel += h a, qpos := qpos (+) h qvel, time += h. */
    private void advance(Data d, double[] a, double h) {
        System.arraycopy(d.qacc, 0, d.qaccWarmstart, 0, m.nv);
        for (int i = 0; i < m.nv; i++) d.qvel[i] += h * a[i];
        positions.integrate(d.qpos, d.qvel, 0, h);
        d.time += h;
    }
}
