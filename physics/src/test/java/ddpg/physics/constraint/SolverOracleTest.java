package ddpg.physics.constraint;

import ddpg.physics.Accuracy;
import ddpg.physics.collision.OracleRecords;
import ddpg.physics.model.Data;
import ddpg.physics.model.Model;
import ddpg.physics.smooth.Kinematics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The constraint stage against MuJoCo 2.2.2 on each record's pre-state, with MuJoCo's M and qacc_smooth taken from
 * the record (poses and joint frames from our kinematics, which match MuJoCo's to round-off): same number of rows
 * and contacts, qacc and qfrc_constraint relative to the record's largest entry, the next velocity through an
 * independent Euler step, and the contact forces in Data consistent with qfrc_constraint.
 */
class SolverOracleTest {
    /** About 100x the worst error measured (qacc and qfrc_constraint relative to the record's largest entry). */
    static final Accuracy.Table BOUNDS = Accuracy.Table.of("""
                             cartpole  reacher  cheetah  walker  humanoid
            qacc             5e-14     5e-14    1e-12    5e-12   1e-12
            qacc_warm        5e-14     5e-14    1e-12    5e-12   2e-12
            qfrc_constraint  5e-13     1e-13    5e-12    1e-11   1e-11
            contact_forces   1e-14     1e-14    2e-14    5e-14   2e-14
            next_qvel        1e-14     1e-13    5e-12    5e-12   2e-11
            """);

    /** Data holding record r's pre-state, poses from our kinematics, and MuJoCo's M and qacc_smooth. */
    static Data recordState(OracleRecords o, double[] r, Kinematics kin) {
        Model m = o.m;
        Data d = new Data(m);
        System.arraycopy(o.qpos(r), 0, d.qpos, 0, m.nq);
        System.arraycopy(o.qvel(r), 0, d.qvel, 0, m.nv);
        System.arraycopy(o.qaccWarmstart(r), 0, d.qaccWarmstart, 0, m.nv);
        kin.compute(d);
        System.arraycopy(o.massMatrix(r), 0, d.qM, 0, m.nv * m.nv);
        System.arraycopy(o.qaccSmooth(r), 0, d.qaccSmooth, 0, m.nv);
        return d;
    }

    @ParameterizedTest
    @ValueSource(strings = {"cheetah", "walker", "humanoid", "cartpole", "reacher"})
    void qaccAndConstraintForceMatch(String model) {
        OracleRecords o = OracleRecords.load(model);
        Model m = o.m;
        ConstraintSolver cs = new ConstraintSolver(m);
        ConstraintSolver warm = new ConstraintSolver(m);
        warm.setUseWarmstart(true);
        Kinematics kin = new Kinematics(m);
        Jacobians jacobians = new Jacobians(m);
        double worstAcc = 0, worstFrc = 0, worstVel = 0, worstWarm = 0, worstForces = 0;
        for (double[] r : o.rows) {
            String where = model + " episode " + (int) r[0] + " step " + (int) r[1];
            Data d = recordState(o, r, kin);
            cs.apply(m, d);
            assertEquals(o.nefc(r), d.nefc, where + ": nefc");
            assertEquals(o.ncon(r), d.ncon, where + ": ncon");
            // MuJoCo's own start (the cheaper of warm start and qacc_smooth) reaches the same optimum
            Data dw = recordState(o, r, kin);
            warm.apply(m, dw);
            worstWarm = Math.max(worstWarm, relErr(o.qacc(r), dw.qacc));
            worstAcc = Math.max(worstAcc, relErr(o.qacc(r), d.qacc));
            worstFrc = Math.max(worstFrc, relErr(o.qfrcConstraint(r), d.qfrcConstraint));
            // contact forces in their frames (Data.contactForce), mapped back to joint space, add up to the
            // limit-free part of qfrc_constraint
            double[] fromContacts = new double[m.nv];
            jacobians.update(d);
            for (int c = 0; c < d.ncon; c++) {
                double[] f = {d.contactForce[3 * c], d.contactForce[3 * c + 1], d.contactForce[3 * c + 2]};
                assertTrue(f[0] >= 0, where + ": negative normal force");
                double[] row = new double[m.nv];
                int b1 = m.geomBodyid[d.contactGeom1[c]], b2 = m.geomBodyid[d.contactGeom2[c]];
                double[] fr = d.contactFrame, p = d.contactPos;
                for (int k = 0; k < 3; k++) {   // world force = f . frame rows
                    double wx = f[0] * fr[9 * c + k] + f[1] * fr[9 * c + 3 + k] + f[2] * fr[9 * c + 6 + k];
                    double dx = k == 0 ? 1 : 0, dy = k == 1 ? 1 : 0, dz = k == 2 ? 1 : 0;
                    java.util.Arrays.fill(row, 0);
                    jacobians.addPointJacobian(b2, p[3 * c], p[3 * c + 1], p[3 * c + 2], dx, dy, dz, 1, row, 0);
                    jacobians.addPointJacobian(b1, p[3 * c], p[3 * c + 1], p[3 * c + 2], dx, dy, dz, -1, row, 0);
                    for (int q = 0; q < m.nv; q++) fromContacts[q] += row[q] * wx;
                }
            }
            double[] limitFree = d.qfrcConstraint.clone();
            for (int i = 0; i < cs.rows().nefc; i++) {
                if (cs.rows().type[i] != Rows.LIMIT_JOINT) continue;
                for (int q = 0; q < m.nv; q++) limitFree[q] -= cs.rows().jac[i * m.nv + q] * cs.newton().force(i);
            }
            worstForces = Math.max(worstForces, maxAbs(limitFree) < 1e-9 ? 0 : relErr(limitFree, fromContacts));
            if (m.optIntegrator == Model.INT_EULER) {
                double[] next = eulerVelocity(m, o.massMatrix(r), o.qvel(r), d.qacc);
                double[] want = o.nextQvel(r);
                for (int k = 0; k < m.nv; k++) worstVel = Math.max(worstVel, Math.abs(next[k] - want[k]));
            }
        }
        Accuracy.check("solver " + model + " qacc (rel.)", worstAcc, BOUNDS.get("qacc", model));
        Accuracy.check("solver " + model + " qacc from the warm start (rel.)", worstWarm, BOUNDS.get("qacc_warm", model));
        Accuracy.check("solver " + model + " qfrc_constraint (rel.)", worstFrc, BOUNDS.get("qfrc_constraint", model));
        Accuracy.check("solver " + model + " contact forces = limit-free qfrc (rel.)", worstForces,
                BOUNDS.get("contact_forces", model));
        Accuracy.check("solver " + model + " next_qvel", worstVel, BOUNDS.get("next_qvel", model));
    }

    /**
     * MuJoCo 2.2.2's Euler step with implicit joint damping, written independently here so that the solver's qacc
     * is also checked through next_qvel: {@code qvel + h (M + h diag(damping))^-1 M qacc}.
     */
    static double[] eulerVelocity(Model m, double[] mass, double[] qvel, double[] qacc) {
        int nv = m.nv;
        double h = m.optTimestep;
        double[] a = mass.clone(), rhs = new double[nv], l = new double[nv * nv];
        for (int i = 0; i < nv; i++) {
            a[i * nv + i] += h * m.dofDamping[i];
            for (int k = 0; k < nv; k++) rhs[i] += mass[i * nv + k] * qacc[k];
        }
        Dense.cholesky(a, l, nv);
        Dense.cholSolve(l, rhs, nv);
        double[] v = new double[nv];
        for (int i = 0; i < nv; i++) v[i] = qvel[i] + h * rhs[i];
        return v;
    }

    static double maxAbs(double[] v) {
        double x = 0;
        for (double e : v) x = Math.max(x, Math.abs(e));
        return x;
    }

    static double relErr(double[] want, double[] got) {
        double scale = 0, err = 0;
        for (int i = 0; i < want.length; i++) {
            scale = Math.max(scale, Math.abs(want[i]));
            err = Math.max(err, Math.abs(want[i] - got[i]));
        }
        return scale == 0 ? err : err / scale;
    }
}
