package ddpg.physics.smooth;

import ddpg.physics.math.Spatial;
import ddpg.physics.model.Data;
import ddpg.physics.model.Model;

/**
 * Body accelerations and joint interaction forces after the constraint solve (MuJoCo's mj_rnePostConstraint),
 * needed only by acceleration sensors (accelerometer, force, torque):
 * {@code cacc[b] = cacc[parent] + cdofDot qvel + cdof qacc} (world: -gravity), contact forces as spatial forces on
 * bodies ({@code cfrcExt}), and {@code cfrcInt[b] = I cacc + v x* (I v) - cfrcExt}, summed over the subtree: the
 * force the parent exerts on the body's subtree through the joint, in the com-based frame.
 */
public final class RnePost {
    private final Model m;
    private final double[] a = new double[6], f = new double[6], iv = new double[6];

    public RnePost(Model m) { this.m = m; }

    public void compute(Data d) {
        contactForces(d);
        double[] cacc = d.cacc, cint = d.cfrcInt;
        java.util.Arrays.fill(cacc, 0, 6, 0);
        if ((m.optDisableflags & Model.DSBL_GRAVITY) == 0) {
            cacc[3] = -m.optGravity[0];
            cacc[4] = -m.optGravity[1];
            cacc[5] = -m.optGravity[2];
        }
        for (int b = 1; b < m.nbody; b++) {
            int p = m.bodyParentid[b];
            for (int k = 0; k < 6; k++) a[k] = cacc[6 * p + k];
            int d0 = m.bodyDofadr[b];
            for (int i = d0; i < d0 + m.bodyDofnum[b]; i++) {
                double qv = d.qvel[i], qa = d.qacc[i];
                for (int k = 0; k < 6; k++) a[k] += d.cdofDot[6 * i + k] * qv + d.cdof[6 * i + k] * qa;
            }
            System.arraycopy(a, 0, cacc, 6 * b, 6);
            Spatial.inertiaTimesMotion(d.cinert, 10 * b, a, 0, f, 0);
            Spatial.inertiaTimesMotion(d.cinert, 10 * b, d.cvel, 6 * b, iv, 0);
            Spatial.crossForce(d.cvel, 6 * b, iv, 0, cint, 6 * b);
            for (int k = 0; k < 6; k++) cint[6 * b + k] += f[k] - d.cfrcExt[6 * b + k];
        }
        java.util.Arrays.fill(cint, 0, 6, 0);
        for (int b = m.nbody - 1; b > 0; b--) {
            int p = m.bodyParentid[b];
            if (p > 0) for (int k = 0; k < 6; k++) cint[6 * p + k] += cint[6 * b + k];
        }
    }

    /** cfrcExt: each contact's force pushes geom2's body (+) and geom1's body (-), applied at the contact point. */
    private void contactForces(Data d) {
        java.util.Arrays.fill(d.cfrcExt, 0);
        for (int c = 0; c < d.ncon; c++) {
            int o = 9 * c;
            double fn = d.contactForce[3 * c], f1 = d.contactForce[3 * c + 1], f2 = d.contactForce[3 * c + 2];
            double[] fr = d.contactFrame;
            double fx = fn * fr[o] + f1 * fr[o + 3] + f2 * fr[o + 6];
            double fy = fn * fr[o + 1] + f1 * fr[o + 4] + f2 * fr[o + 7];
            double fz = fn * fr[o + 2] + f1 * fr[o + 5] + f2 * fr[o + 8];
            applyAt(d, m.geomBodyid[d.contactGeom2[c]], c, fx, fy, fz);
            applyAt(d, m.geomBodyid[d.contactGeom1[c]], c, -fx, -fy, -fz);
        }
    }

    private void applyAt(Data d, int b, int c, double fx, double fy, double fz) {
        if (b == 0) return;
        int r = m.bodyRootid[b];
        double px = d.contactPos[3 * c] - d.subtreeCom[3 * r], py = d.contactPos[3 * c + 1] - d.subtreeCom[3 * r + 1],
                pz = d.contactPos[3 * c + 2] - d.subtreeCom[3 * r + 2];
        int o = 6 * b;
        d.cfrcExt[o] += py * fz - pz * fy;
        d.cfrcExt[o + 1] += pz * fx - px * fz;
        d.cfrcExt[o + 2] += px * fy - py * fx;
        d.cfrcExt[o + 3] += fx;
        d.cfrcExt[o + 4] += fy;
        d.cfrcExt[o + 5] += fz;
    }
}
