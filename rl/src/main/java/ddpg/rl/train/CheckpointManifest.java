package ddpg.rl.train;

import ddpg.engine.io.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * A checkpoint's {@code manifest.json}: the size and CRC32C of each of its files, written last. {@code --resume}
 * checks it before loading, so a damaged checkpoint (a truncated copy, a flipped bit) is recognised as such and the
 * run can fall back to the one before. Checkpoints written before manifests existed have none and load unverified.
 */
final class CheckpointManifest {
    static final String FILE = "manifest.json";
    static final String DAMAGED = "the checkpoint is damaged";

    private CheckpointManifest() {}

    /** Writes the manifest of {@code files} (names inside {@code dir}). */
    static void write(Path dir, List<String> files) throws IOException {
        Map<String, Object> entries = new LinkedHashMap<>();
        for (String name : files) {
            Path f = dir.resolve(name);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("bytes", Files.size(f));
            e.put("crc32c", hex(crc32c(f)));
            entries.put(name, e);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", 1L);
        m.put("files", entries);
        AtomicFiles.writeString(dir.resolve(FILE), Json.write(m));
    }

    /**
     * Checks every file the manifest lists; damage is a {@link BadFile} naming the file. Returns false when the
     * checkpoint has no manifest (an older one: nothing to check against).
     */
    static boolean verify(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) return false;
        JsonFields files = JsonFields.read(file, DAMAGED).object("files");
        for (String name : files.map().keySet()) {
            JsonFields e = files.object(name);
            Path f = dir.resolve(name);
            try {
                long size = Files.size(f);
                if (size != e.whole("bytes")) {
                    throw new BadFile(f + " is " + size + " bytes but its manifest says " + e.whole("bytes")
                            + " (truncated or overwritten); " + DAMAGED);
                }
                if (!hex(crc32c(f)).equals(e.text("crc32c")))
                    throw new BadFile(f + " does not match the CRC32C in its manifest (corrupt); " + DAMAGED);
            } catch (java.nio.file.NoSuchFileException ex) {
                throw new BadFile(f + " is missing; " + DAMAGED);
            } catch (IOException ex) {
                throw new BadFile("cannot read " + f + " (" + WriteFailed.reason(ex) + "); " + DAMAGED);
            }
        }
        return true;
    }

    static long crc32c(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (ch.read(buf) >= 0) {
                buf.flip();
                crc.update(buf);
                buf.clear();
            }
        }
        return crc.getValue();
    }

    private static String hex(long crc) {
        return String.format(Locale.ROOT, "%08x", crc);
    }
}
