package ddpg.rl.train;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Creates {@code <out>/<task>-s<seed>-<yyyyMMdd-HHmmss>/} (with "-2", "-3"... if that name is taken). */
public final class RunFolder {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunFolder() {}

    public static String name(String task, long seed, LocalDateTime time) {
        return task + "-s" + seed + "-" + STAMP.format(time);
    }

    /**
     * Makes a fresh, empty run folder. An output folder that cannot be created or written is an
     * {@link IllegalArgumentException} naming it; nothing existing is ever reused or overwritten.
     */
    public static Path create(Path out, String task, long seed, LocalDateTime time) {
        try {
            Files.createDirectories(out);
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException("cannot create the output folder " + out + " (" + reason(e)
                    + "); choose another with --out DIR");
        }
        if (!Files.isDirectory(out) || !Files.isWritable(out)) {
            throw new IllegalArgumentException("the output folder " + out + " is not writable; choose another with --out DIR");
        }
        String base = name(task, seed, time);
        for (int k = 1; k < 1000; k++) {
            Path dir = out.resolve(k == 1 ? base : base + "-" + k);
            try {
                Files.createDirectory(dir);
                return dir;
            } catch (FileAlreadyExistsException e) {
                // taken: try the next suffix
            } catch (IOException | SecurityException e) {
                throw new IllegalArgumentException("cannot create the run folder " + dir + " (" + reason(e)
                        + "); choose another output folder with --out DIR");
            }
        }
        throw new IllegalArgumentException("too many runs named " + base + " in " + out);
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.NoSuchFileException) return "a parent folder does not exist";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
