package ddpg.physics.smooth;

import ddpg.physics.model.Data;
import ddpg.physics.model.Model;
import ddpg.physics.validate.OracleCsv;
import ddpg.physics.validate.PipelineFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static ddpg.physics.validate.PipelineFixtures.TOL;
import static ddpg.physics.validate.PipelineFixtures.error;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each smooth stage on its own, run only as far as it needs, against MuJoCo 2.2.2's values for every fixture
 * record (tolerance 1e-9, absolute or relative to the field's scale). Run on both the project's model file
 * (our loader) and MuJoCo's own compilation of the dm_control original (model_fields.txt), so a loader
 * difference and a dynamics difference show up separately.
 */
class SmoothStagesTest {
    @ParameterizedTest
    @ValueSource(strings = {"cartpole", "reacher", "cheetah", "walker", "humanoid"})
    void kinematicsAndComMatchMujoco(String name) {
        for (Model m : models(name)) {
            OracleCsv csv = PipelineFixtures.transitions(name);
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
            assertTrue(worst <= TOL, name + " (" + m.source + "): poses/com off by " + worst);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cartpole", "reacher", "cheetah", "walker", "humanoid"})
    void massMatrixByCrbMatchesMujoco(String name) {
        for (Model m : models(name)) {
            OracleCsv csv = PipelineFixtures.transitions(name);
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
            assertTrue(worst <= TOL, name + " (" + m.source + "): M off by " + worst);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cartpole", "reacher", "cheetah", "walker", "humanoid"})
    void biasPassiveActuatorAndSmoothAccelerationMatchMujoco(String name) {
        for (Model m : models(name)) {
            OracleCsv csv = PipelineFixtures.transitions(name);
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
            String where = name + " (" + m.source + ")";
            assertTrue(bias <= TOL, where + ": qfrc_bias off by " + bias);
            assertTrue(pas <= TOL, where + ": qfrc_passive off by " + pas);
            assertTrue(actErr <= TOL, where + ": qfrc_actuator off by " + actErr);
            assertTrue(acc <= TOL, where + ": qacc_smooth off by " + acc);
        }
    }

    static Model[] models(String name) {
        return new Model[]{PipelineFixtures.model(name), PipelineFixtures.mujocoCompiled(name)};
    }
}
