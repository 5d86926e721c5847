package ddpg.rl.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * A run's {@code progress.csv}: one row whenever a training episode ends or an evaluation is done (one row when both
 * happen at the same step). Cells with nothing to report are empty: {@code eval_mean}/{@code eval_std} on rows
 * without an evaluation, {@code train_return} on rows without a finished episode, the losses before the first
 * update. The plot command ({@code ddpg.rl.viz}) reads this file by column name.
 */
public final class ProgressLog implements AutoCloseable {
    public static final String FILE_NAME = "progress.csv";
    public static final String HEADER =
            "env_step,episode,train_return,eval_mean,eval_std,critic_loss,actor_loss,mean_q,steps_per_s,wall_s";

    private final FileChannel channel;
    private final Path file;

    private ProgressLog(FileChannel channel, Path file) {
        this.channel = channel;
        this.file = file;
    }

    /** Creates a new progress.csv with its header. */
    public static ProgressLog create(Path file) throws IOException {
        FileChannel[] ch = new FileChannel[1];
        WriteFailed.guard(file, () -> ch[0] = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
        ProgressLog log = new ProgressLog(ch[0], file);
        log.write(HEADER + "\n");
        return log;
    }

    /**
     * Reopens progress.csv for a resumed run, cutting it back to {@code length} bytes: rows written after the
     * checkpoint are dropped, because the resumed run writes them again.
     */
    public static ProgressLog resume(Path file, long length) throws IOException {
        String fix = "restore it from a backup, or start a new run";
        if (!Files.isRegularFile(file)) throw new BadFile(file + " is missing, so the run cannot continue its log; " + fix);
        long size = Files.size(file);
        if (size < length) {
            throw new BadFile(file + " is " + size + " bytes, shorter than the " + length + " bytes it had at the checkpoint"
                    + " (truncated or edited); " + fix);
        }
        FileChannel[] ch = new FileChannel[1];
        WriteFailed.guard(file, () -> {
            ch[0] = FileChannel.open(file, StandardOpenOption.WRITE);
            ch[0].truncate(length);
            ch[0].position(length);
        });
        return new ProgressLog(ch[0], file);
    }

    /** Appends one row; pass NaN for an empty cell. */
    public void row(long envStep, long episode, double trainReturn, double evalMean, double evalStd, double criticLoss,
                    double actorLoss, double meanQ, double stepsPerSecond, double wallSeconds) throws IOException {
        StringBuilder sb = new StringBuilder(128);
        sb.append(envStep).append(',').append(episode).append(',');
        cell(sb, trainReturn, "%.4f");
        cell(sb, evalMean, "%.4f");
        cell(sb, evalStd, "%.4f");
        cell(sb, criticLoss, "%.6g");
        cell(sb, actorLoss, "%.6g");
        cell(sb, meanQ, "%.6g");
        cell(sb, stepsPerSecond, "%.1f");
        if (!Double.isNaN(wallSeconds)) sb.append(String.format(Locale.ROOT, "%.1f", wallSeconds));
        sb.append('\n');
        write(sb.toString());
    }

    private static void cell(StringBuilder sb, double v, String fmt) {
        if (!Double.isNaN(v)) sb.append(String.format(Locale.ROOT, fmt, v));
        sb.append(',');
    }

    private void write(String s) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
        WriteFailed.guard(file, () -> {
            while (b.hasRemaining()) channel.write(b);
        });
    }

    /** Forces the rows to disk and returns the file length (recorded in checkpoints). */
    public long sync() throws IOException {
        WriteFailed.guard(file, () -> channel.force(false));
        return channel.position();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
