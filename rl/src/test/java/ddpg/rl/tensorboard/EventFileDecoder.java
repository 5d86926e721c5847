package ddpg.rl.tensorboard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * For tests: reads event files back without the writer's code. Unframes TFRecords checking both CRCs, and decodes
 * protobuf messages generically (field number -> values), so tests name TensorFlow's field numbers themselves.
 */
public final class EventFileDecoder {
    private EventFileDecoder() {}

    /** TensorFlow's masked CRC32C, written out again here rather than calling the writer's. */
    static int maskedCrc(byte[] b, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(b, off, len);
        long v = c.getValue();
        long rotated = ((v >>> 15) | (v << 17)) & 0xFFFFFFFFL;
        return (int) (rotated + 0xA282EAD8L);
    }

    /** The data of every record; a bad CRC or a truncated record is an IllegalStateException naming its offset. */
    public static List<byte[]> records(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        List<byte[]> out = new ArrayList<>();
        while (in.hasRemaining()) {
            int at = in.position();
            if (in.remaining() < 12) throw new IllegalStateException(file + ": truncated header at byte " + at);
            long length = in.getLong();
            if (in.getInt() != maskedCrc(all, at, 8)) throw new IllegalStateException(file + ": bad length CRC at byte " + at);
            if (length < 0 || length > in.remaining() - 4) throw new IllegalStateException(file + ": truncated record at byte " + at);
            byte[] data = new byte[(int) length];
            in.get(data);
            if (in.getInt() != maskedCrc(data, 0, data.length)) throw new IllegalStateException(file + ": bad data CRC at byte " + at);
            out.add(data);
        }
        return out;
    }

    /** Every record of {@code file} decoded as a message (an Event). */
    public static List<Message> events(Path file) throws IOException {
        List<Message> out = new ArrayList<>();
        for (byte[] r : records(file)) out.add(Message.parse(r));
        return out;
    }

    /** A decoded message: per field number, its values in order (Long for varint, fixed64 and fixed32 bits; byte[]). */
    public static final class Message {
        private final Map<Integer, List<Object>> fields = new LinkedHashMap<>();

        public static Message parse(byte[] b) {
            Message m = new Message();
            ByteBuffer in = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
            while (in.hasRemaining()) {
                long key = varint(in);
                int field = (int) (key >>> 3), wire = (int) (key & 7);
                Object v = switch (wire) {
                    case 0 -> varint(in);
                    case 1 -> in.getLong();
                    case 2 -> {
                        byte[] d = new byte[(int) varint(in)];
                        in.get(d);
                        yield d;
                    }
                    case 5 -> (long) in.getInt();
                    default -> throw new IllegalStateException("wire type " + wire + " of field " + field);
                };
                m.fields.computeIfAbsent(field, k -> new ArrayList<>()).add(v);
            }
            return m;
        }

        private static long varint(ByteBuffer in) {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                byte x = in.get();
                v |= (long) (x & 0x7F) << shift;
                if (x >= 0) return v;
            }
        }

        public java.util.Set<Integer> fieldNumbers() {
            return fields.keySet();
        }

        public boolean has(int field) {
            return fields.containsKey(field);
        }

        private Object one(int field) {
            List<Object> v = fields.get(field);
            if (v == null) throw new IllegalStateException("no field " + field + " in " + fields.keySet());
            if (v.size() != 1) throw new IllegalStateException("field " + field + " occurs " + v.size() + " times");
            return v.get(0);
        }

        public long varint(int field) {
            return (Long) one(field);
        }

        public double float64(int field) {
            return Double.longBitsToDouble((Long) one(field));
        }

        public float float32(int field) {
            return Float.intBitsToFloat((int) (long) (Long) one(field));
        }

        public byte[] bytes(int field) {
            return (byte[]) one(field);
        }

        public String string(int field) {
            return new String(bytes(field), StandardCharsets.UTF_8);
        }

        public Message message(int field) {
            return parse(bytes(field));
        }

        public List<Message> messages(int field) {
            List<Message> out = new ArrayList<>();
            for (Object o : fields.getOrDefault(field, List.of())) out.add(parse((byte[]) o));
            return out;
        }
    }

    /** A scalar found in an event file. */
    public record Scalar(long step, String tag, float value) {}

    /** Every simple_value scalar of {@code file} (Event.step 2, .summary 5, Summary.value 1, Value.tag 1, .simple_value 2). */
    public static List<Scalar> scalars(Path file) throws IOException {
        List<Scalar> out = new ArrayList<>();
        for (Message e : events(file)) {
            if (!e.has(5)) continue;
            long step = e.has(2) ? e.varint(2) : 0;
            for (Message v : e.message(5).messages(1)) {
                if (v.has(2)) out.add(new Scalar(step, v.string(1), v.float32(2)));
            }
        }
        return out;
    }
}
