package ddpg.rl.viz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongToDoubleFunction;

/** Synthetic run folders in the trainer's format, for the plot tests. */
final class RunFixtures {
    static final String HEADER = "env_step,episode,train_return,eval_mean,eval_std,critic_loss,actor_loss,mean_q,steps_per_s,wall_s";

    /** Every fixture run gets its own seed, like real seeds of one task. */
    static final java.util.concurrent.atomic.AtomicInteger NEXT_SEED = new java.util.concurrent.atomic.AtomicInteger();

    private RunFixtures() {}

    /**
     * A run folder {@code parent/name} with config.json naming {@code task} (null: no config.json) and a progress.csv
     * that logs a finished episode every 1000 steps and an evaluation every {@code evalEvery} steps, up to {@code steps}.
     */
    static Path run(Path parent, String name, String task, long steps, long evalEvery,
                    LongToDoubleFunction evalMean, double evalStd, LongToDoubleFunction trainReturn) {
        try {
            Path dir = Files.createDirectories(parent.resolve(name));
            if (task != null) {
                Files.writeString(dir.resolve("config.json"), "{\"version\":\"0.1.0\",\"task\":\"" + task + "\",\"run\":{\"seed\":" + NEXT_SEED.incrementAndGet() + "}}\n");
            }
            StringBuilder sb = new StringBuilder(HEADER).append('\n');
            int episode = 0;
            for (long s = 1000; s <= steps; s += 1000) {
                episode++;
                String train = trainReturn == null ? "" : fmt(trainReturn.applyAsDouble(s));
                boolean eval = s % evalEvery == 0;
                String mean = eval ? fmt(evalMean.applyAsDouble(s)) : "";
                String std = eval ? fmt(evalStd) : "";
                sb.append(s).append(',').append(episode).append(',').append(train).append(',').append(mean).append(',')
                        .append(std).append(",0.5,-1.2,3.4,500.0,").append(s / 500.0).append('\n');
            }
            Files.writeString(dir.resolve("progress.csv"), sb.toString());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
