package ddpg.physics.validate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad episode files give one-line errors naming the file, the line and the column; gzip-compressed files read. */
class EpisodeCsvTest {
    private static final String HEADER = "t,qpos[0],qvel[0],action[0],reward,obs[0],next_qpos[0],next_qvel[0]\n";

    private static EpisodeCsv parse(String rows) throws Exception {
        return EpisodeCsv.parse(new BufferedReader(new StringReader(HEADER + rows)), "e.csv", Integer.MAX_VALUE);
    }

    @Test
    void readsRowsAndTheResetRow() throws Exception {
        EpisodeCsv e = parse("-1,0.5,0,,,1,0.5,0\n0,0.5,0,0.25,0.75,1,0.6,0.1\n");
        assertEquals(2, e.rows.size());
        assertEquals(0.25, e.rows.get(1).action()[0]);
        assertEquals(3, e.rows.get(1).line());
    }

    /** A gzip-compressed file reads as its text does, whatever its name; a truncated one is a one-line error. */
    @Test
    void readsGzipCompressedFiles(@TempDir Path dir) throws Exception {
        String text = HEADER + "-1,0.5,0,,,1,0.5,0\n0,0.5,0,0.25,0.75,1,0.6,0.1\n";
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        byte[] compressed = buf.toByteArray();
        Path plain = Files.writeString(dir.resolve("e.csv"), text);
        Path gz = Files.write(dir.resolve("e.csv.gz"), compressed);
        Path renamed = Files.write(dir.resolve("e2.csv"), compressed);
        EpisodeCsv expected = EpisodeCsv.read(plain);
        for (Path p : new Path[] {gz, renamed}) {
            EpisodeCsv e = EpisodeCsv.read(p);
            assertEquals(expected.rows.size(), e.rows.size(), p.toString());
            for (int k = 0; k < e.rows.size(); k++) {
                assertArrayEquals(expected.rows.get(k).nextQvel(), e.rows.get(k).nextQvel());
                assertEquals(expected.rows.get(k).reward(), e.rows.get(k).reward());
            }
        }
        Path cut = Files.write(dir.resolve("cut.csv.gz"), Arrays.copyOf(compressed, compressed.length - 12));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EpisodeCsv.read(cut));
        assertTrue(e.getMessage().startsWith("cannot read episode file " + cut + ": "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" (give a whole episode_i.csv of mjref task, plain or gzip-compressed)"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void nonFiniteNumberNamesFileLineAndColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("-1,0.5,0,,,1,0.5,0\n0,0.5,1e999,0.25,0.75,1,0.6,0.1\n"));
        assertEquals("e.csv:3: column qvel[0]: '1e999' is not a finite number", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> parse("0,0.5,0,NaN,0.75,1,0.6,0.1\n"));
        assertEquals("e.csv:2: column action[0]: 'NaN' is not a finite number", e.getMessage());
    }

    @Test
    void malformedNumberNamesFileLineAndColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("0,0.5,0,0.25,x,1,0.6,0.1\n"));
        assertEquals("e.csv:2: column reward: 'x' is not a number", e.getMessage());
    }
}
