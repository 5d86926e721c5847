package ddpg.rl.cli;

import static ddpg.rl.sweep.DdpgProcess.builder;
import static ddpg.rl.sweep.DdpgProcess.exit;
import static ddpg.rl.sweep.DdpgProcess.java;
import static ddpg.rl.sweep.DdpgProcess.progressWithoutClock;
import static ddpg.rl.sweep.DdpgProcess.run;
import static ddpg.rl.sweep.DdpgProcess.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.engine.io.Json;
import ddpg.rl.train.Checkpoint;
import ddpg.testing.ChildProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same bits on any CPU, end to end: a short DDPG training run (cartpole-swingup, 64-64 networks, 2,500 updates,
 * evaluations and checkpoints along the way) launched as a real process with {@code --kernels scalar}, {@code simd128},
 * {@code simd256} and {@code simd512} writes the same progress.csv (wall-clock columns aside) and a byte-identical
 * actor.safetensors; a run killed on one path and resumed on another ends the same too, and its config.json lists both
 * paths. Runs under whichever JDK runs the suite. Also the switch itself: --kernels beats DDPG_KERNELS, and a bad
 * value is one line.
 */
class KernelPathsTest {
    static final String[] PATHS = {"scalar", "simd128", "simd256", "simd512"};
    static final String[] TINY = {"--task", "cartpole-swingup", "--seed", "3", "--steps", "3000", "--warmup", "500",
        "--learning-starts", "500", "--hidden", "64,64", "--batch", "64", "--eval-every", "500", "--eval-episodes", "2",
        "--checkpoint-every", "500", "--no-gif", "--no-tensorboard", "--log-every", "1"};

    @TempDir
    Path tmp;

    @Test
    void trainingGivesTheSameBitsOnEveryKernelPathAndResumesAcrossThem() throws Exception {
        Path reference = null;
        for (String path : PATHS) {
            Path out = tmp.resolve(path);
            Path log = tmp.resolve(path + ".log");
            assertEquals(0, run(log, 600, train(out, path)), text(log));
            Path dir = runDir(out);
            Map<String, Object> config = Json.parseObject(Files.readString(dir.resolve("config.json")));
            String kernels = (String) config.get("kernels");
            assertTrue(kernels.equals("scalar") ? path.equals("scalar")
                    : kernels.startsWith(path + " (FloatVector S_" + path.substring(4) + "_BIT"), kernels);
            assertEquals(List.of(kernels), config.get("kernels_history"));
            if (reference == null) {
                reference = dir;
                List<String> rows = progressWithoutClock(dir);
                assertTrue(rows.size() >= 7 && rows.get(rows.size() - 1).startsWith("3000,"), "progress.csv: " + rows);
                continue;
            }
            assertEquals(progressWithoutClock(reference), progressWithoutClock(dir), path + " vs scalar: progress.csv");
            assertEquals(-1, Files.mismatch(reference.resolve("actor.safetensors"), dir.resolve("actor.safetensors")),
                    path + " vs scalar: actor.safetensors");
        }

        // Killed (SIGKILL) on simd256 after the checkpoint at step 1000, resumed on the scalar path.
        Path out = tmp.resolve("broken");
        Path dir = null;
        try (ChildProcess p = ChildProcess.start(builder(tmp.resolve("broken.log"), train(out, "simd256")))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (p.process().isAlive() && System.nanoTime() < deadline) {
                if (dir == null) dir = runDirOrNull(out);
                if (dir != null && checkpointStep(dir) >= 1000) break;
                Thread.sleep(50);
            }
            assertTrue(p.process().isAlive() && dir != null, "not mid-run at the kill: " + p.outSoFar());
            p.killTree();
        }
        assertTrue(!Files.exists(dir.resolve("actor.safetensors")), "killed before the end");
        Path log = tmp.resolve("resume.log");
        assertEquals(0, run(log, 600, "--kernels", "scalar", "--resume", dir.toString()), text(log));
        assertEquals(progressWithoutClock(reference), progressWithoutClock(dir), "resumed on another path: progress.csv");
        assertEquals(-1, Files.mismatch(reference.resolve("actor.safetensors"), dir.resolve("actor.safetensors")),
                "resumed on another path: actor.safetensors");
        Map<String, Object> config = Json.parseObject(Files.readString(dir.resolve("config.json")));
        assertEquals("scalar", config.get("kernels"));
        List<?> history = (List<?>) config.get("kernels_history");
        assertEquals(2, history.size(), history.toString());
        assertTrue(((String) history.get(0)).startsWith("simd256 ("), history.toString());
        assertEquals("scalar", history.get(1));
    }

