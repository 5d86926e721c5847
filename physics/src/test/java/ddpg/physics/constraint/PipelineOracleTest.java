package ddpg.physics.constraint;

import ddpg.physics.Simulator;
import ddpg.physics.collision.Contacts;
import ddpg.physics.collision.OracleRecords;
import ddpg.physics.model.Data;
import ddpg.physics.model.Model;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole pipeline (smooth dynamics + this stage + integrator) against MuJoCo 2.2.2: from each record's
 * pre-state (qpos, qvel, ctrl, qacc_warmstart) one {@link Simulator#step()}; contacts (absolute), qacc and
 * qfrc_constraint (relative to the record's largest entry), next_qpos/next_qvel (absolute) within about 100x the
 * worst error measured on either record set.
 */
class PipelineOracleTest {
    static final ddpg.physics.Accuracy.Table BOUNDS = ddpg.physics.Accuracy.Table.of("""
                             cartpole  reacher  cheetah  walker  humanoid
            contacts         1e-14     1e-14    5e-14    5e-14   5e-13
            qacc             1e-13     2e-13    2e-12    5e-12   1e-11
            qfrc_constraint  5e-13     1e-13    5e-12    1e-11   1e-11
            next_qpos        1e-14     1e-14    1e-13    5e-14   2e-13
            next_qvel        1e-13     5e-13    1e-11    2e-11   5e-11
            """);

    @ParameterizedTest
    @ValueSource(strings = {"cheetah", "walker", "humanoid", "cartpole", "reacher"})
    void oneStepFromEachRecord(String model) {
        Model oracleModel = OracleRecords.load(model).m;
        dropSensors(oracleModel);
        check(OracleRecords.load(model, "constraints_transitions.csv", oracleModel), "MuJoCo-compiled, public records");
    }

    /**
     * Production path: our MJCF compiler on our own model files, against records that mjref made from those same
     * files (seed 2; see CONSTRAINTS.md).
     */
    @ParameterizedTest
    @ValueSource(strings = {"cheetah", "walker", "humanoid", "cartpole", "reacher"})
    void builtinModelsAgainstFreshRecordsOfTheSameFiles(String model) {
        check(OracleRecords.load(model, "constraints_own_seed2.csv", ddpg.physics.mjcf.Models.builtin(model)),
                "our compiler, seed-2 records");
    }

    /** The same, on the shipped seed-21 records (a few hundred per model, from our own model files). */
    @ParameterizedTest
    @ValueSource(strings = {"cheetah", "walker", "humanoid", "cartpole", "reacher"})
    void builtinModelsAgainstTheShippedSeed21Records(String model) {
        check(OracleRecords.resource(model, ddpg.physics.validate.ShippedOracle.ROOT + model + "/transitions_seed21.csv",
                ddpg.physics.mjcf.Models.builtin(model)), "our compiler, shipped seed-21 records");
    }

    private static void check(OracleRecords o, String set) {
        String model = o.model;
        Model m = o.m;
        ConstraintSolver stage = new ConstraintSolver(m);
        Simulator sim = new Simulator(m, stage);
        Data d = sim.data;
        double worstAcc = 0, worstFrc = 0, worstPos = 0, worstVel = 0, worstContact = 0;
        for (double[] r : o.rows) {
            String where = model + " episode " + (int) r[0] + " step " + (int) r[1];
            load(o, r, d);
            sim.forward();     // the record's accelerations come from mj_forward on the pre-state
            assertEquals(o.ncon(r), d.ncon, where + ": ncon");
            assertEquals(o.nefc(r), d.nefc, where + ": nefc");
            Contacts con = stage.contacts();
            for (int c = 0; c < Math.min(con.count, o.contactSlots()); c++) {
                String p = "contact[" + c + "].";
                assertEquals((int) o.get(r, p + "geom1"), con.geom1[c], where);
                assertEquals((int) o.get(r, p + "geom2"), con.geom2[c], where);
                worstContact = Math.max(worstContact, Math.abs(o.get(r, p + "dist") - con.dist[c]));
                for (int k = 0; k < 3; k++) worstContact = Math.max(worstContact, Math.abs(o.get(r, p + "pos[" + k + "]") - con.pos[3 * c + k]));
                for (int k = 0; k < 9; k++) worstContact = Math.max(worstContact, Math.abs(o.get(r, p + "frame[" + k + "]") - con.frame[9 * c + k]));
            }
            worstAcc = Math.max(worstAcc, SolverOracleTest.relErr(o.qacc(r), d.qacc));
            worstFrc = Math.max(worstFrc, SolverOracleTest.relErr(o.qfrcConstraint(r), d.qfrcConstraint));
            load(o, r, d);
            sim.step();        // RK4 re-solves the constraints in every stage, so step from the pre-state again
            worstPos = Math.max(worstPos, maxAbsDiff(o.nextQpos(r), d.qpos));
            worstVel = Math.max(worstVel, maxAbsDiff(o.nextQvel(r), d.qvel));
        }
        String w = "pipeline " + model + " (" + set + ") ";
        ddpg.physics.Accuracy.check(w + "contacts", worstContact, BOUNDS.get("contacts", model));
        ddpg.physics.Accuracy.check(w + "qacc (rel.)", worstAcc, BOUNDS.get("qacc", model));
        ddpg.physics.Accuracy.check(w + "qfrc_constraint (rel.)", worstFrc, BOUNDS.get("qfrc_constraint", model));
        ddpg.physics.Accuracy.check(w + "next_qpos", worstPos, BOUNDS.get("next_qpos", model));
        ddpg.physics.Accuracy.check(w + "next_qvel", worstVel, BOUNDS.get("next_qvel", model));
    }

    static void load(OracleRecords o, double[] r, Data d) {
        Model m = o.m;
        System.arraycopy(o.qpos(r), 0, d.qpos, 0, m.nq);
        System.arraycopy(o.qvel(r), 0, d.qvel, 0, m.nv);
        System.arraycopy(o.vec(r, "ctrl[0]", m.nu), 0, d.ctrl, 0, m.nu);
        System.arraycopy(o.qaccWarmstart(r), 0, d.qaccWarmstart, 0, m.nv);
    }

    /** The dm_control humanoid's touch/force/IMU sensors play no part in the dynamics; our pipeline omits them. */
    static void dropSensors(Model m) {
        m.nsensor = 0;
        m.nsensordata = 0;
        m.sensorType = new int[0];
        m.sensorObjtype = new int[0];
        m.sensorObjid = new int[0];
        m.sensorDim = new int[0];
        m.sensorAdr = new int[0];
    }

    static double maxAbsDiff(double[] a, double[] b) {
        double e = 0;
        for (int i = 0; i < a.length; i++) e = Math.max(e, Math.abs(a[i] - b[i]));
        return e;
    }
}
