package ddpg.rl.tensorboard;

import static org.junit.jupiter.api.Assertions.*;

import ddpg.rl.tensorboard.EventFileDecoder.Message;
import ddpg.rl.tensorboard.EventFileDecoder.Scalar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event file format, decoded byte by byte with TensorFlow's field numbers written out in the test. */
class TensorBoardEventFileTest {
    @TempDir Path dir;

    private static String hex(Protobuf p) {
        return HexFormat.of().formatHex(p.toByteArray());
    }

    @Test
    void protobufWireFormat() {
        assertEquals("08ac02", hex(new Protobuf().varint(1, 300)));
        assertEquals("1000", hex(new Protobuf().varint(2, 0)));
        assertEquals("08ffffffffffffffffff01", hex(new Protobuf().varint(1, -1)), "negative int64: ten bytes");
        assertEquals("a80601", hex(new Protobuf().varint(101, 1)), "a field number above 15 takes a two-byte key");
        assertEquals("09000000000000f03f", hex(new Protobuf().fixed64(1, 1.0)), "double, little-endian");
        assertEquals("150000c03f", hex(new Protobuf().fixed32(2, 1.5f)), "float, little-endian");
        assertEquals("1a03616263", hex(new Protobuf().string(3, "abc")));
        assertEquals("2a020801", hex(new Protobuf().message(5, new Protobuf().varint(1, 1))));
        assertEquals("1200", hex(new Protobuf().message(2, new Protobuf())), "an empty message is a zero length");
    }

    @Test
    void maskedCrcMatchesTensorFlowsDefinition() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        // CRC32C("123456789") = 0xE3069283 (the standard check value); masked by hand:
        // rotate right by 15 -> 0x2507C60D, plus 0xA282EAD8 -> 0xC78AB0E5.
        assertEquals(0xC78AB0E5, RecordWriter.maskedCrc32c(check, 0, check.length));
        assertEquals(EventFileDecoder.maskedCrc(check, 0, check.length), RecordWriter.maskedCrc32c(check, 0, check.length));
    }

    @Test
    void recordFraming() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (RecordWriter w = new RecordWriter(bytes)) {
            w.write(new byte[] {1, 2, 3});
            w.write(new byte[0]);
        }
        byte[] b = bytes.toByteArray();
        assertEquals((8 + 4 + 3 + 4) + (8 + 4 + 0 + 4), b.length);
        assertEquals("0300000000000000", HexFormat.of().formatHex(b, 0, 8), "uint64 little-endian length");
        Path f = Files.write(dir.resolve("records"), b);
        List<byte[]> records = EventFileDecoder.records(f);
        assertArrayEquals(new byte[] {1, 2, 3}, records.get(0));
        assertArrayEquals(new byte[0], records.get(1));
        b[13]++; // one data byte of the first record
        Files.write(f, b);
        assertThrows(IllegalStateException.class, () -> EventFileDecoder.records(f), "a corrupted record fails its CRC");
    }

    @Test
    void anEventFileHoldsTheVersionScalarsAndText() throws IOException {
        double before = System.currentTimeMillis() / 1000.0;
        Path file;
        try (EventFileWriter w = EventFileWriter.create(dir)) {
            file = w.file();
            Map<String, Double> row = new LinkedHashMap<>();
            row.put("eval/mean_return", 12.5);
            row.put("losses/qf_loss", 0.001);
            w.scalars(600, row);
            w.scalars(700, Map.of());                  // nothing to say: no event
            w.text(0, "config/text_summary", "    {\"seed\": 7}\n");
        }
        assertTrue(file.getFileName().toString().matches("events\\.out\\.tfevents\\.\\d{10}\\.[A-Za-z0-9._-]+"), file.toString());

        List<Message> events = EventFileDecoder.events(file);
        assertEquals(3, events.size());
        // Event: wall_time 1 (double), step 2 (int64), file_version 3, summary 5.
        Message version = events.get(0);
        assertEquals("brain.Event:2", version.string(3));
        double wall = version.float64(1);
        assertTrue(wall >= before - 1 && wall <= System.currentTimeMillis() / 1000.0 + 1, "wall_time in seconds: " + wall);

        Message scalars = events.get(1);
        assertEquals(600, scalars.varint(2));
        assertFalse(scalars.has(3));
        List<Message> values = scalars.message(5).messages(1);  // Summary.value 1 (repeated)
        assertEquals(2, values.size());
        assertEquals("eval/mean_return", values.get(0).string(1));      // Value.tag 1
        assertEquals(12.5f, values.get(0).float32(2));                  // Value.simple_value 2 (float)
        assertEquals("losses/qf_loss", values.get(1).string(1));
        assertEquals(0.001f, values.get(1).float32(2));

        Message text = events.get(2);
        assertEquals(0, text.varint(2));
        Message value = text.message(5).messages(1).get(0);
        assertEquals("config/text_summary", value.string(1));
        assertFalse(value.has(2), "a text summary has no simple_value");
        Message tensor = value.message(8);                              // Value.tensor 8 = TensorProto
        assertEquals(7, tensor.varint(1), "dtype DT_STRING");           // TensorProto.dtype 1
        assertEquals(0, tensor.message(2).fieldNumbers().size(), "tensor_shape {} = rank 0");
        assertEquals("    {\"seed\": 7}\n", tensor.string(8));          // TensorProto.string_val 8
        Message metadata = value.message(9);                            // Value.metadata 9 = SummaryMetadata
        assertEquals("text", metadata.message(1).string(1));           // plugin_data 1 . plugin_name 1
        assertEquals(2, metadata.varint(4), "data_class DATA_CLASS_TENSOR");

        assertEquals(List.of(new Scalar(600, "eval/mean_return", 12.5f), new Scalar(600, "losses/qf_loss", 0.001f)),
                EventFileDecoder.scalars(file));
    }

    @Test
    void flushedEventsAreOnDiskWhileTheFileIsOpen() throws IOException {
        try (EventFileWriter w = EventFileWriter.create(dir)) {
            assertEquals(1, EventFileDecoder.records(w.file()).size(), "the version record is flushed at once");
            w.scalars(1, Map.of("charts/SPS", 100.0));
            w.flush();
            assertEquals(1, EventFileDecoder.scalars(w.file()).size());
        }
    }

    @Test
    void aSecondWriterNeverReusesAFileAndSortsAfterTheFirst() throws IOException {
        Path first, second;
        try (EventFileWriter a = EventFileWriter.create(dir); EventFileWriter b = EventFileWriter.create(dir)) {
            first = a.file();
            second = b.file();
        }
        assertNotEquals(first, second);
        assertTrue(first.getFileName().toString().compareTo(second.getFileName().toString()) < 0, first + " then " + second);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(2, s.count());
        }
    }
}
