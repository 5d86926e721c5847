package ddpg.rl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The weight files get the same permissions (the umask's) as every other file of a run, not a temp file's 0600. */
class FilePermissionsTest {
    @Test
    void weightFilesHaveTheSamePermissionsAsTheRest(@TempDir Path out) throws IOException {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        RunConfig c = TinyRuns.config(600);
        Path dir = TinyRuns.newRun(out, c);
        TinyRuns.trainer(c, dir).start();
        var expected = Files.getPosixFilePermissions(dir.resolve("config.json"));
        assertEquals(expected, Files.getPosixFilePermissions(dir.resolve(PolicyFiles.WEIGHTS)));
        Path ckpt = Checkpoint.latest(dir);
        assertEquals(expected, Files.getPosixFilePermissions(ckpt.resolve(Checkpoint.AGENT_FILE)));
        assertEquals(expected, Files.getPosixFilePermissions(ckpt.resolve(Checkpoint.REPLAY_FILE)));
    }
}
