package ddpg.physics.tasks;

import ddpg.physics.env.Tasks;
import ddpg.physics.validate.EpisodeCsv;
import static org.junit.jupiter.api.Assertions.*;

import ddpg.physics.model.Model;
import ddpg.physics.validate.ModelFields;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The initial-state draws, without any simulator: from the default state, our {@code initializeEpisode} with the
 * seed-7 stream must write exactly the qpos/qvel (and reacher target) of the reset row that real MuJoCo + the
 * reference harness recorded (fixture tasks/TASK/episode_0.csv, seed 7). This pins the distributions and the draw
 * order. (Cheetah settles with physics, and the humanoid's rejection loop needs collision detection: those are
 * checked through the simulator in the reset tests.)
 */
class InitialStateDrawTest {
    /** Just the state arrays; no dynamics. */
    static final class StatePhysics extends TaskPhysics {
        final Model model;
        final double[] qpos, qvel, ctrl;

        StatePhysics(Model m) {
            model = m;
            qpos = m.qpos0.clone();
            qvel = new double[m.nv];
            ctrl = new double[m.nu];
        }

        @Override public Model model() { return model; }
        @Override public double[] qpos() { return qpos; }
        @Override public double[] qvel() { return qvel; }
        @Override public double[] ctrl() { return ctrl; }
        @Override public double[] xpos() { throw new UnsupportedOperationException(); }
        @Override public double[] xmat() { throw new UnsupportedOperationException(); }
        @Override public double[] geomXpos() { throw new UnsupportedOperationException(); }
        @Override public double[] sensordata() { throw new UnsupportedOperationException(); }
        @Override public int ncon() { return 0; }
        @Override public void resetData() {}
        @Override public void forward() {}
        @Override public void step(int n) { throw new UnsupportedOperationException(); }
        @Override public void setTime(double t) {}
        @Override public String divergence() { return null; }
        @Override public int constraintRowsInLastStep() { return 0; }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cartpole-swingup", "cartpole-balance", "reacher-easy", "reacher-hard", "walker-stand",
            "walker-run", "humanoid-walk"})
    void seedSevenDrawsTheRecordedInitialState(String name) {
        Model model = ModelFields.loadResource("/oracle/" + Tasks.domain(name));
        Task task = Tasks.task(name, model);
        StatePhysics p = new StatePhysics(model);
        task.initializeEpisode(p, SplitMix64.stream(7, SplitMix64.KIND_TASK_INIT));
        EpisodeCsv.Row reset = EpisodeCsv.resource("/tasks/" + name + "/episode_0.csv").rows.get(0);
        assertTrue(reset.isReset());
        for (int i = 0; i < model.nq; i++) {
            // The free joint's quaternion is renormalised in place by MuJoCo's forward pass (last-bit changes),
            // which this simulator-free stub does not run.
            boolean quaternion = name.startsWith("humanoid") && i >= 3 && i < 7;
            assertEquals(reset.qpos()[i], p.qpos[i], quaternion ? 1e-15 : 0.0, name + " qpos[" + i + "]");
        }
        assertArrayEquals(reset.qvel(), p.qvel, 0.0, name + " qvel");
        if (task instanceof Reacher) {
            Reacher r = (Reacher) task;
            assertArrayEquals(reset.target(), r.target(), 0.0, "target");
            assertEquals(name.endsWith("easy") ? 0.05 : 0.015, model.geomSize[3 * model.geomId("target")]);
        }
    }
}
