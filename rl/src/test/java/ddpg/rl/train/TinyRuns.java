package ddpg.rl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ddpg.engine.Tensor;
import ddpg.engine.io.SafeTensors;
import ddpg.physics.env.EnvSpec;
import ddpg.physics.env.Environment;
import ddpg.physics.env.StepResult;
import ddpg.rl.ddpg.DdpgConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Tiny point-mass runs (a few seconds each) for the trainer tests: settings, a run folder, a quiet trainer, and the
 * parts of progress.csv and of the exported policy that must match bit for bit between two runs.
 */
final class TinyRuns {
    private TinyRuns() {}

    /** 32-32 networks, batch 32, 300 random steps, evaluation every 600 steps, checkpoints every 500. */
    static RunConfig config(long steps) {
        RunSettings r = new RunSettings();
        r.task = "point-mass";
        r.steps = steps;
        r.seed = 7;
        r.evalEvery = 600;
        r.evalEpisodes = 5;
        r.checkpointEvery = 500;
        r.tensorboard = false;
        r.finalGif = false;
        DdpgConfig a = new DdpgConfig();
        a.hidden = new int[] {32, 32};
        a.actorLr = 1e-3;
        a.criticLr = 1e-3;
        a.batch = 32;
        a.buffer = 5000;
        a.warmup = 300;
        a.learningStarts = 300;
        a.tau = 0.01;
        return new RunConfig(r, a, "test");
    }

    static Path newRun(Path out, RunConfig c) throws IOException {
        Path dir = RunFolder.create(out, c.run.task, c.run.seed, java.time.LocalDateTime.of(2026, 1, 1, 12, 0));
        c.write(dir.resolve("config.json"), 2, 1);
        return dir;
    }

    static Trainer trainer(RunConfig c, Path dir) {
        return trainer(c, dir, PointMassEnv::new);
    }

    static Trainer trainer(RunConfig c, Path dir, Supplier<Environment> envs) {
        return new Trainer(c, dir, envs, new PrintStream(new ByteArrayOutputStream()), false);
    }

    /** The run's config.json read back, as --resume does. */
    static RunConfig reread(Path dir) {
        return RunConfig.read(dir.resolve("config.json"));
    }

    /** progress.csv without the wall-clock columns (steps_per_s, wall_s). */
    static List<String> deterministicColumns(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(ProgressLog.FILE_NAME))) {
            String[] cells = line.split(",", -1);
            assertEquals(10, cells.length, line);
            out.add(String.join(",", Arrays.copyOf(cells, 8)));
        }
        return out;
    }

    /** The two runs exported the same policy, bit for bit. */
    static void assertSamePolicy(Path a, Path b) throws IOException {
        Map<String, Tensor> x = SafeTensors.read(a.resolve(PolicyFiles.WEIGHTS)).tensors();
        Map<String, Tensor> y = SafeTensors.read(b.resolve(PolicyFiles.WEIGHTS)).tensors();
        assertEquals(x.keySet(), y.keySet());
        for (String k : x.keySet()) assertArrayEquals(x.get(k).data(), y.get(k).data(), k);
    }

    /** A factory whose first environment (the trainer's training environment) is {@code training}; the rest are plain. */
    static Supplier<Environment> trainingEnv(Supplier<Environment> training) {
        int[] made = {0};
        return () -> made[0]++ == 0 ? training.get() : new PointMassEnv();
    }

    /** An environment that passes every call on to another: tests override step or reset to watch or alter them. */
    static class Forwarding implements Environment {
        final Environment inner;

        Forwarding(Environment inner) {
            this.inner = inner;
        }

        @Override
        public EnvSpec spec() {
            return inner.spec();
        }

        @Override
        public double[] reset(long seed) {
            return inner.reset(seed);
        }

        @Override
        public StepResult step(double[] action) {
            return inner.step(action);
        }

        @Override
        public ddpg.physics.model.Model model() {
            return inner.model();
        }
    }
}
