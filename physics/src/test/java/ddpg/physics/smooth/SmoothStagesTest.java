package ddpg.physics.smooth;

import ddpg.physics.Accuracy;
import ddpg.physics.model.Data;
import ddpg.physics.model.Model;
import ddpg.physics.validate.OracleCsv;
import ddpg.physics.validate.PipelineFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static ddpg.physics.validate.PipelineFixtures.error;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each smooth stage on its own, run only as far as it needs, against MuJoCo 2.2.2's values for every fixture
 * record and every shipped seed-21 record (error absolute or relative to the field's scale, whichever is smaller). Run on both the project's model
 * file (our loader) and MuJoCo's own compilation of the dm_control original (model_fields.txt), so a loader
 * difference and a dynamics difference show up separately.
 */
class SmoothStagesTest {
    /** About 100x the worst error measured on the fixtures, for either compilation. */
    static final Accuracy.Table BOUNDS = Accuracy.Table.of("""
                           cartpole  reacher  cheetah  walker  humanoid
            poses          5e-14     5e-14    5e-14    5e-14   5e-14
            M              1e-14     1e-14    5e-14    5e-14   5e-14
            qfrc_bias      1e-13     1e-14    5e-14    5e-14   2e-13
            qfrc_passive   1e-14     1e-14    1e-14    1e-14   1e-14
            qfrc_actuator  1e-14     1e-14    1e-14    1e-14   1e-14
            qacc_smooth    2e-13     5e-13    5e-13    2e-12   5e-12
            sensordata     -         -        5e-14    1e-13   5e-12
            """);

    @ParameterizedTest
    @ValueSource(strings = {"cartpole", "reacher", "cheetah", "walker", "humanoid"})
    void kinematicsAndComMatchMujoco(String name) {
        for (Model m : models(name)) for (OracleCsv csv : PipelineFixtures.transitionSets(name)) {
            Data d = new Data(m);
            Kinematics kin = new Kinematics(m);
            ComPos com = new ComPos(m);
            double worst = 0;
            for (int r = 0; r < csv.rows(); r++) {
                PipelineFixtures.load(m, csv, r, d);
                kin.compute(d);
                com.compute(d);
                worst = Math.max(worst, error(d.xpos, PipelineFixtures.matrix(csv, r, "xpos", m.nbody, 3)));
                worst = Math.max(worst, error(d.xquat, PipelineFixtures.matrix(csv, r, "xquat", m.nbody, 4)));
                worst = Math.max(worst, error(d.subtreeCom, 3, PipelineFixtures.vector(csv, r, "subtree_com1", 3)));
            }
            Accuracy.check("smooth " + name + src(m) + PipelineFixtures.label(csv) + " xpos/xquat/subtree_com", worst, BOUNDS.get("poses", name));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cartpole", "reacher", "cheetah", "walker", "humanoid"})
    void massMatrixByCrbMatchesMujoco(String name) {
        for (Model m : models(name)) for (OracleCsv csv : PipelineFixtures.transitionSets(name)) {
            Data d = new Data(m);
            Kinematics kin = new Kinematics(m);
            ComPos com = new ComPos(m);
            Crb crb = new Crb(m);
            double worst = 0;
            for (int r = 0; r < csv.rows(); r++) {
                PipelineFixtures.load(m, csv, r, d);
                kin.compute(d);
                com.compute(d);
                crb.compute(d);
                worst = Math.max(worst, error(d.qM, PipelineFixtures.matrix(csv, r, "M", m.nv, m.nv)));
            }
            Accuracy.check("smooth " + name + src(m) + PipelineFixtures.label(csv) + " M", worst, BOUNDS.get("M", name));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cartpole", "reacher", "cheetah", "walker", "humanoid"})
    void biasPassiveActuatorAndSmoothAccelerationMatchMujoco(String name) {
        for (Model m : models(name)) for (OracleCsv csv : PipelineFixtures.transitionSets(name)) {
            Data d = new Data(m);
            Kinematics kin = new Kinematics(m);
            ComPos com = new ComPos(m);
            Crb crb = new Crb(m);
            ComVel vel = new ComVel(m);
            Rne rne = new Rne(m);
            Passive passive = new Passive(m);
            Actuation act = new Actuation(m);
            Factor factor = new Factor(m);
            double bias = 0, pas = 0, actErr = 0, acc = 0;
            double[] a = new double[m.nv];
            for (int r = 0; r < csv.rows(); r++) {
                PipelineFixtures.load(m, csv, r, d);
                kin.compute(d);
                com.compute(d);
                crb.compute(d);
                factor.factor(d.qM, null, d.qLD, d.qLDiagInv);
                act.transmission(d);
                vel.compute(d);
                rne.compute(d);
                passive.compute(d);
                act.compute(d);
                for (int i = 0; i < m.nv; i++) a[i] = d.qfrcPassive[i] + d.qfrcActuator[i] - d.qfrcBias[i];
                factor.solve(d.qLD, d.qLDiagInv, a);
                bias = Math.max(bias, error(d.qfrcBias, PipelineFixtures.vector(csv, r, "qfrc_bias", m.nv)));
                pas = Math.max(pas, error(d.qfrcPassive, PipelineFixtures.vector(csv, r, "qfrc_passive", m.nv)));
                actErr = Math.max(actErr, error(d.qfrcActuator, PipelineFixtures.vector(csv, r, "qfrc_actuator", m.nv)));
                acc = Math.max(acc, error(a, PipelineFixtures.vector(csv, r, "qacc_smooth", m.nv)));
            }
            String where = "smooth " + name + src(m) + PipelineFixtures.label(csv);
            Accuracy.check(where + " qfrc_bias", bias, BOUNDS.get("qfrc_bias", name));
            Accuracy.check(where + " qfrc_passive", pas, BOUNDS.get("qfrc_passive", name));
            Accuracy.check(where + " qfrc_actuator", actErr, BOUNDS.get("qfrc_actuator", name));
            Accuracy.check(where + " qacc_smooth", acc, BOUNDS.get("qacc_smooth", name));
        }
    }

    /** Which compilation: ours of the project's file, or MuJoCo's of the original (model_fields.txt). */
    static String src(Model m) {
        return m.source.endsWith("model_fields.txt") ? " (MuJoCo-compiled)" : " (our compiler)";
    }

    static Model[] models(String name) {
        return new Model[]{PipelineFixtures.model(name), PipelineFixtures.mujocoCompiled(name)};
    }
}
