package ddpg.rl.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GemmShapeTest {
    @Test
    void parsesAllThreeForms() {
        assertEquals(new GemmShape("nn", 256, 400, 300), GemmShape.parse("256x400x300"));
        assertEquals(new GemmShape("nt", 256, 300, 400), GemmShape.parse("nt:256x300x400"));
        assertEquals(new GemmShape("tn", 400, 256, 300), GemmShape.parse("TN:400X256X300"));
        assertEquals("nt:2x3x4", GemmShape.parse("nt:2x3x4").toString());
        assertEquals("2x3x4", GemmShape.parse("2x3x4").toString());
    }

    @Test
    void badShapesNameTheProblemAndTheFix() {
        for (String bad : new String[] {"256x400", "axbxc", "0x1x1", "-1x2x3", "tt:1x2x3", "1x2x3x4", "99999x99999x2"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GemmShape.parse(bad));
            assertTrue(e.getMessage().startsWith("--shape expects MxKxN") && e.getMessage().contains("'" + bad + "'"),
                    e.getMessage());
        }
    }

    @Test
    void threadsOfVariantNames() {
        assertEquals(1, GemmSuite.threadsOf("vector"));
        assertEquals(1, GemmSuite.threadsOf("vector-blocked"));
        assertEquals(2, GemmSuite.threadsOf("vector-2t"));
        assertEquals(1, GemmSuite.threadsOf("scalar"));
    }

    @Test
    void registryListsTheSuites() {
        assertEquals(List.of("gemm", "elementwise", "mlp", "ddpg", "physics"), BenchSuites.names());
        assertEquals("gemm", BenchSuites.byName("gemm").name());
        assertEquals(null, BenchSuites.byName("nope"));
    }

    /** A real (tiny) run: one line per variant, exactly one marked fastest. Checks format only, never speed. */
    @Test
    void gemmSuitePrintsOneLinePerVariantAndMarksTheFastest() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        BenchContext ctx = new BenchContext(2, true, List.of("3x5x7"), List.of(), new PrintStream(buf, true, StandardCharsets.UTF_8));
        new GemmSuite().runWith(ctx, new Stopwatch(0.001, 0.001, 1), 50.0, 100.0);
        String out = buf.toString(StandardCharsets.UTF_8);
        List<String> lines = out.lines().filter(l -> l.startsWith("gemm ")).toList();
        assertEquals(List.of("naive", "scalar", "vector-row", "vector-blocked", "vector", "vector-2t"),
                lines.stream().map(l -> l.split(" ")[2]).toList(), out);
        assertEquals(1, lines.stream().filter(l -> l.endsWith("<- fastest")).count(), out);
        assertTrue(lines.get(0).matches("gemm 3x5x7 naive \\d+\\.\\d GFLOP/s +\\d+\\.\\d% of peak.*"), lines.get(0));
    }

    @Test
    void unknownVariantIsAClearError() {
        BenchContext ctx = new BenchContext(1, true, List.of("3x5x7"), List.of("vector-4t"), System.out);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GemmSuite().runWith(ctx, new Stopwatch(0.001, 0.001, 1), 50.0, 50.0));
        assertTrue(e.getMessage().startsWith("--variant vector-4t is not available here"), e.getMessage());
    }
}
