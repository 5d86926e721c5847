package ddpg.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.rl.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@code ddpg.jar example}: the index lists every example program there is, and one runs by its short name. */
class ExampleCommandTest {
    private static String capture(Supplier<Integer> run, int[] code) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            code[0] = run.get();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theListNamesEveryExampleSourceAndOneRuns() throws Exception {
        int[] code = new int[1];
        String list = capture(() -> Main.run(new String[] {"example"}), code);
        assertEquals(0, code[0], list);
        try (var files = Files.list(Path.of("src/main/java/ddpg/examples"))) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.matches("E\\d\\d.*\\.java")) assertTrue(list.contains("  " + name.substring(0, 3) + " "), name + " missing from\n" + list);
            }
        }
        String out = capture(() -> Main.run(new String[] {"example", "E01"}), code);
        assertEquals(0, code[0]);
        assertTrue(out.contains("tanh(add scalar) -> scalar"), out);
    }
}
