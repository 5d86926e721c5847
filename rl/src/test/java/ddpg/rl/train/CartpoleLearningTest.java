package ddpg.rl.train;

import static org.junit.jupiter.api.Assertions.*;

import ddpg.engine.Rng;
import ddpg.physics.env.Tasks;
import ddpg.rl.ddpg.DdpgConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CI check: a few thousand steps of DDPG on cartpole-swingup clearly beat the random policy. */
class CartpoleLearningTest {
    @Test
    void aShortCartpoleSwingupRunBeatsTheRandomPolicy(@TempDir Path out) throws IOException {
        RunSettings r = new RunSettings();
        r.task = "cartpole-swingup";
        r.steps = 5000;
        r.seed = 1;
        r.evalEvery = 5000;
        r.evalEpisodes = 3;
        r.checkpointEvery = 0;
        r.finalGif = false;   // the film is tested in TrainCommandTest
        DdpgConfig a = new DdpgConfig();
        a.hidden = new int[] {128, 128};
        a.batch = 128;
        a.actorLr = 1e-3;
        a.criticLr = 1e-3;
        a.buffer = 20_000;
        a.warmup = 1000;
        a.learningStarts = 1000;
        RunConfig c = new RunConfig(r, a, "test");
        Path dir = RunFolder.create(out, r.task, r.seed, java.time.LocalDateTime.of(2026, 1, 1, 0, 0));
        c.write(dir.resolve("config.json"), 5, 1);
        Trainer.Summary s = new Trainer(c, dir, () -> Tasks.make(r.task), new PrintStream(new ByteArrayOutputStream()), false).start();
        Rng rng = new Rng(2);
        Evaluator.Result random = Evaluator.evaluate(Tasks.make(r.task), (o, act) -> act[0] = rng.uniform(-1, 1), r.seed, 3);
        System.out.println("cartpole-swingup after 5000 steps: trained " + s.lastEvalMean() + ", random " + random.mean());
        assertTrue(s.lastEvalMean() > 2 * random.mean() + 50,
                "trained " + s.lastEvalMean() + " vs random " + random.mean());
    }
}
