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
        double[] gx = new double[3 * m.ngeom], gm = new double[9 * m.ngeom], xmat = new double[9 * m.nbody];
        double[] qacc = new double[m.nv], qfrc = new double[m.nv];
        double worstAcc = 0, worstFrc = 0;
        for (double[] r : o.rows) {
            double[] xquat = o.xquat(r);
            for (int b = 0; b < m.nbody; b++) GeomPoses.quatToMat(xquat, 4 * b, xmat, 9 * b);
            o.geomPoses(r, gx, gm);
            cs.solve(o.qpos(r), o.qvel(r), o.xpos(r), xmat, gx, gm, o.massMatrix(r), o.qaccSmooth(r),
                    o.qaccWarmstart(r), qacc, qfrc);
            String where = model + " episode " + (int) r[0] + " step " + (int) r[1];
            assertEquals(o.nefc(r), cs.rows().nefc, where + ": nefc");
            worstAcc = Math.max(worstAcc, relErr(o.qacc(r), qacc));
            worstFrc = Math.max(worstFrc, relErr(o.qfrcConstraint(r), qfrc));
            assertTrue(relErr(o.qacc(r), qacc) < TOL, where + ": qacc error " + relErr(o.qacc(r), qacc));
            assertTrue(relErr(o.qfrcConstraint(r), qfrc) < TOL, where + ": qfrc_constraint error "
                    + relErr(o.qfrcConstraint(r), qfrc));
        }
        System.out.printf("%s: worst qacc %.2e, qfrc_constraint %.2e (relative to the record's largest entry)%n",
                model, worstAcc, worstFrc);
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
