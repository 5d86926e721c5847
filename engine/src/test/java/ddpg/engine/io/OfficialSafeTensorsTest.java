package ddpg.engine.io;

import ddpg.engine.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Interop with the official {@code safetensors} library (0.8.0): files it wrote (src/test/resources/
 * safetensors-official, see the README there) are read exactly, and our writer, given the same tensors and
 * metadata in the same order, writes the same bytes.
 *
 * <p>Two differences remain, each pinned down by a test. Order: the official writer sorts tensors by dtype
 * alignment (largest first), then by name, and serializes {@code __metadata__} from a Rust HashMap, whose order
 * varies from run to run once there are two keys or more; our writer keeps the caller's map order for both, so a
 * model's stateDict lands in module order ({@link #callerOrderChangesOnlyTheLayout}). Padding, for names outside
 * ASCII only ({@link #nonAsciiNameIsPaddedEightBytesMore}).
 */
class OfficialSafeTensorsTest {
    private static final List<String> OFFICIAL_ORDER = List.of("net.0.bias", "net.0.weight", "net.2.bias", "net.2.weight");

    @TempDir Path dir;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(OfficialSafeTensorsTest.class.getResource("/safetensors-official/" + name).toURI());
    }

    /** The expected tensors from official_actor.json, in the official file order. */
    private static Map<String, Tensor> expectedActor() throws Exception {
        Map<?, ?> json = (Map<?, ?>) Json.parse(Files.readString(resource("official_actor.json")));
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : OFFICIAL_ORDER) {
            Map<?, ?> spec = (Map<?, ?>) json.get(name);
            List<?> s = (List<?>) spec.get("shape"), v = (List<?>) spec.get("values");
            int[] shape = new int[s.size()];
            for (int k = 0; k < shape.length; k++) shape[k] = ((Number) s.get(k)).intValue();
            float[] values = new float[v.size()];
            for (int k = 0; k < values.length; k++) values[k] = ((Number) v.get(k)).floatValue();  // exact: printed from float32
            out.put(name, Tensor.fromArray(values, shape));
        }
        return out;
    }

    private static Map<String, String> officialMetadata() {
        Map<String, String> m = new LinkedHashMap<>();   // the order in official_actor_meta.safetensors
        m.put("format", "ddpg");
        m.put("task", "cartpole-swingup");
        return m;
    }

    /** Same names in the same order, same shapes, bit-identical values. */
    private static void assertSameTensors(Map<String, Tensor> expected, Map<String, Tensor> actual) {
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(actual.keySet()));
        expected.forEach((name, t) -> {
            assertArrayEquals(t.shape(), actual.get(name).shape(), name);
            float[] e = t.data(), a = actual.get(name).data();
            assertEquals(e.length, a.length, name);
            for (int i = 0; i < e.length; i++) {
                assertEquals(Float.floatToRawIntBits(e[i]), Float.floatToRawIntBits(a[i]), name + " element " + i);
            }
        });
    }

    /** The file's header JSON (the reader itself refuses anything but F32, so the dtypes are checked here). */
    private static String header(byte[] file) {
        long n = ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return new String(file, 8, (int) n, StandardCharsets.UTF_8);
    }

    private static void assertAllF32(Path file) throws IOException {
        Map<?, ?> h = (Map<?, ?>) Json.parse(header(Files.readAllBytes(file)).stripTrailing());
        h.forEach((name, spec) -> {
            if (!name.equals("__metadata__")) assertEquals("F32", ((Map<?, ?>) spec).get("dtype"), name.toString());
        });
    }

    private Path writtenPath(Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        Path f = dir.resolve("ours.safetensors");
        SafeTensors.write(f, tensors, metadata);
        return f;
    }

    private byte[] written(Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        return Files.readAllBytes(writtenPath(tensors, metadata));
    }

    // ------------------------------------------------------------------------------------------------ reading

    @Test void readsTheOfficialActorExactly() throws Exception {
        SafeTensors.Contents c = SafeTensors.read(resource("official_actor.safetensors"));
        assertSameTensors(expectedActor(), c.tensors());
        assertEquals(Map.of(), c.metadata());
        assertAllF32(resource("official_actor.safetensors"));
    }

    @Test void readsTheOfficialMetadata() throws Exception {
        SafeTensors.Contents c = SafeTensors.read(resource("official_actor_meta.safetensors"));
        assertSameTensors(expectedActor(), c.tensors());
        assertEquals(officialMetadata(), c.metadata());
        assertAllF32(resource("official_actor_meta.safetensors"));
    }

    @Test void loadIntoAcceptsTheOfficialActor() throws Exception {
        Map<String, Tensor> targets = new LinkedHashMap<>();
        expectedActor().forEach((name, t) -> targets.put(name, Tensor.zeros(t.shape())));
        assertEquals(officialMetadata(), SafeTensors.loadInto(resource("official_actor_meta.safetensors"), targets));
        assertSameTensors(expectedActor(), targets);
    }

    @Test void readsTheOfficialScalarAndEmptyTensor() throws Exception {
        SafeTensors.Contents c = SafeTensors.read(resource("official_edge.safetensors"));
        assertEquals(List.of("empty", "scalar"), new ArrayList<>(c.tensors().keySet()));
        Tensor scalar = c.tensors().get("scalar"), empty = c.tensors().get("empty");
        assertEquals(0, scalar.rank());
        assertArrayEquals(new float[] {3.5f}, scalar.data());
        assertArrayEquals(new int[] {0, 4}, empty.shape());
        assertEquals(0, empty.size());
        assertAllF32(resource("official_edge.safetensors"));
    }

    @Test void headerOrderNeedNotBeOffsetOrder() throws Exception {
        // JSON key order carries no meaning: the official reader sorts entries by (begin, end). The same edge file with
        // its two entries swapped puts "scalar" [0, 4] before "empty" [0, 0]; it must still load.
        byte[] file = Files.readAllBytes(resource("official_edge.safetensors"));
        String h = header(file);
        String empty = "\"empty\":{\"dtype\":\"F32\",\"shape\":[0,4],\"data_offsets\":[0,0]}";
        String scalar = "\"scalar\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[0,4]}";
        String swapped = h.replace(empty + "," + scalar, scalar + "," + empty);
        assertNotEquals(h, swapped);
        byte[] s = swapped.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(s, 0, file, 8, s.length);   // same length, so the length field and the data stay valid
        Path f = dir.resolve("swapped.safetensors");
        Files.write(f, file);
        SafeTensors.Contents c = SafeTensors.read(f);
        assertEquals(List.of("scalar", "empty"), new ArrayList<>(c.tensors().keySet()));
        assertArrayEquals(new float[] {3.5f}, c.tensors().get("scalar").data());
        assertEquals(0, c.tensors().get("empty").size());
    }

    // ------------------------------------------------------------------------------------------------ writing

    @Test void writesTheOfficialBytes() throws Exception {
        assertArrayEquals(Files.readAllBytes(resource("official_actor.safetensors")), written(expectedActor(), Map.of()));
        assertArrayEquals(Files.readAllBytes(resource("official_actor_meta.safetensors")),
                written(expectedActor(), officialMetadata()));
        Map<String, Tensor> edge = new LinkedHashMap<>();
        edge.put("empty", Tensor.zeros(0, 4));
        edge.put("scalar", Tensor.scalar(3.5f));
        assertArrayEquals(Files.readAllBytes(resource("official_edge.safetensors")), written(edge, Map.of()));
    }

    @Test void callerOrderChangesOnlyTheLayout() throws Exception {
        // Tensors in module order (weight before bias): the same tensors, laid out in that order.
        Map<String, Tensor> official = expectedActor(), moduleOrder = new LinkedHashMap<>();
        for (String name : List.of("net.0.weight", "net.0.bias", "net.2.weight", "net.2.bias")) moduleOrder.put(name, official.get(name));
        Path f = writtenPath(moduleOrder, Map.of());
        byte[] ours = Files.readAllBytes(f), theirs = Files.readAllBytes(resource("official_actor.safetensors"));
        assertEquals(theirs.length, ours.length);
        assertNotEquals(header(theirs), header(ours));
        Map<String, Tensor> back = SafeTensors.read(f).tensors();
        assertEquals(List.copyOf(moduleOrder.keySet()), new ArrayList<>(back.keySet()));
        assertSameTensors(official, reordered(back, OFFICIAL_ORDER));

        // Metadata in the other key order: the bytes differ exactly in the order of the two metadata entries.
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("task", "cartpole-swingup");
        reversed.put("format", "ddpg");
        String ourHeader = header(written(official, reversed));
        String expected = header(Files.readAllBytes(resource("official_actor_meta.safetensors"))).replace(
                "{\"format\":\"ddpg\",\"task\":\"cartpole-swingup\"}", "{\"task\":\"cartpole-swingup\",\"format\":\"ddpg\"}");
        assertEquals(expected, ourHeader);
    }

    @Test void nonAsciiNameIsPaddedEightBytesMore() throws Exception {
        // Padding differs only for names outside ASCII: the writer pads the header to a multiple of 8 characters and
        // then its UTF-8 bytes to a multiple of 8, which can overshoot by 8 (here: 54 chars + 2 spaces, 57 bytes + 7).
        // safetensors 0.8.0 writes this header with one space (N = 56); the file is valid either way.
        String json = "{\"\u00fc\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}";   // 54 chars, 55 bytes
        Path f = writtenPath(Map.of("\u00fc", Tensor.fromArray(new float[] {2f}, 1)), Map.of());
        byte[] ours = Files.readAllBytes(f);
        assertEquals(64, header(ours).getBytes(StandardCharsets.UTF_8).length);
        assertEquals(json + " ".repeat(9), header(ours));
        assertArrayEquals(new float[] {2f}, SafeTensors.read(f).tensors().get("\u00fc").data());
    }

    private static Map<String, Tensor> reordered(Map<String, Tensor> tensors, List<String> order) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : order) out.put(name, tensors.get(name));
        return out;
    }
}
