package ddpg.rl.train;

import static ddpg.rl.train.TinyRuns.*;
import static org.junit.jupiter.api.Assertions.*;

import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    /** Step 3000 ends an episode and reaches a checkpoint multiple: the final checkpoint is not written again. */
    @Test
    void aRunEndingOnACheckpointStepWritesItOnce(@TempDir Path out) throws IOException {
        RunConfig c = config(3000);
        c.agent.warmup = c.agent.learningStarts = 2900;   // few updates: this test is about the checkpoints
        Path dir = newRun(out, c);
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        new Trainer(c, dir, PointMassEnv::new, new PrintStream(messages, true, java.nio.charset.StandardCharsets.UTF_8), false).start();
        String text = messages.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(1, text.lines().filter(l -> l.contains("checkpoint at step 3,000 ")).count(), text);
        assertEquals(dir.resolve("checkpoints").resolve("step-000000003000"), Checkpoint.latest(dir));
    }

    @Test
    void aShortRunClearlyBeatsTheRandomPolicy(@TempDir Path out) throws IOException {
        RunConfig c = config(3000);
        Path dir = newRun(out, c);
        Trainer.Summary s = trainer(c, dir).start();
        Rng rng = new Rng(1);
        Evaluator.Result random = Evaluator.evaluate(new PointMassEnv(), (o, a) -> a[0] = rng.uniform(-1, 1), c.run.seed, 5);
        System.out.println("point-mass after 3000 steps: trained " + s.lastEvalMean() + ", random " + random.mean());
        // Random scores ~10 of a possible ~55; a learned controller holds the mass near 0.
        assertTrue(s.lastEvalMean() > random.mean() + 20, "trained " + s.lastEvalMean() + " vs random " + random.mean());
        assertTrue(Files.isRegularFile(dir.resolve(PolicyFiles.WEIGHTS)));
        assertTrue(Files.isRegularFile(dir.resolve(PolicyFiles.DESCRIPTION)));
        // The exported policy reproduces the final evaluation.
        var actor = PolicyFiles.load(dir);
        Evaluator.Result again = Evaluator.evaluate(new PointMassEnv(), (o, a) -> {
            try (var ng = ddpg.engine.autograd.NoGrad.enter()) {
                float[] in = {(float) o[0], (float) o[1]};
                a[0] = actor.forward(Tensor.wrap(in, 1, 2)).data()[0];
            }
        }, c.run.seed, 5);
        assertEquals(s.lastEvalMean(), again.mean(), 1e-9);
    }

    @Test
    void progressCsvHasTheAgreedColumnsAndEmptyCells(@TempDir Path out) throws IOException {
        RunConfig c = config(700);
        Path dir = newRun(out, c);
        trainer(c, dir).start();
        List<String> lines = Files.readAllLines(dir.resolve(ProgressLog.FILE_NAME));
        assertEquals(ProgressLog.HEADER, lines.get(0));
        assertTrue(lines.get(1).startsWith("0,0,,"), "step-0 evaluation row: " + lines.get(1));
        String[] episodeRow = lines.get(2).split(",", -1);
        assertEquals("60", episodeRow[0]);
        assertFalse(episodeRow[2].isEmpty(), "train_return on an episode row");
        assertTrue(episodeRow[3].isEmpty() && episodeRow[4].isEmpty(), "no eval on a plain episode row");
        boolean sawEvalOnly = false;
        for (String l : lines.subList(1, lines.size())) {
            String[] cells = l.split(",", -1);
            if (cells[2].isEmpty() && !cells[3].isEmpty()) sawEvalOnly = true;
        }
        assertTrue(sawEvalOnly, "evaluation at step 600 is mid-episode: a row with eval and no train_return");
    }

    @Test
    void sameSeedSameNumbers(@TempDir Path out) throws IOException {
        RunConfig c = config(1200);
        Path a = newRun(out.resolve("a"), c), b = newRun(out.resolve("b"), c);
        trainer(c, a).start();
        trainer(c, b).start();
        assertEquals(deterministicColumns(a), deterministicColumns(b));
        assertArrayEquals(Files.readAllBytes(a.resolve(PolicyFiles.WEIGHTS)), Files.readAllBytes(b.resolve(PolicyFiles.WEIGHTS)));
    }

    @Test
    void aResumedRunEqualsAnUninterruptedOne(@TempDir Path out) throws IOException {
        resumeEqualsUninterrupted(out, config(2000));
    }

    /** The same with the paper's ingredients: OU noise, batch norm (running statistics), action at layer 2, L2. */
    @Test
    void aResumedPaperStyleRunEqualsAnUninterruptedOne(@TempDir Path out) throws IOException {
        RunConfig c = config(2000);
        c.agent.noise = "ou";
        c.agent.batchNorm = true;
        c.agent.actionLayer = 2;
        c.agent.criticL2 = 1e-2;
        resumeEqualsUninterrupted(out, c);
    }

    private void resumeEqualsUninterrupted(Path out, RunConfig c) throws IOException {
        Path whole = newRun(out.resolve("whole"), c);
        trainer(c, whole).start();

        Path broken = newRun(out.resolve("broken"), c);
        Trainer first = trainer(c, broken);
        first.killAfterStep = 1300; // "killed" after the checkpoint at step 1020 (first episode end >= 1000)
        first.start();
        assertFalse(Files.exists(broken.resolve(PolicyFiles.WEIGHTS)));
        Path ckpt = Checkpoint.latest(broken);
        assertTrue(ckpt.getFileName().toString().endsWith("1020"), ckpt.toString());
        String state = Files.readString(ckpt.resolve(Checkpoint.STATE_FILE));
        assertTrue(state.contains("\"next_checkpoint_at\": 1500"), state);

        RunConfig again = RunConfig.read(broken.resolve("config.json"));
        trainer(again, broken).resume();
        assertEquals(deterministicColumns(whole), deterministicColumns(broken));
        assertSamePolicy(whole, broken);
        assertEquals(Checkpoint.KEEP, Checkpoint.list(broken).size(), "checkpoints older than the two newest are removed");
    }

    @Test
    void aDivergedEpisodeIsLoggedAndTrainingContinues(@TempDir Path out) throws IOException {
        RunConfig c = config(1000);
        Path dir = newRun(out, c);
        Trainer t = trainer(c, dir, () -> {
            PointMassEnv e = new PointMassEnv();
            e.divergeFrom = e.divergeTo = 130;
            return e;
        });
        Trainer.Summary s = t.start();
        assertEquals(1000, s.envSteps());
        String log = Files.readString(dir.resolve("divergences.log"));
        assertTrue(log.startsWith("step 130 episode 2:"), log);
    }

    @Test
    void repeatedDivergenceStopsWithTheLastCheckpointIntact(@TempDir Path out) throws IOException {
        RunConfig c = config(3000);
        Path dir = newRun(out, c);
        Trainer t = trainer(c, dir, () -> {
            PointMassEnv e = new PointMassEnv();
            e.divergeFrom = 700;
            return e;
        });
        Trainer.Stopped e = assertThrows(Trainer.Stopped.class, t::start);
        assertTrue(e.getMessage().contains("3 episodes in a row"), e.getMessage());
        Path ckpt = Checkpoint.latest(dir);
        assertNotNull(ckpt);
        assertTrue(ckpt.getFileName().toString().endsWith("540"), ckpt.toString());
    }
}
