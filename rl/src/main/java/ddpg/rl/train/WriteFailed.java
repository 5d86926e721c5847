package ddpg.rl.train;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Writing a file failed (disk full, folder made read-only, file too large): an IOException whose message names the
 * file, since the operating system's own message ("No space left on device") does not.
 */
public final class WriteFailed extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public WriteFailed(Path file, IOException cause) {
        super("could not write " + file + " (" + reason(cause) + ")", cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** A write that may throw. */
    @FunctionalInterface
    public interface Write {
        void run() throws IOException;
    }

    /** Runs {@code write}; a failure names {@code file} (a WriteFailed from deeper down keeps its own, closer file). */
    public static void guard(Path file, Write write) throws WriteFailed {
        try {
            write.run();
        } catch (WriteFailed e) {
            throw e;
        } catch (IOException e) {
            throw new WriteFailed(file, e);
        }
    }

    /** The operating system's reason, short: "No space left on device", "permission denied". */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "a folder on its path does not exist";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
