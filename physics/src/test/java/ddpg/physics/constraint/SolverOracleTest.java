package ddpg.physics.constraint;

import ddpg.physics.collision.GeomPoses;
import ddpg.physics.collision.OracleRecords;
import ddpg.physics.model.Model;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The constraint stage against MuJoCo 2.2.2 on each record's pre-state (M and qacc_smooth taken from the record,
 * so only this stage is tested): same number of rows, qacc and qfrc_constraint within 1e-6 of the record's largest
 * entry.
 */
class SolverOracleTest {
    static final double TOL = 1e-6;

    @ParameterizedTest
    @ValueSource(strings = {"cheetah", "walker", "humanoid", "cartpole", "reacher"})
    void qaccAndConstraintForceMatch(String model) {
        OracleRecords o = OracleRecords.load(model);
        Model m = o.m;
        ConstraintSolver cs = new ConstraintSolver(m);
        ConstraintSolver warm = new ConstraintSolver(m);
        warm.setUseWarmstart(true);
        Kinematics kin = new Kinematics(m);
        double[] gx = new double[3 * m.ngeom], gm = new double[9 * m.ngeom], xmat = new double[9 * m.nbody];
        double[] qacc = new double[m.nv], qfrc = new double[m.nv];
        double worstAcc = 0, worstFrc = 0, worstVel = 0;
        for (double[] r : o.rows) {
            double[] xquat = o.xquat(r);
            for (int b = 0; b < m.nbody; b++) GeomPoses.quatToMat(xquat, 4 * b, xmat, 9 * b);
            o.geomPoses(r, gx, gm);
            cs.solve(o.qpos(r), o.qvel(r), o.xpos(r), xmat, gx, gm, o.massMatrix(r), o.qaccSmooth(r),
                    o.qaccWarmstart(r), qacc, qfrc);
            String where = model + " episode " + (int) r[0] + " step " + (int) r[1];
            assertEquals(o.nefc(r), cs.rows().nefc, where + ": nefc");
            // MuJoCo's own start (the cheaper of warm start and qacc_smooth) reaches the same optimum
            double[] warmAcc = new double[m.nv], warmFrc = new double[m.nv];
            warm.solve(o.qpos(r), o.qvel(r), o.xpos(r), xmat, gx, gm, o.massMatrix(r), o.qaccSmooth(r),
                    o.qaccWarmstart(r), warmAcc, warmFrc);
            assertTrue(relErr(o.qacc(r), warmAcc) < TOL, where + ": qacc error with warm start");
            worstAcc = Math.max(worstAcc, relErr(o.qacc(r), qacc));
            worstFrc = Math.max(worstFrc, relErr(o.qfrcConstraint(r), qfrc));
            assertTrue(relErr(o.qacc(r), qacc) < TOL, where + ": qacc error " + relErr(o.qacc(r), qacc));
            assertTrue(relErr(o.qfrcConstraint(r), qfrc) < TOL, where + ": qfrc_constraint error "
                    + relErr(o.qfrcConstraint(r), qfrc));
            // contact forces in their frames, mapped back to joint space, add up to the limit-free part of qfrc
            double[] fromContacts = new double[m.nv], f = new double[3];
            for (int c = 0; c < cs.contacts().count; c++) {
                cs.contactForce(c, f, 0);
                assertTrue(f[0] >= 0, where + ": negative normal force");
                double[] row = new double[m.nv];
                int b1 = m.geomBodyid[cs.contacts().geom1[c]], b2 = m.geomBodyid[cs.contacts().geom2[c]];
                double[] fr = cs.contacts().frame, p = cs.contacts().pos;
                for (int k = 0; k < 3; k++) {   // world force = f . frame rows
                    double wx = f[0] * fr[9 * c + k] + f[1] * fr[9 * c + 3 + k] + f[2] * fr[9 * c + 6 + k];
                    double dx = k == 0 ? 1 : 0, dy = k == 1 ? 1 : 0, dz = k == 2 ? 1 : 0;
                    java.util.Arrays.fill(row, 0);
                    kin.update(o.qpos(r), o.xpos(r), xmat);
                    kin.addPointJacobian(b2, p[3 * c], p[3 * c + 1], p[3 * c + 2], dx, dy, dz, 1, row, 0);
                    kin.addPointJacobian(b1, p[3 * c], p[3 * c + 1], p[3 * c + 2], dx, dy, dz, -1, row, 0);
                    for (int q = 0; q < m.nv; q++) fromContacts[q] += row[q] * wx;
                }
            }
            double[] limitFree = qfrc.clone();
            for (int i = 0; i < cs.rows().nefc; i++) {
                if (cs.rows().type[i] != Rows.LIMIT_JOINT) continue;
                for (int q = 0; q < m.nv; q++) limitFree[q] -= cs.rows().jac[i * m.nv + q] * cs.newton().force(i);
            }
            assertTrue(relErr(limitFree, fromContacts) < 1e-9 || maxAbs(limitFree) < 1e-9,
                    where + ": contact forces " + relErr(limitFree, fromContacts));
            if (m.optIntegrator == Model.INT_EULER) {
                double[] next = eulerVelocity(m, o.massMatrix(r), o.qvel(r), qacc);
                double[] want = o.nextQvel(r);
                for (int k = 0; k < m.nv; k++) worstVel = Math.max(worstVel, Math.abs(next[k] - want[k]));
            }
        }
        System.out.printf("%s: worst qacc %.2e, qfrc_constraint %.2e (relative to the record's largest entry), "
                + "next_qvel %.2e (absolute)%n", model, worstAcc, worstFrc, worstVel);
        assertTrue(worstVel < TOL, model + ": next_qvel error " + worstVel);
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
