package ddpg.rl.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.engine.io.SafeTensors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A NaN in the networks stops the run with one message naming the last good checkpoint, and never reaches a file:
 * not a checkpoint, not actor.safetensors. Tested by poisoning one element of a parameter mid-run.
 */
class NonFiniteTest {
    @TempDir Path out;

    /** A point-mass run (checkpoints at 540, 1020, ...; evaluations every 600) with a NaN put in after {@code step}. */
    private Trainer.Stopped poisoned(Path dir, RunConfig c, long step, String tensor) {
        Trainer t = TinyRuns.trainer(c, dir);
        t.poisonAfterStep = step;
        if (tensor != null) t.poisonTensor = tensor;
        return assertThrows(Trainer.Stopped.class, t::start);
    }

    private static void assertNoNonFiniteFile(Path dir) throws IOException {
        assertFalse(Files.exists(dir.resolve(PolicyFiles.WEIGHTS)), "no policy exported");
        for (Path ckpt : Checkpoint.list(dir)) {
            assertNull(Finite.firstProblem(SafeTensors.read(ckpt.resolve(Checkpoint.AGENT_FILE)).tensors()), ckpt.toString());
        }
    }

    @Test
    void aNanWeightDuringLearningStopsBeforeTheNextCheckpoint() throws IOException {
        RunConfig c = TinyRuns.config(3000);
        Path dir = TinyRuns.newRun(out, c);
        Trainer.Stopped e = poisoned(dir, c, 700, null);
        assertTrue(e.getMessage().contains("the networks diverged at step"), e.getMessage());
        assertTrue(e.getMessage().contains("the last good checkpoint, " + dir.resolve("checkpoints").resolve("step-000000000540")
                + ", is intact"), e.getMessage());
        assertTrue(Checkpoint.latest(dir).endsWith("step-000000000540"), "no checkpoint after the NaN");
        assertNoNonFiniteFile(dir);
    }

    @Test
    void aNanWeightBeforeAnyUpdateIsCaughtByTheScan() throws IOException {
        RunConfig c = TinyRuns.config(3000);
        c.agent.warmup = c.agent.learningStarts = 2900;
        Path dir = TinyRuns.newRun(out, c);
        // No update until step 2900, so no loss can show the NaN: the scan before the checkpoint at 540 must.
        Trainer.Stopped e = poisoned(dir, c, 100, "target_critic.joint.0.weight");
        assertTrue(e.getMessage().contains("tensor 'target_critic.joint.0.weight' holds NaN"), e.getMessage());
        assertTrue(e.getMessage().contains("no checkpoint was written yet"), e.getMessage());
        assertTrue(Checkpoint.list(dir).isEmpty());
        assertNoNonFiniteFile(dir);
    }

    @Test
    void aNonFiniteLossStopsAtThatUpdate() throws IOException {
        RunConfig c = TinyRuns.config(3000);
        Path dir = TinyRuns.newRun(out, c);
        Trainer probe = TinyRuns.trainer(c, TinyRuns.newRun(out.resolve("probe"), c));
        List<String> critic = probe.agent().stateTensors().keySet().stream().filter(k -> k.startsWith("critic.")).toList();
        String outputBias = critic.get(critic.size() - 1); // Q = ... + b: a NaN here is in every Q, so in the loss
        Trainer.Stopped e = poisoned(dir, c, 700, outputBias);
        assertTrue(e.getMessage().contains("the critic loss is NaN"), e.getMessage());
        assertTrue(e.getMessage().contains("at step 701"), "stopped at the first update after the NaN: " + e.getMessage());
        assertNoNonFiniteFile(dir);
    }
}
