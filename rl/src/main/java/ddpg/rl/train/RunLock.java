package ddpg.rl.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An operating-system lock on {@code <run>/.lock}, held for as long as a process trains the run: a second trainer of
 * the same folder (a repeated {@code --resume}, a requeued cluster task racing a leftover one) is refused instead of
 * interleaving its writes. The OS releases the lock when the process dies, however it dies, so a crash never leaves
 * a folder locked. The file holds the owner's pid, for the refusal message only.
 */
public final class RunLock implements AutoCloseable {
    public static final String FILE = ".lock";

    /** The folder is being trained by another process. */
    public static final class Busy extends Exception {
        private static final long serialVersionUID = 1L;

        Busy(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code runDir} or throws {@link Busy} naming the process that holds it. */
    public static RunLock acquire(Path runDir) throws IOException, Busy {
        Path file = runDir.resolve(FILE);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) { // held by this very process
            l = null;
        }
        if (l == null) {
            String owner = readOwner(ch);
            ch.close();
            throw new Busy(runDir + " is being trained by another process" + (owner.isEmpty() ? "" : " (pid " + owner + ")")
                    + "; wait for it to finish or stop it first");
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        return new RunLock(ch, l);
    }

    /** True when some process holds the lock of {@code runDir} right now (for status displays). */
    public static boolean isHeld(Path runDir) {
        Path file = runDir.resolve(FILE);
        if (!Files.isRegularFile(file)) return false;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) return true;
            l.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String readOwner(FileChannel ch) {
        try {
            ByteBuffer b = ByteBuffer.allocate(32);
            ch.read(b, 0);
            return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) lock.release();
        } finally {
            channel.close();
        }
    }
}
