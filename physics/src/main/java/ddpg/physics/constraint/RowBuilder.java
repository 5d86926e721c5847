package ddpg.physics.constraint;

import ddpg.physics.collision.Contacts;
import ddpg.physics.model.Model;

/**
 * Builds the constraint rows of a state: joint limits first, then contacts (MuJoCo's order: equality, friction
 * loss, limit, contact; this model family has no equality or friction-loss rows), and their soft-constraint
 * parameters.
 *
 * <p>Limit of a hinge/slide joint: a row when the distance to a range end, {@code q - lo} or {@code hi - q}, is
 * below the joint margin; Jacobian +1 / -1 on the joint's dof. Contact: a row set when {@code dist < margin - gap};
 * condim 1 gives the normal row, condim 3 the four edges of the friction pyramid, {@code n +- mu t1},
 * {@code n +- mu t2}, each with the contact distance as residual. Jacobians are relative velocities at the contact
 * point, geom2's body minus geom1's body, projected on those directions.
 *
 * <p>Regulariser: {@code R = (1-d)/d * diagApprox} with MuJoCo's compile-time approximation of diag(J M^-1 J^T):
 * {@code dof_invweight0} for limits, the two bodies' translational {@code body_invweight0} for contacts; all rows
 * of a friction pyramid use the edge approximation {@code (1 + mu^2) tran} and then share
 * {@code R = 2 mu^2 R_edge / impratio} (found against MuJoCo 2.2.2's forces: with mu = 0.7 the factor
 * {@code 2 mu^2 (1 + mu^2)} on the normal row's R is the only one that reproduces them).
 */
public final class RowBuilder {
    private final Model m;
    private final Jacobians jacobians;
    private final boolean refsafe;

    public RowBuilder(Model m, Jacobians jacobians) {
        this.m = m;
        this.jacobians = jacobians;
        this.refsafe = (m.optDisableflags & Model.DSBL_REFSAFE) == 0;
        if (m.bodyInvweight0.length < 2 * m.nbody || m.dofInvweight0.length < m.nv) {
            throw new IllegalArgumentException(m.source + ": model has no body_invweight0/dof_invweight0 (compute "
                    + "them with ddpg.physics.constraint.InvWeights before simulating constraints)");
        }
    }

    /** Rows for state (qpos, qvel) with contacts {@code con}; {@link Jacobians#update} must be current. */
    public void build(double[] qpos, double[] qvel, Contacts con, Rows rows) {
        rows.clear();
        boolean limits = (m.optDisableflags & (Model.DSBL_LIMIT | Model.DSBL_CONSTRAINT)) == 0;
        if (limits) addLimits(qpos, rows);
        boolean contacts = (m.optDisableflags & (Model.DSBL_CONTACT | Model.DSBL_CONSTRAINT)) == 0;
        if (contacts && con != null) addContacts(con, rows);
        finish(qvel, con, rows);
    }

    private void addLimits(double[] qpos, Rows rows) {
        for (int j = 0; j < m.njnt; j++) {
            if (!m.jntLimited[j]) continue;
            int t = m.jntType[j];
            if (t != Model.JNT_HINGE && t != Model.JNT_SLIDE) {
                throw new IllegalArgumentException(m.source + ": limits on ball joints are not supported (joint "
                        + j + ")");
            }
            double q = qpos[m.jntQposadr[j]], margin = m.jntMargin[j];
            int dof = m.jntDofadr[j];
            for (int side = 0; side < 2; side++) {
                double dist = side == 0 ? q - m.jntRange[2 * j] : m.jntRange[2 * j + 1] - q;
                if (dist < margin) {
                    int i = rows.add(Rows.LIMIT_JOINT, j, dist, margin);
                    rows.jac[i * rows.nv + dof] = side == 0 ? 1 : -1;
                }
            }
        }
    }

