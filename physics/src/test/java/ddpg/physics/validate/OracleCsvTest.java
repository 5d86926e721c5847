package ddpg.physics.validate;

import ddpg.physics.model.Model;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad oracle files give one-line errors naming the file, the line and the problem; gzip-compressed text reads. */
class OracleCsvTest {
    private static OracleCsv parse(String text) throws IOException {
        return OracleCsv.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.csv");
    }

    @Test
    void readsColumnsByName() throws IOException {
        OracleCsv c = parse("step,qpos[1],qpos[0]\n0,2.5,-1e-3\n1,3,4\n");
        assertEquals(2, c.rows());
        double[] q = new double[2];
        c.read(1, c.vectorColumns("qpos", 2), q);
        assertEquals(4, q[0]);
        assertEquals(3, q[1]);
        assertEquals(-1e-3, c.get(0, "qpos[0]"));
        assertEquals(3, c.line(1));
    }

    @Test
    void readsGzipCompressedText() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            gz.write("step,qpos[0]\n0,2.5\n1,-3\n".getBytes(StandardCharsets.UTF_8));
        }
        OracleCsv c = OracleCsv.read(new ByteArrayInputStream(buf.toByteArray()), "t.csv.gz");
        assertEquals(2, c.rows());
        assertEquals(-3, c.get(1, "qpos[0]"));
    }

    @Test
    void malformedNumberNamesFileLineAndColumn() {
        OracleFormatException e = assertThrows(OracleFormatException.class,
                () -> parse("step,qpos[0]\n0,1\n1,1.2.3\n"));
        assertEquals("t.csv:3: column 'qpos[0]': malformed number '1.2.3'", e.getMessage());
    }

    @Test
    void nonFiniteNumberNamesFileLineAndColumn() {
        OracleFormatException e = assertThrows(OracleFormatException.class,
                () -> parse("step,qpos[0]\n0,1\n1,1e999\n"));
        assertEquals("t.csv:3: column 'qpos[0]': '1e999' is not a finite number", e.getMessage());
        for (String bad : new String[] {"NaN", "Infinity", "-Infinity", "-1e400"}) {
            e = assertThrows(OracleFormatException.class, () -> parse("step,qpos[0]\n0," + bad + "\n"));
            assertEquals("t.csv:2: column 'qpos[0]': '" + bad + "' is not a finite number", e.getMessage());
        }
    }

    @Test
    void shortRowIsReported() {
        OracleFormatException e = assertThrows(OracleFormatException.class, () -> parse("a,b,c\n1,2,3\n1,2\n"));
        assertTrue(e.getMessage().startsWith("t.csv:3: 2 fields but the header has 3"), e.getMessage());
    }

    @Test
    void missingColumnIsReported() throws IOException {
        OracleCsv c = parse("step,qpos[0]\n0,1\n");
        OracleFormatException e = assertThrows(OracleFormatException.class, () -> c.column("qvel[0]"));
        assertTrue(e.getMessage().startsWith("t.csv:1: missing column 'qvel[0]'"), e.getMessage());
    }

    @Test
    void emptyFileIsReported() {
        OracleFormatException e = assertThrows(OracleFormatException.class, () -> parse(""));
        assertTrue(e.getMessage().startsWith("t.csv:1: empty file"), e.getMessage());
    }

    @Test
    void missingFileIsReported() {
        OracleFormatException e = assertThrows(OracleFormatException.class,
                () -> OracleCsv.read(Path.of("/nonexistent/transitions.csv")));
        assertTrue(e.getMessage().contains("file not found"), e.getMessage());
    }

    @Test
    void fileOfAnotherModelIsRejectedBySize() {
        Model cheetah = PipelineFixtures.model("cheetah");
        OracleCsv cartpole = PipelineFixtures.transitions("cartpole");
        OracleFormatException e = assertThrows(OracleFormatException.class,
                () -> new TransitionValidator(cheetah).validate(cartpole));
        assertTrue(e.getMessage().contains("has 2 qpos columns but model") && e.getMessage().contains("nq = 9"),
                e.getMessage());
    }
}
