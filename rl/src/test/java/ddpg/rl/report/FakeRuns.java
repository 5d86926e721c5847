package ddpg.rl.report;

import ddpg.engine.io.Json;
import ddpg.rl.ddpg.DdpgConfig;
import ddpg.rl.ddpg.Presets;
import ddpg.rl.train.PolicyFiles;
import ddpg.rl.train.ProgressLog;
import ddpg.rl.train.RunConfig;
import ddpg.rl.train.RunSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongToDoubleFunction;

/**
 * Tiny synthetic run folders for the report tests: config.json written by {@link RunConfig} (as the trainer writes
 * it), a progress.csv in the trainer's format, and {@code actor.safetensors} when the run finished.
 */
public final class FakeRuns {
    /** What to fake; defaults: walker-run, seed 1, default preset, 100k of 100k steps, eval every 10k = step / 1000. */
    public static final class Spec {
        public String task = "walker-run";
        public long seed = 1;
        public String preset = "default";
        public DdpgConfig agent = Presets.defaults();
        public long planned = 100_000, done = 100_000, evalEvery = 10_000;
        public int evalEpisodes = 10, threads = 1;
        public LongToDoubleFunction eval = s -> s / 1000.0;
        public boolean finished = true;
        public String version = "0.1.0", commit = "abc1234";
    }

    private FakeRuns() {}

    public static Path run(Path parent, String name, Consumer<Spec> edit) {
        Spec s = new Spec();
        edit.accept(s);
        try {
            Path dir = Files.createDirectories(parent.resolve(name));
            RunSettings r = new RunSettings();
            r.task = s.task;
            r.seed = s.seed;
            r.steps = s.planned;
            r.preset = s.preset;
            r.evalEvery = s.evalEvery;
            r.evalEpisodes = s.evalEpisodes;
            r.threads = s.threads;
            Map<String, Object> config = new RunConfig(r, s.agent, s.version).toMap(24, 6);
            config.put("commit", s.commit);
            Files.writeString(dir.resolve("config.json"), Json.write(config));
            StringBuilder csv = new StringBuilder(ProgressLog.HEADER).append('\n');
            csv.append("0,0,,").append(fmt(s.eval.applyAsDouble(0))).append(",1.0000,,,,,0.5\n");
            for (long step = 1000; step <= s.done; step += 1000) {
                boolean eval = step % s.evalEvery == 0 || (s.finished && step == s.done);
                csv.append(step).append(',').append(step / 1000).append(',').append(fmt(s.eval.applyAsDouble(step) / 2)).append(',')
                        .append(eval ? fmt(s.eval.applyAsDouble(step)) : "").append(',').append(eval ? "1.0000" : "")
                        .append(",0.5,-1.2,3.4,200.0,").append(step / 200).append('\n');
            }
            Files.writeString(dir.resolve("progress.csv"), csv.toString());
            if (s.finished) Files.write(dir.resolve(PolicyFiles.WEIGHTS), new byte[] {0});
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