    private void addContacts(Contacts con, Rows rows) {
        int nv = rows.nv;
        for (int c = 0; c < con.count; c++) {
            double dist = con.dist[c], margin = con.margin[c];
            if (dist >= margin - con.gap[c]) continue;   // in the gap: reported, but no force
            int b1 = m.geomBodyid[con.geom1[c]], b2 = m.geomBodyid[con.geom2[c]];
            double px = con.pos[3 * c], py = con.pos[3 * c + 1], pz = con.pos[3 * c + 2];
            int f = 9 * c;
            double[] fr = con.frame;
            if (con.dim[c] == 1) {
                int i = rows.add(Rows.CONTACT_FRICTIONLESS, c, dist, margin);
                relative(b1, b2, px, py, pz, fr[f], fr[f + 1], fr[f + 2], rows.jac, i * nv);
            } else if (con.dim[c] == 3) {
                for (int k = 0; k < 4; k++) {
                    int i = rows.add(Rows.CONTACT_PYRAMIDAL, c, dist, margin);
                    int t = k < 2 ? f + 3 : f + 6;
                    double mu = con.friction[5 * c + (k < 2 ? 0 : 1)] * ((k & 1) == 0 ? 1 : -1);
                    relative(b1, b2, px, py, pz, fr[f] + mu * fr[t], fr[f + 1] + mu * fr[t + 1],
                            fr[f + 2] + mu * fr[t + 2], rows.jac, i * nv);
                }
            } else {
                throw new IllegalArgumentException(m.source + ": condim " + con.dim[c] + " is not supported (geoms "
                        + con.geom1[c] + ", " + con.geom2[c] + "); use 1 or 3");
            }
        }
    }

    private void relative(int b1, int b2, double px, double py, double pz, double dx, double dy, double dz,
                          double[] row, int ro) {
        jacobians.addPointJacobian(b2, px, py, pz, dx, dy, dz, 1, row, ro);
        jacobians.addPointJacobian(b1, px, py, pz, dx, dy, dz, -1, row, ro);
    }

    /** Velocity, impedance, R, D and aref of every row. */
    private void finish(double[] qvel, Contacts con, Rows rows) {
        int nv = rows.nv;
        double h = m.optTimestep;
        for (int i = 0; i < rows.nefc; i++) {
            double v = 0;
            for (int k = 0; k < nv; k++) v += rows.jac[i * nv + k] * qvel[k];
            rows.vel[i] = v;
            double[] solref, solimp;
            int so, io;
            double diag;
            int id = rows.id[i];
            if (rows.type[i] == Rows.LIMIT_JOINT) {
                solref = m.jntSolref; so = 2 * id;
                solimp = m.jntSolimp; io = 5 * id;
                diag = m.dofInvweight0[m.jntDofadr[id]];
            } else {
                solref = con.solref; so = 2 * id;
                solimp = con.solimp; io = 5 * id;
                int b1 = m.geomBodyid[con.geom1[id]], b2 = m.geomBodyid[con.geom2[id]];
                diag = m.bodyInvweight0[2 * b1] + m.bodyInvweight0[2 * b2];
                if (rows.type[i] == Rows.CONTACT_PYRAMIDAL) {
                    // an edge n + mu t has squared length 1 + mu^2 in the translational approximation
                    double mu = con.friction[5 * id];
                    diag *= 1 + mu * mu;
                }
            }
            double violation = rows.pos[i] - rows.margin[i];
            double imp = Impedance.impedance(solimp, io, violation);
            double dmax = Impedance.dmax(solimp, io);
            double k = Impedance.stiffness(solref, so, dmax, h, refsafe);
            double b = Impedance.damping(solref, so, dmax, h, refsafe);
            double r = Math.max(Impedance.MINVAL, (1 - imp) / imp * diag);
            if (rows.type[i] == Rows.CONTACT_PYRAMIDAL) {
                double mu = con.friction[5 * id];
                r = Math.max(Impedance.MINVAL, 2 * mu * mu * r / m.optImpratio);
            }
            rows.imp[i] = imp;
            rows.diagApprox[i] = diag;
            rows.r[i] = r;
            rows.d[i] = 1 / r;
            rows.aref[i] = -b * v - k * imp * violation;
        }
    }
}
