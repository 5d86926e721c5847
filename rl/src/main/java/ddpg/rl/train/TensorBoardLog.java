package ddpg.rl.train;

import ddpg.rl.tensorboard.EventFileWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The run's TensorBoard events: each progress.csv row as CleanRL-style scalars at its env step (empty cells write
 * nothing), and the run's settings once as text. Each process writes its own event file, so a resumed run adds one.
 * A write that fails is reported once and turns the log off: TensorBoard files never stop training.
 */
final class TensorBoardLog implements AutoCloseable {
    static final String EVAL_MEAN = "eval/mean_return", EVAL_STD = "eval/std_return";
    static final String TRAIN_RETURN = "charts/episodic_return";
    static final String CRITIC_LOSS = "losses/qf_loss", ACTOR_LOSS = "losses/actor_loss", MEAN_Q = "losses/mean_q";
    static final String STEPS_PER_S = "charts/SPS", UPDATES_PER_S = "charts/updates_per_s";
    static final String SETTINGS = "config/text_summary";

    private EventFileWriter writer;
    private final Consumer<String> report;

    private TensorBoardLog(EventFileWriter writer, Consumer<String> report) {
        this.writer = writer;
        this.report = report;
    }

    /** A log that writes nothing (--no-tensorboard). */
    static TensorBoardLog off() {
        return new TensorBoardLog(null, m -> {});
    }

    /**
     * Starts a new event file in {@code runDir} and writes {@code configJson} (the content of config.json) as text
     * at {@code step}; {@code report} receives the one message about a failure.
     */
    static TensorBoardLog open(Path runDir, long step, String configJson, Consumer<String> report) {
        TensorBoardLog log = new TensorBoardLog(null, report);
        try {
            log.writer = EventFileWriter.create(runDir);
            // Indented: a Markdown code block, so TensorBoard's Text tab shows the JSON as it is.
            log.writer.text(step, SETTINGS, configJson.strip().indent(4));
            log.writer.flush();
        } catch (IOException | RuntimeException e) {
            log.failed(e);
        }
        return log;
    }

    /** The event file, or null when off. */
    Path file() {
        return writer == null ? null : writer.file();
    }

    /** One progress row, the same numbers as progress.csv; NaN = an empty cell = no scalar. */
    void row(long envStep, double trainReturn, double evalMean, double evalStd, double criticLoss, double actorLoss,
             double meanQ, double stepsPerSecond, double updatesPerSecond) {
        if (writer == null) return;
        Map<String, Double> v = new LinkedHashMap<>();
        put(v, EVAL_MEAN, evalMean);
        put(v, EVAL_STD, evalStd);
        put(v, TRAIN_RETURN, trainReturn);
        put(v, CRITIC_LOSS, criticLoss);
        put(v, ACTOR_LOSS, actorLoss);
        put(v, MEAN_Q, meanQ);
        put(v, STEPS_PER_S, stepsPerSecond);
        put(v, UPDATES_PER_S, updatesPerSecond);
        try {
            writer.scalars(envStep, v);
            writer.flush();
        } catch (IOException | RuntimeException e) {
            failed(e);
        }
    }

    private static void put(Map<String, Double> v, String tag, double x) {
        if (!Double.isNaN(x)) v.put(tag, x);
    }

    private void failed(Exception e) {
        report.accept("note: could not write the TensorBoard event file (" + e.getMessage() + "); training continues without it");
        close();
    }

    @Override
    public void close() {
        if (writer == null) return;
        try {
            writer.close();
        } catch (IOException e) {
            // Every row was flushed already: nothing is lost.
        }
        writer = null;
    }
}
