package ddpg.physics.smooth;

import ddpg.physics.math.Spatial;
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
    private final double[] a = new double[6], f = new double[6], iv = new double[6];

    public Rne(Model m) { this.m = m; }

    public void compute(Data d) {
        double[] cacc = d.cacc, cfrc = d.cfrcBody;
        java.util.Arrays.fill(cacc, 0, 6, 0);
        if ((m.optDisableflags & Model.DSBL_GRAVITY) == 0) {
            cacc[3] = -m.optGravity[0];
            cacc[4] = -m.optGravity[1];
            cacc[5] = -m.optGravity[2];
        }
        // forward pass: accelerations, then each body's net force I a + v x* (I v)
        for (int b = 1; b < m.nbody; b++) {
            int p = m.bodyParentid[b];
            for (int k = 0; k < 6; k++) a[k] = cacc[6 * p + k];
            int d0 = m.bodyDofadr[b];
            for (int i = d0; i < d0 + m.bodyDofnum[b]; i++) {
                double q = d.qvel[i];
                for (int k = 0; k < 6; k++) a[k] += d.cdofDot[6 * i + k] * q;
            }
            System.arraycopy(a, 0, cacc, 6 * b, 6);
            Spatial.inertiaTimesMotion(d.cinert, 10 * b, a, 0, f, 0);
            Spatial.inertiaTimesMotion(d.cinert, 10 * b, d.cvel, 6 * b, iv, 0);
            Spatial.crossForce(d.cvel, 6 * b, iv, 0, cfrc, 6 * b);
            for (int k = 0; k < 6; k++) cfrc[6 * b + k] += f[k];
        }
        java.util.Arrays.fill(cfrc, 0, 6, 0);
        // backward pass: a subtree's force is carried by the joint above it
        for (int b = m.nbody - 1; b > 0; b--) {
            int p = m.bodyParentid[b];
            if (p > 0) for (int k = 0; k < 6; k++) cfrc[6 * p + k] += cfrc[6 * b + k];
        }
        for (int i = 0; i < m.nv; i++) {
            d.qfrcBias[i] = Spatial.dot6(d.cdof, 6 * i, cfrc, 6 * m.dofBodyid[i]);
        }
    }
}
