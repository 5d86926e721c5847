package ddpg.engine.io;

import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafeTensorsTest {
    @TempDir Path dir;

    private Map<String, Tensor> sample() {
        Rng rng = new Rng(11);
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("actor.0.weight", Tensor.normal(rng, 0, 1, 3, 4));
        m.put("actor.0.bias", Tensor.normal(rng, 0, 1, 4));
        m.put("step", Tensor.scalar(17f));
        m.put("odd \"name\"", Tensor.fromArray(new float[] {Float.MIN_VALUE, -0f, Float.MAX_VALUE}, 3));
        return m;
    }

    @Test void roundTripKeepsNamesShapesBitsAndMetadata() throws IOException {
        Path f = dir.resolve("ckpt.safetensors");
        SafeTensors.write(f, sample(), Map.of("format", "pt", "task", "walker-run"));
        SafeTensors.Contents c = SafeTensors.read(f);
        assertEquals(Arrays.asList(sample().keySet().toArray()), Arrays.asList(c.tensors().keySet().toArray()));
        sample().forEach((k, v) -> {
            assertArrayEquals(v.shape(), c.tensors().get(k).shape(), k);
            assertArrayEquals(v.data(), c.tensors().get(k).data(), k);
        });
        assertEquals("walker-run", c.metadata().get("task"));
        // header length is a multiple of 8 and nothing is left behind in the folder
        long n = ByteBuffer.wrap(Files.readAllBytes(f), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, n % 8);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test void loadIntoCopiesIntoExistingTensors() throws IOException {
        Path f = dir.resolve("a.safetensors");
        SafeTensors.write(f, sample());
        Map<String, Tensor> targets = new LinkedHashMap<>();
        sample().forEach((k, v) -> targets.put(k, Tensor.zeros(v.shape())));
        SafeTensors.loadInto(f, targets);
        sample().forEach((k, v) -> assertArrayEquals(v.data(), targets.get(k).data()));
    }

    @Test void mismatchesAreListedInOneMessage() throws IOException {
        Path f = dir.resolve("a.safetensors");
        SafeTensors.write(f, sample());
        Map<String, Tensor> targets = new LinkedHashMap<>();
        targets.put("actor.0.weight", Tensor.zeros(4, 3));   // wrong shape
        targets.put("actor.0.bias", Tensor.zeros(4));
        targets.put("critic.0.weight", Tensor.zeros(2, 2));  // missing from the file
        float before = targets.get("actor.0.bias").get(0);
        SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> SafeTensors.loadInto(f, targets));
        String msg = e.getMessage();
        assertTrue(msg.contains("missing [critic.0.weight]"), msg);
        assertTrue(msg.contains("'actor.0.weight' has shape [3, 4], expected [4, 3]"), msg);
        assertTrue(msg.contains("unexpected [step, odd \"name\"]"), msg);
        assertTrue(msg.startsWith(f.toString()), msg);
        assertEquals(before, targets.get("actor.0.bias").get(0), "nothing is copied when anything mismatches");
    }

    @Test void truncatedFileIsAClearError() throws IOException {
        Path f = dir.resolve("t.safetensors");
        SafeTensors.write(f, sample());
        byte[] all = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(all, all.length - 5));
        SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> SafeTensors.read(f));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        Files.write(f, Arrays.copyOf(all, 40));   // cut inside the header
        e = assertThrows(SafeTensorsException.class, () -> SafeTensors.read(f));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test void nonSafetensorsFileIsAClearError() throws IOException {
        Path f = dir.resolve("notes.txt");
        Files.writeString(f, "this is a text file, not a checkpoint\n");
        SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> SafeTensors.read(f));
        assertTrue(e.getMessage().contains("not a safetensors file"), e.getMessage());
        Files.write(f, new byte[3]);
        e = assertThrows(SafeTensorsException.class, () -> SafeTensors.read(f));
        assertTrue(e.getMessage().contains("not a safetensors file"), e.getMessage());
        e = assertThrows(SafeTensorsException.class, () -> SafeTensors.read(dir.resolve("absent.safetensors")));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test void corruptHeaderIsAClearError() throws IOException {
        Path f = dir.resolve("c.safetensors");
        byte[] header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,12]}}".getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + 12).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(header.length).put(header);
        Files.write(f, b.array());
        SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> SafeTensors.read(f));
        assertTrue(e.getMessage().contains("do not fit shape [2]"), e.getMessage());

        byte[] bad = "{\"w\":{\"dtype\":\"F32\",".getBytes(StandardCharsets.UTF_8);
        ByteBuffer c = ByteBuffer.allocate(8 + bad.length).order(ByteOrder.LITTLE_ENDIAN);
        c.putLong(bad.length).put(bad);
        Files.write(f, c.array());
        e = assertThrows(SafeTensorsException.class, () -> SafeTensors.read(f));
        assertTrue(e.getMessage().contains("corrupt header"), e.getMessage());
    }

    @Test void otherDtypesAreReportedNotMisread() throws IOException {
        Path f = dir.resolve("h.safetensors");
        byte[] header = "{\"w\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}".getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(header.length).put(header);
        Files.write(f, b.array());
        SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> SafeTensors.read(f));
        assertTrue(e.getMessage().contains("F16"), e.getMessage());
        e = assertThrows(SafeTensorsException.class, () -> SafeTensors.loadInto(f, Map.of("w", Tensor.zeros(2))));
        assertTrue(e.getMessage().contains("'w' has dtype F16, expected F32"), e.getMessage());
    }
}
