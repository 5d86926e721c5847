package ddpg.rl.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.physics.mjcf.Models;
import ddpg.physics.env.Tasks;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code bench physics} on tiny sizes: one line per model and per task, with positive rates. Never checks speed. */
class PhysicsSuiteTest {
    @Test
    void printsOneLinePerModelAndPerTaskWithPositiveRates() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        BenchContext ctx = new BenchContext(1, true, List.of(), List.of(), new PrintStream(buf, true, StandardCharsets.UTF_8));
        new PhysicsSuite().runWith(ctx, 200, 1, 20, 40);
        String out = buf.toString(StandardCharsets.UTF_8);

        List<String[]> physics = rows(out, "physics ");
        assertEquals(List.copyOf(Models.NAMES), physics.stream().map(f -> f[1]).toList(), out);
        for (String[] f : physics) {
            assertPositive(f[2], out);
            assertPositive(f[3], out);
            assertEquals("nefc", f[4], out);
        }
        // humanoid and walker touch the floor from their perturbed start: the constraint rows are really counted
        double humanoidRows = Double.parseDouble(physics.get(List.copyOf(Models.NAMES).indexOf("humanoid"))[5]);
        assertTrue(humanoidRows > 0, out);

        List<String[]> env = rows(out, "env ");
        assertEquals(Tasks.names(), env.stream().map(f -> f[1]).toList(), out);
        for (String[] f : env) {
            assertPositive(f[2], out);
            assertPositive(f[3], out);
        }
    }

    @Test
    void isRegisteredUnderItsName() {
        assertEquals("physics", BenchSuites.byName("physics").name());
    }

    private static List<String[]> rows(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).map(l -> l.trim().split("\\s+")).toList();
    }

    private static void assertPositive(String number, String out) {
        double v = Double.parseDouble(number);
        assertTrue(v > 0 && Double.isFinite(v), number + " in\n" + out);
    }
}
