package ddpg.engine.io;

import ddpg.engine.Tensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes named float32 tensors in the safetensors format, so that Python's {@code safetensors},
 * PyTorch and NumPy tools can open our checkpoints:
 * <pre>
 *   8 bytes   N, the header length, unsigned little-endian
 *   N bytes   JSON: {"name": {"dtype": "F32", "shape": [r, c], "data_offsets": [begin, end]}, ...,
 *                    "__metadata__": {"key": "value"}}   (padded with spaces to a multiple of 8)
 *   rest      the tensors' bytes, little-endian, row-major, at the offsets given (relative to the end of the header)
 * </pre>
 * Writing is atomic (temp file in the same folder, then rename), so a crash never leaves half a checkpoint.
 * Reading validates everything and turns any problem into a one-line {@link SafeTensorsException}.
 */
public final class SafeTensors {
    private SafeTensors() {}

    /** The format's own cap on header size; a larger length field means the file is not safetensors. */
    private static final long MAX_HEADER = 100L * 1024 * 1024;
    private static final String METADATA = "__metadata__";

    /** The tensors of a file, in file order, and its free-form string metadata. */
    public static final class Contents {
        private final Map<String, Tensor> tensors;
        private final Map<String, String> metadata;

        Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {
            this.tensors = tensors;
            this.metadata = metadata;
        }

        public Map<String, Tensor> tensors() {
            return tensors;
        }

        public Map<String, String> metadata() {
            return metadata;
        }
    }

    /** One header entry. */
    private static final class Entry {
        final String name, dtype;
        final int[] shape;
        final long begin, end;

        Entry(String name, String dtype, int[] shape, long begin, long end) {
            this.name = name;
            this.dtype = dtype;
            this.shape = shape;
            this.begin = begin;
            this.end = end;
        }
    }

    // ------------------------------------------------------------------------------------------------ writing

    public static void write(Path path, Map<String, Tensor> tensors) throws IOException {
        write(path, tensors, Map.of());
    }

    /** Writes all tensors (in map order) and the metadata atomically to {@code path}. */
    public static void write(Path path, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        if (!metadata.isEmpty()) json.put(METADATA, metadata);
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            if (e.getKey().equals(METADATA)) throw new IllegalArgumentException("'" + METADATA + "' is reserved");
            long bytes = 4L * e.getValue().size();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dtype", "F32");
            entry.put("shape", e.getValue().shape());
            entry.put("data_offsets", new long[] {offset, offset + bytes});
            json.put(e.getKey(), entry);
            offset += bytes;
        }
        StringBuilder h = new StringBuilder(Json.writeCompact(json));
        while ((h.length() % 8) != 0) h.append(' ');  // keeps the data 8-byte aligned (works only for ASCII names)
        byte[] header = h.toString().getBytes(StandardCharsets.UTF_8);
        int pad = (8 - header.length % 8) % 8;

