package ddpg.rl.viz;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/** Image files written atomically: into a temp file beside the target, then renamed over it. */
public final class ImageFiles {
    static {
        ImageIO.setUseCache(false); // encode in memory, no scratch files in java.io.tmpdir
    }

    private ImageFiles() {}

    /** Writes {@code img} as PNG to {@code out}; a reader never sees a half-written file. */
    public static void writePng(BufferedImage img, Path out) {
        Path tmp = tempBeside(out);
        try {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                if (!ImageIO.write(img, "png", os)) throw new IOException("no PNG encoder in this JDK");
            }
            moveOver(tmp, out);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new IllegalArgumentException("cannot write " + out + ": " + e.getMessage());
        }
    }

    /**
     * {@code img} encoded as PNG in memory. The JDK's encoder writes IHDR, IDAT and IEND only (no tIME or text
     * chunk), so the same picture always gives the same bytes.
     */
    public static byte[] pngBytes(BufferedImage img) {
        java.io.ByteArrayOutputStream os = new java.io.ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "png", os)) throw new IllegalStateException("no PNG encoder in this JDK");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a memory stream does not fail
        }
        return os.toByteArray();
    }

    /** A fresh temp file in {@code out}'s folder (so the rename stays on one file system). */
    static Path tempBeside(Path out) {
        Path abs = out.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("cannot write " + out + ": folder " + dir + " does not exist (create it first)");
        }
        try {
            // Not Files.createTempFile: that makes the file owner-only (0600), and the rename would keep it so.
            Path tmp = dir.resolve("." + abs.getFileName() + "." + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp");
            return Files.createFile(tmp);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + out + ": folder " + dir + " is not writable (" + e.getMessage() + ")");
        }
    }

    static void moveOver(Path tmp, Path out) throws IOException {
        try {
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: a stray temp file is harmless
        }
    }
}
