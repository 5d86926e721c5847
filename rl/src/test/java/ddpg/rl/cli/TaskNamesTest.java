package ddpg.rl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task names as people type them: any case, Gymnasium names, several seeds. */
class TaskNamesTest extends ConsoleTest {
    @TempDir Path tmp;

    @Test
    void caseDoesNotMatterAndTheRunIsNamedCanonically() throws Exception {
        assertEquals("walker-run", TaskNames.canonical("Walker-Run"));
        assertEquals(0, run("--task", "CartPole-SwingUp", "--steps", "50", "--warmup", "50", "--eval-every", "50",
                "--eval-episodes", "1", "--no-gif", "--no-tensorboard", "--out", tmp.toString()), errText());
        try (Stream<Path> s = Files.list(tmp)) {
            String name = s.findFirst().orElseThrow().getFileName().toString();
            assertTrue(name.startsWith("cartpole-swingup-s1-"), name);
        }
    }

    @Test
    void gymnasiumNamesPointToTheClosestTask() {
        assertOneLineError(run("--task", "HalfCheetah-v4", "--out", tmp.toString()), "closest Control Suite task here is cheetah-run");
        assertOneLineError(run("--task", "Walker2d-v5", "--out", tmp.toString()), "walker-run");
        assertOneLineError(run("sweep", "--tasks", "Humanoid-v4", "--out", tmp.resolve("s").toString()), "humanoid-walk");
        assertOneLineError(run("--task", "walker-rnu", "--out", tmp.toString()), "did you mean 'walker-run'?");
    }

    @Test
    void severalSeedsPointToSweep() {
        assertOneLineError(run("--task", "walker-run", "--seed", "1,2,3", "--out", tmp.toString()), "sweep --tasks walker-run --seeds 1,2,3");
        assertOneLineError(run("--task", "walker-run", "--seed", "1-3", "--out", tmp.toString()), "--seeds 1-3");
    }
}
