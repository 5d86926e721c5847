package ddpg.rl.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {
    @TempDir Path dir;

    @Test
    void aSecondTrainerOfTheSameFolderIsRefusedUntilTheFirstLetsGo() throws Exception {
        assertFalse(RunLock.isHeld(dir));
        try (RunLock first = RunLock.acquire(dir)) {
            RunLock.Busy busy = assertThrows(RunLock.Busy.class, () -> RunLock.acquire(dir));
            assertTrue(busy.getMessage().contains("being trained by another process (pid " + ProcessHandle.current().pid() + ")"), busy.getMessage());
        }
        try (RunLock again = RunLock.acquire(dir)) {
            assertTrue(again != null);
        }
    }
}
