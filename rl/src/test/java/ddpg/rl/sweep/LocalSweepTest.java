package ddpg.rl.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.testing.ChildProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local scheduler as a user runs it: a sweep finishes every cell, a repeat is a no-op, and a sweep killed with
 * SIGKILL (no shutdown hook) leaves no cell process behind and resumes to exactly the numbers of an unbroken sweep.
 */
class LocalSweepTest {
    @TempDir Path tmp;

    private String[] sweep(Path out, String... more) {
        return DdpgProcess.args(new String[] {"sweep", "--tasks", "cartpole-swingup", "--seeds", "1-2", "--out", out.toString(), "--jobs", "2"}, more);
    }

    @Test
    void aSweepRunsEveryCellAndARepeatRunsNothing() throws Exception {
        Path out = tmp.resolve("sw");
        Path log = tmp.resolve("sweep.log");
        assertEquals(0, DdpgProcess.run(log, 300, sweep(out)), DdpgProcess.text(log));
        SweepFolder f = SweepFolder.open(out, n -> false);
        assertEquals(List.of("cartpole-swingup-s1", "cartpole-swingup-s2"), f.plan.cells.stream().map(Cell::name).toList());
        for (Cell c : f.plan.cells) assertTrue(CellState.read(f.cellDir(c)).done(), c.name());
        long before = Files.getLastModifiedTime(f.cellDir(f.plan.cells.get(0)).resolve("progress.csv")).toMillis();

        assertEquals(0, DdpgProcess.run(log, 120, sweep(out)), DdpgProcess.text(log));
        assertTrue(DdpgProcess.text(log).contains("2 already done, 0 to run"), DdpgProcess.text(log));
        assertEquals(before, Files.getLastModifiedTime(f.cellDir(f.plan.cells.get(0)).resolve("progress.csv")).toMillis());

        assertEquals(0, DdpgProcess.run(log, 60, "sweep", "status", out.toString()));
        String status = DdpgProcess.text(log);
        assertTrue(status.contains("cartpole-swingup-s2  done") && status.contains("2 done"), status);
    }

    @Test
    void aKilledSweepLeavesNoCellRunningAndResumesExactly() throws Exception {
        Path whole = tmp.resolve("whole"), broken = tmp.resolve("broken");
        Path log = tmp.resolve("whole.log");
        assertEquals(0, DdpgProcess.run(log, 300, sweep(whole)), DdpgProcess.text(log));

        Path cell = broken.resolve("cartpole-swingup-s1");
        try (ChildProcess p = ChildProcess.start(DdpgProcess.builder(tmp.resolve("broken.log"), sweep(broken)))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            while (CellState.checkpointStep(cell) < 1000 && p.process().isAlive() && System.nanoTime() < deadline) Thread.sleep(100);
            assertTrue(p.process().isAlive(), "the sweep ended before it could be killed: " + p.outSoFar());
            List<ProcessHandle> cells = p.descendants();
            assertTrue(!cells.isEmpty(), "no cell processes");
            p.process().destroyForcibly(); // the sweep alone: its cells must notice on their own
            assertTrue(p.process().waitFor(30, TimeUnit.SECONDS), "the sweep survived SIGKILL");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20); // each cell notices its sweep is gone and stops
            while (cells.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < until) Thread.sleep(50);
            assertTrue(cells.stream().noneMatch(ProcessHandle::isAlive), "a cell outlived its killed sweep by 20 s: " + cells);
        }
        assertTrue(!CellState.read(cell).done(), "killed before the end");

        Path resumeLog = tmp.resolve("resume.log");
        assertEquals(0, DdpgProcess.run(resumeLog, 300, "sweep", "--resume", broken.toString()), DdpgProcess.text(resumeLog));
        for (String name : List.of("cartpole-swingup-s1", "cartpole-swingup-s2")) {
            assertEquals(DdpgProcess.progressWithoutClock(whole.resolve(name)), DdpgProcess.progressWithoutClock(broken.resolve(name)), name);
            assertEquals(-1, Files.mismatch(whole.resolve(name).resolve("actor.safetensors"), broken.resolve(name).resolve("actor.safetensors")), name);
        }
    }
}
