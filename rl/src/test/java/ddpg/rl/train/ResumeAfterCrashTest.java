package ddpg.rl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.physics.env.Environment;
import ddpg.physics.env.StepResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming after a crash: a process killed while writing a checkpoint leaves a stale {@code .tmp-step-*} folder,
 * which --resume steps past (it continues from the last complete checkpoint, bit-exactly) and which is deleted once
 * a new checkpoint is complete; and a run with diverged episodes resumes with its consecutive-divergence count and
 * its divergences.log as the uninterrupted run has them.
 */
class ResumeAfterCrashTest {
    @TempDir Path tmp;

    private static Set<String> checkpointFolder(Path run) throws IOException {
        Set<String> names = new HashSet<>();
        try (Stream<Path> s = Files.list(run.resolve(Checkpoint.FOLDER))) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : (Iterable<Path>) s::iterator) Files.copy(p, to.resolve(p.getFileName().toString()));
        }
    }

    @Test
    void aStaleTemporaryCheckpointIsSkippedAndDeletedOnceANewCheckpointIsComplete() throws IOException {
        RunConfig c = TinyRuns.config(2000);
        Path whole = TinyRuns.newRun(tmp.resolve("whole"), c);
        TinyRuns.trainer(c, whole).start();

        Path broken = TinyRuns.newRun(tmp.resolve("broken"), c);
        Trainer first = TinyRuns.trainer(c, broken);
        first.killAfterStep = 1300; // after the checkpoint at 1020
        first.start();
        Path last = Checkpoint.latest(broken);
        assertEquals(1020, Checkpoint.step(last));
        // The crash came while the checkpoint of step 1500 was being written (all files there, not yet renamed),
        // and an older crash left a half-written one behind too.
        Path ckpts = broken.resolve(Checkpoint.FOLDER);
        Path stale = ckpts.resolve(".tmp-step-000000001500"), older = ckpts.resolve(".tmp-step-000000000777");
        copyFolder(last, stale);
        Files.writeString(stale.resolve(Checkpoint.STATE_FILE), "{\"env_step\": 15", StandardCharsets.UTF_8);
        Files.createDirectories(older);
        Files.write(older.resolve(Checkpoint.AGENT_FILE), new byte[] {1, 2, 3});
        assertEquals(last, Checkpoint.latest(broken), "temporary folders are not checkpoints");

        Trainer second = TinyRuns.trainer(TinyRuns.reread(broken), broken);
        second.killAfterStep = 1510; // just after the next checkpoint, at 1500
        second.resume();
        assertEquals(1500, Checkpoint.step(Checkpoint.latest(broken)));
        Set<String> names = checkpointFolder(broken);
        assertFalse(names.contains(stale.getFileName().toString()), "stale folder left: " + names);
        assertFalse(names.contains(older.getFileName().toString()), "stale folder left: " + names);
        assertEquals(Set.of("step-000000001020", "step-000000001500"), names);

        TinyRuns.trainer(TinyRuns.reread(broken), broken).resume();
        assertEquals(TinyRuns.deterministicColumns(whole), TinyRuns.deterministicColumns(broken));
        TinyRuns.assertSamePolicy(whole, broken);
    }

    // ---------------------------------------------------------------- divergences

    /** Point-mass episodes whose number is in {@code diverging} report a diverged simulation at their 10th step. */
    private static Supplier<Environment> divergingIn(long seed, Set<Long> diverging) {
        Set<Long> seeds = new HashSet<>();
        for (long e : diverging) seeds.add(Trainer.trainEpisodeSeed(seed, e));
        return TinyRuns.trainingEnv(() -> new TinyRuns.Forwarding(new PointMassEnv()) {
            boolean diverge;
            int t;
            double[] lastGood;

            @Override
            public double[] reset(long episodeSeed) {
                diverge = seeds.contains(episodeSeed);
                t = 0;
                lastGood = super.reset(episodeSeed);
                return lastGood;
            }

            @Override
            public StepResult step(double[] action) {
                StepResult r = super.step(action);
                if (diverge && ++t == 10)
                    return new StepResult(lastGood, 0, 1, true, false, true, "test divergence at episode step 10");
                lastGood = r.observation();
                return r;
            }
        });
    }

    private static String text(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    /**
     * Episodes 8, 9 and 10 diverge (at steps 490, 500, 510). The checkpoint at step 500 follows two diverged episodes
     * in a row; the third, after the resume, must stop the run (--max-divergences 3) exactly as without the kill.
     */
    @Test
    void theConsecutiveDivergenceCountSurvivesAResume() throws IOException {
        RunConfig c = TinyRuns.config(1000);
        Set<Long> diverging = Set.of(8L, 9L, 10L);
        Path whole = TinyRuns.newRun(tmp.resolve("whole"), c);
        Trainer.Stopped stopped = assertThrows(Trainer.Stopped.class,
                () -> TinyRuns.trainer(c, whole, divergingIn(c.run.seed, diverging)).start());
        assertTrue(stopped.getMessage().contains("3 episodes in a row (last at step 510"), stopped.getMessage());

        Path broken = TinyRuns.newRun(tmp.resolve("broken"), c);
        Trainer first = TinyRuns.trainer(c, broken, divergingIn(c.run.seed, diverging));
        first.killAfterStep = 500; // right after the checkpoint at step 500
        first.start();
        Path ckpt = Checkpoint.latest(broken);
        assertEquals(500, Checkpoint.step(ckpt));
        assertTrue(Files.readString(ckpt.resolve(Checkpoint.STATE_FILE)).contains("\"consecutive_divergences\": 2"));

        Trainer.Stopped again = assertThrows(Trainer.Stopped.class,
                () -> TinyRuns.trainer(TinyRuns.reread(broken), broken, divergingIn(c.run.seed, diverging)).resume(),
                "the resumed run counts the two diverged episodes before the checkpoint");
        assertEquals(stopped.getMessage().replace(whole.toString(), "RUN"), again.getMessage().replace(broken.toString(), "RUN"));
        assertEquals(TinyRuns.deterministicColumns(whole), TinyRuns.deterministicColumns(broken));
        String log = text(whole.resolve("divergences.log"));
        assertEquals(3, log.lines().count(), log);
        assertEquals(log, text(broken.resolve("divergences.log")));
    }

    /**
     * Episodes 8 and 11 diverge (steps 490 and 620); the run is killed at step 700, after the divergence at 620 but
     * with its last checkpoint at 550. The resumed run plays episode 11 again: divergences.log must still have one
     * line per diverged episode, as the uninterrupted run's has (both progress.csv and divergences.log are cut back to
     * the checkpoint).
     */
    @Test
    void divergencesLoggedAfterTheCheckpointAreNotDuplicatedByTheResume() throws IOException {
        RunConfig c = TinyRuns.config(1000);
        Set<Long> diverging = Set.of(8L, 11L);
        Path whole = TinyRuns.newRun(tmp.resolve("whole"), c);
        TinyRuns.trainer(c, whole, divergingIn(c.run.seed, diverging)).start();

        Path broken = TinyRuns.newRun(tmp.resolve("broken"), c);
        Trainer first = TinyRuns.trainer(c, broken, divergingIn(c.run.seed, diverging));
        first.killAfterStep = 700;
        first.start();
        assertEquals(550, Checkpoint.step(Checkpoint.latest(broken)));
        assertEquals(2, text(broken.resolve("divergences.log")).lines().count(), "the killed run logged both");

        TinyRuns.trainer(TinyRuns.reread(broken), broken, divergingIn(c.run.seed, diverging)).resume();
        assertEquals(TinyRuns.deterministicColumns(whole), TinyRuns.deterministicColumns(broken));
        TinyRuns.assertSamePolicy(whole, broken);
        String log = text(whole.resolve("divergences.log"));
        assertEquals(List.of("step 490 episode 8", "step 620 episode 11"),
                log.lines().map(l -> l.substring(0, l.indexOf(':'))).toList(), log);
        assertEquals(log, text(broken.resolve("divergences.log")));
    }
}
