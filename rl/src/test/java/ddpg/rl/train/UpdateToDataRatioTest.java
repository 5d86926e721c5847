package ddpg.rl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.engine.io.Json;
import ddpg.physics.env.StepResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --utd} other than 1: the number of gradient updates after every env step is floor(utd * steps since
 * learning started) (0.5 = one update every other step, 2 = two per step), the fractional "update credit" is saved in
 * the checkpoint's state.json, and a run killed and resumed with utd 0.5 stays bit-exact.
 */
class UpdateToDataRatioTest {
    @TempDir Path tmp;

    /** The agent's update count after every env step 0..steps of a run with this utd (no checkpoints). */
    private List<Long> updatesAfterEachStep(double utd, long steps) throws IOException {
        RunConfig c = TinyRuns.config(steps);
        c.agent.utd = utd;
        c.run.checkpointEvery = 0;
        c.run.evalEvery = steps;
        Path dir = TinyRuns.newRun(tmp.resolve("utd-" + utd), c);
        List<Long> seen = new ArrayList<>();
        Trainer[] trainer = new Trainer[1];
        trainer[0] = TinyRuns.trainer(c, dir, TinyRuns.trainingEnv(() -> new TinyRuns.Forwarding(new PointMassEnv()) {
            @Override
            public StepResult step(double[] action) {
                seen.add(trainer[0].agent().updates()); // before this step: the count after the previous one
                return super.step(action);
            }
        }));
        Trainer.Summary s = trainer[0].start();
        seen.add(trainer[0].agent().updates());
        assertEquals(steps + 1, seen.size());
        assertEquals(s.updates(), seen.get((int) steps));
        return seen;
    }

    /** Updates start at env step learningStarts (300 here, when the buffer already holds more than a batch). */
    private static long expected(double utd, long step, long learningStarts) {
        return step < learningStarts ? 0 : (long) Math.floor(utd * (step - learningStarts + 1));
    }

    @Test
    void halfAnUpdatePerStepIsOneUpdateEveryOtherStep() throws IOException {
        List<Long> seen = updatesAfterEachStep(0.5, 700);
        for (int t = 0; t < seen.size(); t++) assertEquals(expected(0.5, t, 300), seen.get(t), "after env step " + t);
        assertEquals(0, seen.get(300));
        assertEquals(1, seen.get(301));
        assertEquals(1, seen.get(302));
        assertEquals(2, seen.get(303));
        assertEquals(200, seen.get(700));
    }

    @Test
    void twoUpdatesPerStep() throws IOException {
        List<Long> seen = updatesAfterEachStep(2, 700);
        for (int t = 0; t < seen.size(); t++) assertEquals(expected(2, t, 300), seen.get(t), "after env step " + t);
        assertEquals(2, seen.get(300));
        assertEquals(802, seen.get(700));
    }

    @Test
    void theUpdateCreditIsCheckpointedAndAResumedHalfUtdRunIsBitExact() throws IOException {
        RunConfig c = TinyRuns.config(1000);
        c.agent.utd = 0.5;
        Path whole = TinyRuns.newRun(tmp.resolve("whole"), c);
        TinyRuns.trainer(c, whole).start();

        Path broken = TinyRuns.newRun(tmp.resolve("broken"), c);
        Trainer first = TinyRuns.trainer(c, broken);
        first.killAfterStep = 700; // after the checkpoint at step 540 (the first episode end at or after 500)
        first.start();
        Path ckpt = Checkpoint.latest(broken);
        assertEquals(540, Checkpoint.step(ckpt));
        // Steps 300..540 earned 241 * 0.5 = 120.5 updates: 120 done, half an update carried over.
        Map<String, Object> state = Json.parseObject(Files.readString(ckpt.resolve(Checkpoint.STATE_FILE)));
        assertEquals(0.5, Json.toDouble(state.get("update_credit")), "update_credit in state.json");
        long[] counters = Json.toLongArray(state.get("agent_counters"));
        assertEquals(120, counters[counters.length - 1], "updates done by step 540");

        // A copy of the killed run whose checkpoint lost the credit: resuming it must NOT match (the comparison
        // below can see a lost credit).
        Path lost = copyRun(broken, tmp.resolve("lost").resolve(broken.getFileName()));
        Path lostCkpt = lost.resolve(Checkpoint.FOLDER).resolve(ckpt.getFileName());
        Files.writeString(lostCkpt.resolve(Checkpoint.STATE_FILE),
                Files.readString(lostCkpt.resolve(Checkpoint.STATE_FILE)).replace("\"update_credit\": 0.5", "\"update_credit\": 0.0"));
        CheckpointManifest.write(lostCkpt, List.of(Checkpoint.AGENT_FILE, Checkpoint.REPLAY_FILE, Checkpoint.STATE_FILE));
        TinyRuns.trainer(TinyRuns.reread(lost), lost).resume();
        assertNotEquals(TinyRuns.deterministicColumns(whole), TinyRuns.deterministicColumns(lost),
                "a resume that drops the update credit shifts every later update");

        TinyRuns.trainer(TinyRuns.reread(broken), broken).resume();
        assertEquals(TinyRuns.deterministicColumns(whole), TinyRuns.deterministicColumns(broken));
        TinyRuns.assertSamePolicy(whole, broken);
    }

    private static Path copyRun(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(q);
                else Files.copy(p, q);
            }
        }
        assertTrue(Files.isRegularFile(to.resolve("config.json")));
        return to;
    }
}
