package ddpg.physics.integrate;

import ddpg.physics.Simulator;
import ddpg.physics.model.Model;
import ddpg.physics.validate.OracleCsv;
import ddpg.physics.validate.PipelineFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One mj_step from each fixture record's pre-state: Euler with implicit damping (reacher, cheetah, walker,
 * humanoid) and RK4 (cartpole). Records without constraint rows must match within 1e-9; records with constraints
 * within 1e-6 (the constraint solver's target).
 */
class StepTest {
    @ParameterizedTest
    @ValueSource(strings = {"cartpole", "reacher", "cheetah", "walker", "humanoid"})
    void nextStateMatchesMujoco(String name) {
        Model m = PipelineFixtures.model(name);
        OracleCsv csv = PipelineFixtures.transitions(name);
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
        assertTrue(smooth <= 1e-9, name + ": next state off by " + smooth + " on constraint-free records");
        assertTrue(constrained <= 1e-6, name + ": next state off by " + constrained + " on constrained records");
        assertTrue(nSmooth > 0 || name.equals("humanoid"), name + ": fixture has no constraint-free record");
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
