package ddpg.rl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.engine.Tensor;
import ddpg.engine.io.SafeTensors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged file is one line and exit 2, for every command that reads it, and nothing is overwritten: eval and render
 * on a bad actor.safetensors, --resume on a bad checkpoint (agent.safetensors, replay.bin, state.json) or a short
 * progress.csv. The run folder here has a single checkpoint, so --resume has nothing to fall back to.
 */
class DamagedFilesTest extends ConsoleTest {
    @TempDir static Path shared;
    private static Path original;
    @TempDir Path tmp;

    @BeforeAll
    static void tinyRun() throws IOException {
        original = ConsoleTest.tinyRun(shared.resolve("runs"));
    }

    /** A fresh copy of the tiny run (without its lock file). */
    private Path copyOfRun() throws IOException {
        Path to = tmp.resolve("run-" + System.nanoTime());
        try (Stream<Path> s = Files.walk(original)) {
            for (Path p : s.toList()) {
                Path q = to.resolve(original.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(q);
                else if (!p.getFileName().toString().equals(".lock")) Files.copy(p, q);
            }
        }
        return to;
    }

    private static Path checkpoint(Path run) throws IOException {
        try (Stream<Path> s = Files.list(run.resolve("checkpoints"))) {
            List<Path> all = s.filter(p -> p.getFileName().toString().startsWith("step-")).sorted().toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    @FunctionalInterface
    interface Damage {
        void apply(Path file) throws IOException;
    }

    /** Every way a safetensors file can be unusable that the loader must name. */
    static Map<String, Damage> safetensorsDamage() {
        Map<String, Damage> d = new LinkedHashMap<>();
        d.put("short file", f -> Files.write(f, Arrays.copyOf(Files.readAllBytes(f), 5)));
        d.put("header length past the end", f -> {
            byte[] b = Files.readAllBytes(f);
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1_000_000L);
            Files.write(f, b);
        });
        d.put("bad dtype", f -> editHeader(f, h -> h.replaceFirst("\"F32\"", "\"I32\"")));
        d.put("overlapping offsets", f -> editHeader(f, h -> {
            // The second tensor is made to start at 0 too: same header length, so only the offsets are wrong.
            Matcher m = Pattern.compile("\"data_offsets\":\\[(\\d+),").matcher(h);
            assertTrue(m.find() && m.find());
            String begin = m.group(1);
            return h.substring(0, m.start(1)) + " ".repeat(begin.length() - 1) + "0" + h.substring(m.end(1));
        }));
        d.put("truncated data", f -> {
            byte[] b = Files.readAllBytes(f);
            Files.write(f, Arrays.copyOf(b, b.length - 12));
        });
        d.put("wrong shape", f -> rewrite(f, t -> {
            Map.Entry<String, Tensor> first = t.entrySet().iterator().next();
            t.put(first.getKey(), Tensor.wrap(first.getValue().data(), first.getValue().size()));
        }));
        d.put("missing tensor", f -> rewrite(f, t -> t.remove(new ArrayList<>(t.keySet()).get(t.size() - 1))));
        d.put("NaN weight", f -> rewrite(f, t -> t.values().iterator().next().data()[0] = Float.NaN));
        d.put("infinite weight", f -> rewrite(f, t -> t.values().iterator().next().data()[1] = Float.NEGATIVE_INFINITY));
        return d;
    }

    private static void editHeader(Path f, java.util.function.UnaryOperator<String> edit) throws IOException {
        byte[] b = Files.readAllBytes(f);
        int n = (int) ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        String header = new String(b, 8, n, StandardCharsets.US_ASCII);
        byte[] edited = edit.apply(header).getBytes(StandardCharsets.US_ASCII);
        assertEquals(n, edited.length, "the edit keeps the header length");
        System.arraycopy(edited, 0, b, 8, n);
        Files.write(f, b);
    }

    private static void rewrite(Path f, java.util.function.Consumer<Map<String, Tensor>> edit) throws IOException {
        SafeTensors.Contents c = SafeTensors.read(f);
        Map<String, Tensor> t = new LinkedHashMap<>();
        c.tensors().forEach((k, v) -> t.put(k, Tensor.copyOf(v)));
        edit.accept(t);
        SafeTensors.write(f, t, c.metadata());
    }

    @Test
    void evalAndRenderReportADamagedActorInOneLine() throws IOException {
        for (Map.Entry<String, Damage> d : safetensorsDamage().entrySet()) {
            Path run = copyOfRun();
            Path actor = run.resolve("actor.safetensors");
            d.getValue().apply(actor);
            byte[] damaged = Files.readAllBytes(actor);
            assertOneLineError(run("eval", "--run", run.toString(), "--episodes", "1"), "actor.safetensors");
            if (d.getKey().contains("weight")) assertTrue(errText().contains("'net.0.weight' holds"), d.getKey() + ": " + errText());
            Path gif = tmp.resolve("film.gif");
            assertOneLineError(run("render", "--run", run.toString(), "--steps", "2", "--out", gif.toString()), "actor.safetensors");
            assertFalse(Files.exists(gif), d.getKey());
            assertArrayEquals(damaged, Files.readAllBytes(actor), d.getKey() + ": the file is left as it was");
        }
    }

    @Test
    void evalReportsADamagedCheckpointActorInOneLine() throws IOException {
        Path run = copyOfRun();
        Files.delete(run.resolve("actor.safetensors")); // eval then reads the last checkpoint's actor
        safetensorsDamage().get("NaN weight").apply(checkpoint(run).resolve("agent.safetensors"));
        assertOneLineError(run("eval", "--run", run.toString(), "--episodes", "1"), "'actor.net.0.weight' holds NaN");
    }

    /** --resume of a damaged checkpoint: one line naming the file, and the run folder exactly as it was. */
    private void assertResumeRefused(Path run, String expected) throws IOException {
        Map<String, byte[]> before = contents(run);
        assertOneLineError(run("--resume", run.toString(), "--steps", "300"), expected);
        Map<String, byte[]> after = contents(run);
        assertEquals(before.keySet(), after.keySet(), "no file added or removed");
        for (String k : before.keySet()) assertArrayEquals(before.get(k), after.get(k), k + " is unchanged");
    }

    private static Map<String, byte[]> contents(Path run) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(run)) {
            for (Path p : s.sorted().toList()) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().equals(".lock")) m.put(run.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }

    @Test
    void resumeReportsADamagedAgentFileInOneLine() throws IOException {
        for (Map.Entry<String, Damage> d : safetensorsDamage().entrySet()) {
            // Without its manifest (a checkpoint from before manifests) the loader itself must catch the damage.
            Path run = copyOfRun();
            Path ckpt = checkpoint(run);
            Files.delete(ckpt.resolve("manifest.json"));
            d.getValue().apply(ckpt.resolve("agent.safetensors"));
            assertResumeRefused(run, "agent.safetensors");
            assertTrue(errText().contains("no intact checkpoint is left"), d.getKey() + ": " + errText());
        }
        // With it, the manifest's size or CRC32C names the file first.
        Path run = copyOfRun();
        safetensorsDamage().get("NaN weight").apply(checkpoint(run).resolve("agent.safetensors"));
        assertResumeRefused(run, "agent.safetensors");
        assertTrue(errText().contains("manifest"), errText());
    }

    @Test
    void resumeReportsADamagedReplayFileInOneLine() throws IOException {
        Map<String, Damage> damage = new LinkedHashMap<>();
        damage.put("truncated", f -> Files.write(f, Arrays.copyOf(Files.readAllBytes(f), (int) Files.size(f) - 100)));
        damage.put("oversized", f -> Files.write(f, new byte[64], java.nio.file.StandardOpenOption.APPEND));
        damage.put("missing", Files::delete);
        for (boolean manifest : new boolean[] {true, false}) {
            for (Map.Entry<String, Damage> d : damage.entrySet()) {
                Path run = copyOfRun();
                Path ckpt = checkpoint(run);
                if (!manifest) Files.delete(ckpt.resolve("manifest.json"));
                d.getValue().apply(ckpt.resolve("replay.bin"));
                assertResumeRefused(run, "replay.bin");
            }
        }
    }

    @Test
    void resumeReportsADamagedStateFileInOneLine() throws IOException {
        Path run = copyOfRun();
        Path state = checkpoint(run).resolve("state.json");
        Files.delete(state.resolveSibling("manifest.json"));
        Files.writeString(state, Files.readString(state).replaceAll("(?m)^\\s*\"episode\": \\d+,\\n", ""));
        assertFalse(Files.readString(state).contains("\"episode\""));
        assertResumeRefused(run, "state.json has no 'episode' field");

        run = copyOfRun();
        state = checkpoint(run).resolve("state.json");
        Files.delete(state.resolveSibling("manifest.json"));
        Files.writeString(state, "{\"task\": \"cartpole-swingup\", oops");
        assertResumeRefused(run, "state.json is not valid JSON");
    }

    @Test
    void resumeReportsAShortProgressLogInOneLine() throws IOException {
        Path run = copyOfRun();
        Path progress = run.resolve("progress.csv");
        Files.write(progress, Arrays.copyOf(Files.readAllBytes(progress), 20));
        assertResumeRefused(run, "progress.csv is 20 bytes, shorter than");
    }
}
