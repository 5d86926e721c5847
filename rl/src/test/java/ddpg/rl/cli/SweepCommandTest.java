package ddpg.rl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sweep's refusals: one line, exit 2, and nothing created. Running sweeps is LocalSweepTest and SlurmSweepTest. */
class SweepCommandTest extends ConsoleTest {
    @TempDir Path tmp;

    private int sweep(String... more) {
        String[] head = {"sweep", "--out", tmp.resolve("sw").toString(), "--steps", "1000"};
        String[] all = new String[head.length + more.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(more, 0, all, head.length, more.length);
        return run(all);
    }

    @Test
    void badInputIsOneLineAndCreatesNothing() {
        assertOneLineError(sweep("--tasks", "walker-run,cartpole-swingpu"), "cartpole-swingpu");
        assertOneLineError(sweep("--tasks", "walker-run", "--seeds", "5-1"), "empty");
        assertOneLineError(sweep("--tasks", "walker-run", "--jobs", "0"), "--jobs must be at least 1");
        assertOneLineError(sweep("--tasks", "walker-run", "--grid", "batchsize=64,256"), "not a train option");
        assertOneLineError(sweep("--tasks", "walker-run", "--grid", "batch=64,abc"), "--batch expects a whole number");
        assertOneLineError(sweep("--tasks", "walker-run", "--grid", "batch-norm=yes,maybe"), "on,off");
        assertOneLineError(sweep("--tasks", "walker-run", "--grid", "seed=1,2"), "--seeds");
        assertOneLineError(sweep("--tasks", "walker-run", "--batch", "64", "--grid", "batch=64,256"), "give it once");
        assertOneLineError(sweep("--tasks", "walker-run", "--scheduler", "slurmm"), "did you mean 'slurm'");
        assertOneLineError(run("sweep", "status", tmp.resolve("nothing").toString()), "does not exist");
        assertTrue(!Files.exists(tmp.resolve("sw")), "a refused sweep must create nothing");
        assertOneLineError(run("sweep", "--resume", tmp.toString(), "--batch", "64"), "cannot be given with --resume");
    }

    @Test
    void aSweepFolderOfAnotherGridIsRefusedByName() throws Exception {
        assertEquals(0, sweep("--tasks", "cartpole-swingup", "--seeds", "1-2", "--scheduler", "slurm"), errText());
        assertTrue(Files.isRegularFile(tmp.resolve("sw").resolve("sweep.json")));
        assertOneLineError(sweep("--tasks", "cartpole-swingup", "--seeds", "1-3", "--scheduler", "slurm"), "its seeds are [1, 2], not [1, 2, 3]");
        assertOneLineError(sweep("--tasks", "cartpole-swingup", "--seeds", "1-2", "--batch", "64", "--scheduler", "slurm"), "train options");
        Files.createDirectories(tmp.resolve("other"));
        Files.writeString(tmp.resolve("other").resolve("notes.txt"), "mine");
        assertOneLineError(run("sweep", "--tasks", "cartpole-swingup", "--out", tmp.resolve("other").toString()), "not a sweep folder");
        assertEquals("mine", Files.readString(tmp.resolve("other").resolve("notes.txt")));
    }

    @Test
    void helpListsTheSweepAndTheTrainOptions() {
        assertEquals(0, run("sweep", "--help"));
        String h = outText();
        for (String o : new String[] {"--tasks", "--seeds", "--grid", "--jobs", "--scheduler", "--submit", "--time", "--image", "--batch", "--preset"})
            assertTrue(h.contains(o), o + " missing from\n" + h);
    }
}
