package ddpg.examples;

import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import ddpg.engine.autograd.NoGrad;
import ddpg.physics.env.ControlSuiteEnv;
import ddpg.physics.env.StepResult;
import ddpg.physics.env.Tasks;
import ddpg.rl.ddpg.Actor;
import ddpg.rl.train.PolicyFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class E08RunExportedActorTest {
    @TempDir Path dir;

    /** A freshly initialised actor (no trained one in CI), exported the way a training run does. */
    private Actor exportFresh(String task, int obs, int act) throws Exception {
        Actor a = new Actor(obs, act, new int[] {16, 16}, false, 3e-3, new Rng(9));
        PolicyFiles.export(dir, a, task, 0);
        return a;
    }

    @Test
    @SuppressWarnings("try") // scopes (Arena, NoGrad) are used only for their open/close
    void loadedActorActsExactlyLikeTheExportedOne() throws Exception {
        Actor original = exportFresh("cartpole-balance", 5, 1);
        E08RunExportedActor.Result r = E08RunExportedActor.run(dir, 1, 1000, false);
        assertEquals("cartpole-balance", r.task());
        assertEquals(original.stateDict().keySet(), r.tensors().keySet());
        original.stateDict().forEach((k, v) -> assertArrayEquals(v.shape(), r.tensors().get(k), k));

        // The same episode, driven by the in-memory original: same actions and the same return, bit for bit.
        ControlSuiteEnv env = Tasks.make("cartpole-balance");
        double[] obs = env.reset(1000), action = new double[1], first = new double[5];
        double ret = 0;
        for (int t = 0; ; t++) {
            try (NoGrad ignored = NoGrad.enter()) {
                float[] row = new float[5];
                for (int j = 0; j < 5; j++) row[j] = (float) obs[j];
                action[0] = original.forward(Tensor.fromArray(row, 1, 5)).get(0);
            }
            if (t < 5) first[t] = action[0];
            StepResult s = env.step(action);
            ret += s.reward();
            if (s.last()) break;
            obs = s.observation();
        }
        assertArrayEquals(first, r.firstActions(), 0.0);
        assertEquals(ret, r.returns()[0], 0.0);
        assertTrue(ret > 0, "cartpole-balance pays while the pole is up");
    }

    @Test
    void runFolderPathWorksToo() throws Exception {
        exportFresh("cartpole-swingup", 5, 1);
        assertEquals(1, E08RunExportedActor.run(dir, 1, 1, false).returns().length);
    }

    @Test
    void badInputsGiveClearErrors() throws Exception {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> E08RunExportedActor.run(dir.resolve("nope.json"), 1, 1, false));
        assertTrue(missing.getMessage().contains("not found"), missing.getMessage());

        exportFresh("walker-run", 5, 1);   // sizes of cartpole, task of walker
        IllegalArgumentException sizes = assertThrows(IllegalArgumentException.class, () -> E08RunExportedActor.run(dir, 1, 1, false));
        assertTrue(sizes.getMessage().contains("walker-run has 24"), sizes.getMessage());

        Path json = dir.resolve(PolicyFiles.DESCRIPTION);
        Files.writeString(json, Files.readString(json).replace("16", "32"));   // the description no longer fits the weights
        Exception shapes = assertThrows(Exception.class, () -> E08RunExportedActor.load(json));
        assertTrue(shapes.getMessage().contains("does not match the model"), shapes.getMessage());
    }
}
