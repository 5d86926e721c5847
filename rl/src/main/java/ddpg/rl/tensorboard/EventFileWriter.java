package ddpg.rl.tensorboard;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * A TensorBoard event file, {@code events.out.tfevents.<unix seconds>.<hostname>}: scalars and text summaries as
 * {@code Event} protos in TFRecord framing, readable by {@code tensorboard --logdir} without TensorFlow. Appends only;
 * nothing reaches the file before {@link #flush}.
 */
public final class EventFileWriter implements Closeable {
    public static final String FILE_PREFIX = "events.out.tfevents.";
    static final String FILE_VERSION = "brain.Event:2";

    // Field numbers of TensorFlow's event.proto, summary.proto and tensor.proto.
    static final int EVENT_WALL_TIME = 1, EVENT_STEP = 2, EVENT_FILE_VERSION = 3, EVENT_SUMMARY = 5;
    static final int SUMMARY_VALUE = 1;
    static final int VALUE_TAG = 1, VALUE_SIMPLE_VALUE = 2, VALUE_TENSOR = 8, VALUE_METADATA = 9;
    static final int METADATA_PLUGIN_DATA = 1, METADATA_DATA_CLASS = 4, PLUGIN_DATA_PLUGIN_NAME = 1;
    static final int TENSOR_DTYPE = 1, TENSOR_SHAPE = 2, TENSOR_STRING_VAL = 8;
    static final int DT_STRING = 7, DATA_CLASS_TENSOR = 2;
    static final String TEXT_PLUGIN = "text";

    private final Path file;
    private final RecordWriter records;

    private EventFileWriter(Path file, RecordWriter records) {
        this.file = file;
        this.records = records;
    }

    /**
     * Starts a new event file in {@code dir}, never touching existing ones: TensorBoard reads every event file of a
     * folder, in name order, so a second writer in the same second gets a ".2" suffix that sorts after the first.
     */
    public static EventFileWriter create(Path dir) throws IOException {
        String base = FILE_PREFIX + (System.currentTimeMillis() / 1000) + "." + hostname();
        for (int k = 1; ; k++) {
            Path f = dir.resolve(k == 1 ? base : base + "." + k);
            try {
                var out = new BufferedOutputStream(Files.newOutputStream(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
                EventFileWriter w = new EventFileWriter(f, new RecordWriter(out));
                try {
                    w.records.write(event(0).string(EVENT_FILE_VERSION, FILE_VERSION).toByteArray());
                    w.flush();
                } catch (IOException e) {
                    try {
                        w.close();
                    } catch (IOException c) {
                        e.addSuppressed(c);
                    }
                    throw e;
                }
                return w;
            } catch (FileAlreadyExistsException e) {
                if (k >= 1000) throw e;
            }
        }
    }

    public Path file() {
        return file;
    }

    /** One event holding every {@code tag -> value} of {@code values} as a scalar at {@code step}; none if empty. */
    public void scalars(long step, Map<String, Double> values) throws IOException {
        if (values.isEmpty()) return;
        Protobuf summary = new Protobuf();
        for (Map.Entry<String, Double> e : values.entrySet()) {
            summary.message(SUMMARY_VALUE, new Protobuf()
                    .string(VALUE_TAG, e.getKey())
                    .fixed32(VALUE_SIMPLE_VALUE, e.getValue().floatValue()));
        }
        records.write(event(step).message(EVENT_SUMMARY, summary).toByteArray());
    }

    /**
     * A text summary (shown by TensorBoard's Text tab, which renders it as Markdown): a rank-0 string tensor tagged
     * for the text plugin, as {@code tf.summary.text} writes it.
     */
    public void text(long step, String tag, String markdown) throws IOException {
        Protobuf tensor = new Protobuf()
                .varint(TENSOR_DTYPE, DT_STRING)
                .message(TENSOR_SHAPE, new Protobuf())              // no dimensions: a scalar
                .bytes(TENSOR_STRING_VAL, markdown.getBytes(StandardCharsets.UTF_8));
        Protobuf metadata = new Protobuf()
                .message(METADATA_PLUGIN_DATA, new Protobuf().string(PLUGIN_DATA_PLUGIN_NAME, TEXT_PLUGIN))
                .varint(METADATA_DATA_CLASS, DATA_CLASS_TENSOR);
        Protobuf value = new Protobuf().string(VALUE_TAG, tag).message(VALUE_TENSOR, tensor).message(VALUE_METADATA, metadata);
        records.write(event(step).message(EVENT_SUMMARY, new Protobuf().message(SUMMARY_VALUE, value)).toByteArray());
    }

    /** Hands the written events to the operating system (no fsync), so a running TensorBoard sees them. */
    public void flush() throws IOException {
        records.flush();
    }

    @Override
    public void close() throws IOException {
        records.close();
    }

    private static Protobuf event(long step) {
        return new Protobuf().fixed64(EVENT_WALL_TIME, System.currentTimeMillis() / 1000.0).varint(EVENT_STEP, step);
    }

    /** The machine's name as TensorFlow puts it in event file names; only file-name-safe characters kept. */
    static String hostname() {
        String h;
        try {
            h = InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            h = "localhost";
        }
        String safe = h.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() ? "localhost" : safe;
    }
}