        Path dir = path.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        // Not Files.createTempFile: that makes the file 0600, and the rename would keep it so. A fresh name opened with
        // CREATE_NEW gets the umask's permissions, like every other file the program writes.
        Path tmp = dir.resolve("." + path.getFileName() + "." + Long.toUnsignedString(System.nanoTime(), 36) + "-"
                + Long.toUnsignedString(ProcessHandle.current().pid(), 36) + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer head = ByteBuffer.allocate(8 + header.length + pad).order(ByteOrder.LITTLE_ENDIAN);
                head.putLong(header.length + pad).put(header);
                for (int k = 0; k < pad; k++) head.put((byte) ' ');
                head.flip();
                writeFully(ch, head);
                ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
                for (Tensor t : tensors.values()) {
                    for (float v : t.data()) {
                        if (buf.remaining() < 4) {
                            buf.flip();
                            writeFully(ch, buf);
                            buf.clear();
                        }
                        buf.putFloat(v);
                    }
                }
                buf.flip();
                writeFully(ch, buf);
                ch.force(true);
            }
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) ch.write(b);
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** Reads every tensor; only F32 tensors of rank 0-2 are supported. */
    public static Contents read(Path path) throws IOException {
        Parsed p = parse(path);
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Entry e : p.entries) {
            if (!e.dtype.equals("F32")) {
                throw new SafeTensorsException(path, "tensor '" + e.name + "' has dtype " + e.dtype + "; only F32 is supported");
            }
            if (e.shape.length > 2) {
                throw new SafeTensorsException(path, "tensor '" + e.name + "' has shape " + Arrays.toString(e.shape)
                        + "; only rank 0-2 is supported");
            }
            out.put(e.name, Tensor.wrap(floats(p.data, e), e.shape));
        }
        return new Contents(out, p.metadata);
    }

    /**
     * Loads a checkpoint into existing tensors (a model's stateDict, an optimizer's state). The file must hold
     * exactly these names with dtype F32 and the same shapes; otherwise nothing is copied and the exception lists
     * every difference in one message.
     */
    public static Map<String, String> loadInto(Path path, Map<String, Tensor> targets) throws IOException {
        Parsed p = parse(path);
        List<String> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>(), unexpected = new ArrayList<>();
        Map<String, Entry> byName = new LinkedHashMap<>();
        for (Entry e : p.entries) byName.put(e.name, e);
        for (Map.Entry<String, Tensor> t : targets.entrySet()) {
            Entry e = byName.get(t.getKey());
            if (e == null) {
                missing.add(t.getKey());
                continue;
            }
            if (!e.dtype.equals("F32")) problems.add("'" + e.name + "' has dtype " + e.dtype + ", expected F32");
            if (!Arrays.equals(e.shape, t.getValue().shape())) {
                problems.add("'" + e.name + "' has shape " + Arrays.toString(e.shape) + ", expected "
                        + Arrays.toString(t.getValue().shape()));
            }
        }
        for (String k : byName.keySet()) if (!targets.containsKey(k)) unexpected.add(k);
        if (!missing.isEmpty()) problems.add(0, "missing " + missing);
        if (!unexpected.isEmpty()) problems.add("unexpected " + unexpected);
        if (!problems.isEmpty()) {
            throw new SafeTensorsException(path, "does not match the model: " + String.join("; ", problems));
        }
        for (Map.Entry<String, Tensor> t : targets.entrySet()) {
            float[] v = floats(p.data, byName.get(t.getKey()));
            System.arraycopy(v, 0, t.getValue().data(), 0, v.length);
        }
        return p.metadata;
    }

    private static float[] floats(ByteBuffer data, Entry e) {
        float[] v = new float[(int) ((e.end - e.begin) / 4)];
        ByteBuffer b = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        b.position((int) e.begin);
        b.asFloatBuffer().get(v);
        return v;
    }

    private static final class Parsed {
        final List<Entry> entries;
        final Map<String, String> metadata;
        final ByteBuffer data;

        Parsed(List<Entry> entries, Map<String, String> metadata, ByteBuffer data) {
            this.entries = entries;
            this.metadata = metadata;
            this.data = data;
        }
    }

    private static Parsed parse(Path path) throws IOException {
        byte[] all;
        try {
            all = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new SafeTensorsException(path, "file not found");
        }
        if (all.length < 8) {
            throw new SafeTensorsException(path, "not a safetensors file (only " + all.length + " bytes)");
        }
        long n = ByteBuffer.wrap(all, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (n < 2 || n > MAX_HEADER) {
            throw new SafeTensorsException(path, "not a safetensors file (header length field reads " + n + ")");
        }
        if (all.length < 8 + n) {
            boolean looksLikeJson = all.length > 8 && all[8] == '{';
            throw new SafeTensorsException(path, looksLikeJson
                    ? "truncated: the header needs " + n + " bytes but only " + (all.length - 8) + " follow"
                    : "not a safetensors file (header length field reads " + n + " but the file has " + all.length + " bytes)");
        }
        if (all[8] != '{') throw new SafeTensorsException(path, "not a safetensors file (the header is not JSON)");
        String headerText = new String(all, 8, (int) n, StandardCharsets.UTF_8);
        Object json;
        try {
            json = Json.parse(headerText.stripTrailing());
        } catch (IllegalArgumentException e) {
            throw new SafeTensorsException(path, "corrupt header: " + e.getMessage());
        }
        if (!(json instanceof Map)) throw new SafeTensorsException(path, "corrupt header: not a JSON object");
        long dataSize = all.length - 8 - n;
        List<Entry> entries = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<?, ?> kv : ((Map<?, ?>) json).entrySet()) {
            String name = (String) kv.getKey();
            if (name.equals(METADATA)) {
                if (!(kv.getValue() instanceof Map)) throw new SafeTensorsException(path, "corrupt header: __metadata__ is not an object");
                for (Map.Entry<?, ?> m : ((Map<?, ?>) kv.getValue()).entrySet()) {
                    if (!(m.getValue() instanceof String)) {
                        throw new SafeTensorsException(path, "corrupt header: metadata value for '" + m.getKey() + "' is not a string");
                    }
                    metadata.put((String) m.getKey(), (String) m.getValue());
                }
                continue;
            }
            entries.add(entry(path, name, kv.getValue()));
        }
        // The tensors must tile the data section exactly: in offset order, no gaps, no overlaps, nothing after.
        // Sorting by (begin, end), as the official reader does, puts an empty tensor [k, k] before one starting at k.
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort((a, b) -> a.begin != b.begin ? Long.compare(a.begin, b.begin) : Long.compare(a.end, b.end));
        long expected = 0;
        for (Entry e : sorted) {
            if (e.begin != expected) {
                throw new SafeTensorsException(path, "corrupt header: tensor '" + e.name + "' starts at byte " + e.begin
                        + " but the previous tensor ends at " + expected);
            }
            expected = e.end;
        }
        if (dataSize < expected) {
            throw new SafeTensorsException(path, "truncated: the tensors need " + expected + " data bytes but the file holds "
                    + dataSize);
        }
        if (dataSize > expected) {
            throw new SafeTensorsException(path, "corrupt: " + (dataSize - expected) + " unexpected bytes after the last tensor");
        }
        return new Parsed(entries, metadata, ByteBuffer.wrap(all, (int) (8 + n), (int) dataSize).slice());
    }

    private static Entry entry(Path path, String name, Object value) throws SafeTensorsException {
        String bad = "corrupt header: entry '" + name + "' ";
        if (!(value instanceof Map)) throw new SafeTensorsException(path, bad + "is not an object");
        Map<?, ?> m = (Map<?, ?>) value;
        if (!(m.get("dtype") instanceof String)) throw new SafeTensorsException(path, bad + "has no dtype");
        String dtype = (String) m.get("dtype");
        if (!(m.get("shape") instanceof List)) throw new SafeTensorsException(path, bad + "has no shape");
        List<?> s = (List<?>) m.get("shape");
        int[] shape = new int[s.size()];
        long count = 1;
        for (int k = 0; k < shape.length; k++) {
            if (!(s.get(k) instanceof Long) || (Long) s.get(k) < 0 || (Long) s.get(k) > Integer.MAX_VALUE) {
                throw new SafeTensorsException(path, bad + "has an invalid shape " + s);
            }
            shape[k] = (int) (long) (Long) s.get(k);
            count *= shape[k];
        }
        if (!(m.get("data_offsets") instanceof List) || ((List<?>) m.get("data_offsets")).size() != 2) {
            throw new SafeTensorsException(path, bad + "has no data_offsets [begin, end]");
        }
        List<?> o = (List<?>) m.get("data_offsets");
        if (!(o.get(0) instanceof Long) || !(o.get(1) instanceof Long)) {
            throw new SafeTensorsException(path, bad + "has non-integer data_offsets");
        }
        long begin = (Long) o.get(0), end = (Long) o.get(1);
        long width = dtypeBytes(dtype);
        if (begin < 0 || end < begin || (width > 0 && end - begin != count * width)) {
            throw new SafeTensorsException(path, bad + "has data_offsets [" + begin + ", " + end + "] that do not fit shape "
                    + Arrays.toString(shape) + " of " + dtype);
        }
        return new Entry(name, dtype, shape, begin, end);
    }

    /** Bytes per element of the safetensors dtypes (0 when unknown: the size check is then skipped). */
    private static long dtypeBytes(String dtype) {
        switch (dtype) {
            case "F64": case "I64": case "U64": return 8;
            case "F32": case "I32": case "U32": return 4;
            case "F16": case "BF16": case "I16": case "U16": return 2;
            case "I8": case "U8": case "BOOL": case "F8_E4M3": case "F8_E5M2": return 1;
            default: return 0;
        }
    }
}