    @Test
    void anExplicitKernelsOptionBeatsTheEnvironmentVariable() throws Exception {
        // Started without the Vector API module, so this also goes through the relaunch.
        Path log = tmp.resolve("version.log");
        ProcessBuilder pb = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "version", "--kernels", "simd256");
        pb.environment().remove(Relauncher.GUARD);
        pb.environment().put("DDPG_KERNELS", "scalar");
        assertEquals(0, exit(pb.redirectErrorStream(true).redirectOutput(log.toFile()), 120), text(log));
        assertTrue(text(log).contains("kernels  simd256 (FloatVector S_256_BIT, 8 lanes)"), text(log));

        pb = new ProcessBuilder(java(), "--add-modules=jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "version");
        pb.environment().put("DDPG_KERNELS", "simd128");
        assertEquals(0, exit(pb.redirectErrorStream(true).redirectOutput(log.toFile()), 120), text(log));
        assertTrue(text(log).contains("kernels  simd128 (FloatVector S_128_BIT, 4 lanes)"), text(log));
    }

    @Test
    void aBadKernelsValueIsOneLine() throws Exception {
        Path log = tmp.resolve("bad.log");
        ProcessBuilder pb = new ProcessBuilder(java(), "--add-modules=jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "version");
        pb.environment().put("DDPG_KERNELS", "avx2");
        assertEquals(2, exit(pb.redirectErrorStream(true).redirectOutput(log.toFile()), 60), text(log));
        assertEquals("ddpg: DDPG_KERNELS expects scalar, simd, simd128, simd256, simd512; got 'avx2'", withoutNotice(log));

        assertEquals(2, run(log, 60, "--kernels", "simd1024", "version"), text(log));
        assertEquals("ddpg: --kernels expects scalar, simd, simd128, simd256, simd512; got 'simd1024'", withoutNotice(log));
    }

    static String[] train(Path out, String kernels) {
        List<String> a = new ArrayList<>(List.of("--kernels", kernels, "--out", out.toString()));
        a.addAll(List.of(TINY));
        return a.toArray(new String[0]);
    }

    /** The output without the JVM's "Using incubator modules" notice (the launcher filters it only when relaunching). */
    static String withoutNotice(Path log) throws IOException {
        return text(log).lines().filter(l -> !l.startsWith("WARNING: Using incubator modules")).reduce("", (a, b) -> a + b + "\n").strip();
    }

    static Path runDir(Path out) throws IOException {
        Path d = runDirOrNull(out);
        if (d == null) throw new AssertionError("no run folder in " + out);
        return d;
    }

    static Path runDirOrNull(Path out) throws IOException {
        if (!Files.isDirectory(out)) return null;
        try (Stream<Path> s = Files.list(out)) {
            List<Path> dirs = s.filter(Files::isDirectory).toList();
            return dirs.size() == 1 ? dirs.get(0) : null;
        }
    }

    /** The step of the newest complete checkpoint (its folder name ends with the step), or -1. */
    static long checkpointStep(Path dir) {
        try {
            Path c = Checkpoint.latest(dir);
            if (c == null) return -1;
            String name = c.getFileName().toString();
            return Long.parseLong(name.replaceAll("^\\D*", ""));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
