package ddpg.rl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two newest checkpoints are kept, each with a manifest. --resume checks the newest against its manifest; a
 * damaged one is reported in one line, set aside, and the run continues bit for bit from the one before. Checkpoints
 * without a manifest (older runs) still resume, and stale or surplus folders are cleaned once a new one is complete.
 */
class CheckpointFallbackTest {
    @TempDir Path out;

    /** A run of 2000 steps "killed" at 1300, with checkpoints at 540 and 1020 (first episode ends after 500, 1000). */
    private Path brokenRun(RunConfig c) throws IOException {
        Path dir = TinyRuns.newRun(out.resolve("broken-" + System.nanoTime()), c);
        Trainer t = TinyRuns.trainer(c, dir);
        t.killAfterStep = 1300;
        t.start();
        assertEquals(List.of("step-000000000540", "step-000000001020"), names(Checkpoint.list(dir)));
        return dir;
    }

    private Path wholeRun(RunConfig c) throws IOException {
        Path dir = TinyRuns.newRun(out.resolve("whole"), c);
        TinyRuns.trainer(c, dir).start();
        return dir;
    }

    private static List<String> names(List<Path> paths) {
        return paths.stream().map(p -> p.getFileName().toString()).toList();
    }

    private static String resume(Path dir) throws IOException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RunConfig again = RunConfig.read(dir.resolve("config.json"));
        new Trainer(again, dir, PointMassEnv::new, new PrintStream(console, true, StandardCharsets.UTF_8), false).resume();
        return console.toString(StandardCharsets.UTF_8);
    }

    private static void assertSameRun(Path whole, Path dir) throws IOException {
        assertEquals(TinyRuns.deterministicColumns(whole), TinyRuns.deterministicColumns(dir));
        assertArrayEquals(Files.readAllBytes(whole.resolve(PolicyFiles.WEIGHTS)), Files.readAllBytes(dir.resolve(PolicyFiles.WEIGHTS)));
    }

    /** Changes one weight of the first tensor, keeping the file's size: only the manifest's CRC32C can tell. */
    private static void flipAWeight(Path agentFile) throws IOException {
        byte[] b = Files.readAllBytes(agentFile);
        long header = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        b[(int) (8 + header + 2)] ^= 0x55;
        Files.write(agentFile, b);
    }

    @Test
    void aDamagedNewestCheckpointFallsBackToThePreviousOneBitExactly() throws IOException {
        RunConfig c = TinyRuns.config(2000);
        Path whole = wholeRun(c);
        Path dir = brokenRun(c);
        Path newest = Checkpoint.latest(dir);
        flipAWeight(newest.resolve(Checkpoint.AGENT_FILE));

        String console = resume(dir);
        List<String> warnings = console.lines().filter(l -> l.contains("warning:")).toList();
        assertEquals(1, warnings.size(), console);
        assertTrue(warnings.get(0).contains("agent.safetensors does not match the CRC32C in its manifest")
                && warnings.get(0).contains("step-000000000540"), warnings.get(0));
        assertTrue(console.contains("resuming point-mass at step 540 "), console);
        // Bit-exact although it went back further: progress.csv was cut back to the older checkpoint's length.
        assertSameRun(whole, dir);
        Path aside = dir.resolve("checkpoints").resolve("damaged-step-000000001020");
        assertTrue(Files.isDirectory(aside), "the damaged checkpoint is kept aside, never loaded again");
        assertEquals(List.of("step-000000001500", "step-000000002000"), names(Checkpoint.list(dir)));
    }

    @Test
    void checkpointsWithoutAManifestStillResume() throws IOException {
        RunConfig c = TinyRuns.config(2000);
        Path whole = wholeRun(c);
        Path dir = brokenRun(c);
        for (Path p : Checkpoint.list(dir)) Files.delete(p.resolve(CheckpointManifest.FILE));
        String console = resume(dir);
        assertFalse(console.contains("warning"), console);
        assertSameRun(whole, dir);
    }

    @Test
    void staleAndSurplusFoldersAreRemovedOnceANewCheckpointIsComplete() throws IOException {
        RunConfig c = TinyRuns.config(2000);
        Path dir = brokenRun(c);
        Path folder = dir.resolve(Checkpoint.FOLDER);
        Files.createDirectories(folder.resolve(".tmp-step-000000001200")).resolve("replay.bin");
        Files.writeString(folder.resolve(".tmp-step-000000001200").resolve("replay.bin"), "half written");
        Path old = Files.createDirectories(folder.resolve("step-000000000100"));
        Files.writeString(old.resolve(Checkpoint.STATE_FILE), "{}");
        resume(dir);
        try (Stream<Path> s = Files.list(folder)) {
            assertEquals(List.of("step-000000001500", "step-000000002000"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void withEveryCheckpointDamagedNothingIsMoved() throws IOException {
        RunConfig c = TinyRuns.config(2000);
        Path dir = brokenRun(c);
        for (Path p : Checkpoint.list(dir)) flipAWeight(p.resolve(Checkpoint.AGENT_FILE));
        byte[] progress = Files.readAllBytes(dir.resolve(ProgressLog.FILE_NAME));
        BadFile e = assertThrows(BadFile.class, () -> resume(dir));
        assertTrue(e.getMessage().contains("step-000000001020") && e.getMessage().contains("no intact checkpoint is left"), e.getMessage());
        assertEquals(List.of("step-000000000540", "step-000000001020"), names(Checkpoint.list(dir)));
        assertArrayEquals(progress, Files.readAllBytes(dir.resolve(ProgressLog.FILE_NAME)));
    }
}
