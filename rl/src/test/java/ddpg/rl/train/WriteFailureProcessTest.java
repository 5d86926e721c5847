package ddpg.rl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.rl.sweep.DdpgProcess;
import ddpg.testing.ChildProcess;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write refused mid-run is one line naming the file and the last good checkpoint, exit code 2, and that checkpoint
 * is intact. The refusal is real: the process runs under {@code ulimit -f}, so the second checkpoint's replay.bin
 * (about 100 KB) fails with EFBIG "File too large" exactly as a full disk fails with ENOSPC, also for root.
 */
class WriteFailureProcessTest {
    @Test
    void aFailedCheckpointWriteIsOneLineAndTheLastGoodOneStaysIntact(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(new File("/bin/bash").canExecute(), "needs bash for ulimit");
        Path out = tmp.resolve("runs");
        List<String> args = List.of("--task", "cartpole-swingup", "--steps", "3000", "--warmup", "1000", "--learning-starts", "1000",
                "--hidden", "16,16", "--batch", "16", "--eval-every", "1000", "--eval-episodes", "1", "--checkpoint-every", "1000",
                "--no-gif", "--no-tensorboard", "--log-every", "1", "--out", out.toString());
        List<String> java = new ArrayList<>(DdpgProcess.builder(tmp.resolve("unused.log"), args.toArray(new String[0])).command());
        StringBuilder cmd = new StringBuilder("ulimit -f 100; exec");   // 100 KiB per file
        for (String a : java) cmd.append(" '").append(a.replace("'", "'\\''")).append('\'');
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", "-c", cmd.toString());
        pb.environment().remove("DDPG_PARENT_PID");
        Path stdout = tmp.resolve("out.log"), stderr = tmp.resolve("err.log");
        pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        int exit = ChildProcess.run(pb, 300).exit();

        List<String> errors = Files.readAllLines(stderr, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.startsWith("WARNING: Using incubator modules")).toList();
        String all = String.join("\n", errors) + "\n" + Files.readString(stdout);
        assertEquals(2, exit, all);
        assertEquals(1, errors.size(), all);
        Path run;
        try (Stream<Path> s = Files.list(out)) {
            run = s.findFirst().orElseThrow();
        }
        Path good = run.resolve("checkpoints").resolve("step-000000001000");
        String e = errors.get(0);
        assertTrue(e.startsWith("ddpg: could not write " + run.resolve("checkpoints").resolve(".tmp-step-000000002000").resolve("replay.bin")
                + " (File too large); the last good checkpoint, " + good + ", is intact"), e);
        assertTrue(e.endsWith("--resume " + run), e);
        try (Stream<Path> s = Files.list(run.resolve("checkpoints"))) {
            assertEquals(List.of("step-000000001000"), s.map(f -> f.getFileName().toString()).toList(), "no half-written folder left");
        }
        assertTrue(CheckpointManifest.verify(good), "the last good checkpoint matches its manifest");

        Path log = tmp.resolve("resume.log");
        assertEquals(0, DdpgProcess.run(log, 300, "--resume", run.toString()), DdpgProcess.text(log));
        List<String> rows = Files.readAllLines(run.resolve("progress.csv"));
        assertTrue(rows.get(rows.size() - 1).startsWith("3000,"), rows.toString());
    }
}
