package ddpg.physics.integrate;

import ddpg.physics.Simulator;
import ddpg.physics.model.Model;
import ddpg.physics.validate.OracleCsv;
import ddpg.physics.validate.PipelineFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One mj_step from each fixture record's and each shipped seed-21 record's pre-state: Euler with implicit damping (reacher, cheetah, walker,
 * humanoid) and RK4 (cartpole), records without and with constraint rows apart; bounds about 100x the worst error
 * measured.
 */
class StepTest {
    static final ddpg.physics.Accuracy.Table BOUNDS = ddpg.physics.Accuracy.Table.of("""
                      cartpole  reacher  cheetah  walker  humanoid
            nefc_0    2e-14     5e-13    2e-13    1e-12   1e-11
            nefc_pos  1e-14     1e-14    1e-12    1e-12   1e-12
            """);

    @ParameterizedTest
    @ValueSource(strings = {"cartpole", "reacher", "cheetah", "walker", "humanoid"})
    void nextStateMatchesMujoco(String name) {
        Model m = PipelineFixtures.model(name);
        for (OracleCsv csv : PipelineFixtures.transitionSets(name)) {
            Simulator sim = new Simulator(m);
            double smooth = 0, constrained = 0;
            int nSmooth = 0;
            for (int r = 0; r < csv.rows(); r++) {
                PipelineFixtures.load(m, csv, r, sim.data);
                sim.step();
                double e = Math.max(
                        PipelineFixtures.error(sim.data.qpos, PipelineFixtures.vector(csv, r, "next_qpos", m.nq)),
                        PipelineFixtures.error(sim.data.qvel, PipelineFixtures.vector(csv, r, "next_qvel", m.nv)));
                if (csv.get(r, "nefc") == 0) {
                    smooth = Math.max(smooth, e);
                    nSmooth++;
                } else {
                    constrained = Math.max(constrained, e);
                }
            }
            String where = "step " + name + PipelineFixtures.label(csv);
            ddpg.physics.Accuracy.check(where + " next state, nefc = 0", smooth, BOUNDS.get("nefc_0", name));
            ddpg.physics.Accuracy.check(where + " next state, nefc > 0", constrained, BOUNDS.get("nefc_pos", name));
            assertTrue(nSmooth > 0 || name.equals("humanoid"), csv.file() + ": no constraint-free record");
        }
    }

    /** Explicit velocity update (qvel + h qacc) is measurably wrong for the reacher: the implicit damping matters. */
    @ParameterizedTest
    @ValueSource(strings = {"reacher"})
    void explicitDampingWouldNotMatch(String name) {
        Model m = PipelineFixtures.model(name);
        OracleCsv csv = PipelineFixtures.transitions(name);
        Simulator sim = new Simulator(m);
        double worst = 0;
        for (int r = 0; r < csv.rows(); r++) {
            PipelineFixtures.load(m, csv, r, sim.data);
            sim.forward();
            double[] ref = PipelineFixtures.vector(csv, r, "next_qvel", m.nv);
            for (int i = 0; i < m.nv; i++) {
                worst = Math.max(worst, Math.abs(sim.data.qvel[i] + m.optTimestep * sim.data.qacc[i] - ref[i]));
            }
        }
        assertTrue(worst > 1e-3, "explicit Euler unexpectedly matched (" + worst + "): fixture does not test damping");
    }
}
