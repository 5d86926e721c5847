package ddpg.rl.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code bench ddpg}: the rows the issue asks for, and the format on a small real run. Never checks speed. */
class DdpgSuiteTest {
    @Test
    void updateTableCoversBothSizesBothNetworksAndBothBatches() {
        Set<String> rows = DdpgSuite.updateRows().stream()
                .map(r -> r.sizes() + " " + r.obs() + "/" + r.act() + " " + r.hidden()[0] + "-" + r.hidden()[1] + " " + r.batch())
                .collect(Collectors.toSet());
        assertEquals(Set.of("walker 24/6 256-256 64", "walker 24/6 256-256 256", "walker 24/6 400-300 64",
                "walker 24/6 400-300 256", "humanoid 67/21 256-256 64", "humanoid 67/21 256-256 256",
                "humanoid 67/21 400-300 64", "humanoid 67/21 400-300 256"), rows);
        assertEquals(List.of("cartpole-swingup", "reacher-hard", "cheetah-run", "walker-run", "humanoid-walk"), DdpgSuite.TASKS);
    }

    @Test
    void printsEveryTableWithPositiveRatesFlopsAndPeakShares() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        BenchContext ctx = new BenchContext(1, true, List.of(), List.of(), new PrintStream(buf, true, StandardCharsets.UTF_8));
        List<DdpgSuite.UpdateRow> one = List.of(DdpgSuite.updateRows().get(0));
        new DdpgSuite().runWith(ctx, one, List.of("cartpole-swingup"), new int[] {1, 2}, new DdpgSuite.Amounts(new Stopwatch(0.01, 0.002, 2), 3, 2, 2));
        String out = buf.toString(StandardCharsets.UTF_8);

        List<String[]> update = rows(out, "update ");
        assertEquals(1, update.size(), out);
        assertEquals(List.of("update", "walker", "24/6", "256-256", "batch", "64"), List.of(update.get(0)).subList(0, 6), out);
        for (int i = 6; i <= 10; i++) assertPositive(update.get(0)[i], out);
        assertTrue(Double.parseDouble(update.get(0)[7]) >= Double.parseDouble(update.get(0)[6]), "best >= median\n" + out);
        assertEquals(UpdateFlops.of(24, 6, one.get(0).config()) * 1e-6, Double.parseDouble(update.get(0)[9]), 0.05, out);
        assertTrue(update.get(0)[11].endsWith("%"), out);
        assertPositive(update.get(0)[11].replace("%", ""), out);

        List<String[]> onTwo = rows(out, "update-threads ");
        assertEquals(1, onTwo.size(), out);
        assertEquals(List.of("update-threads", "walker", "24/6", "256-256", "batch", "64", "threads", "2"),
                List.of(onTwo.get(0)).subList(0, 8), out);
        assertPositive(onTwo.get(0)[8], out);
        assertPositive(onTwo.get(0)[9], out);
        assertTrue(onTwo.get(0)[10].endsWith("x"), out);
        assertPositive(onTwo.get(0)[10].replace("x", ""), out);

        List<String[]> act = rows(out, "act ");
        assertEquals(1, act.size(), out);
        assertPositive(act.get(0)[4], out);

        List<String[]> train = rows(out, "train ");
        assertEquals(2, train.size(), out);
        for (int t = 0; t < 2; t++) {
            assertEquals(List.of("train", "cartpole-swingup", "threads", Integer.toString(t + 1)), List.of(train.get(t)).subList(0, 4), out);
            assertPositive(train.get(t)[4], out);
            assertPositive(train.get(t)[5], out);
        }

        List<String[]> flat = rows(out, "flat ");
        assertEquals(2, flat.size(), out);
        assertEquals(List.of("flat", "batch", "64", "updates/s"), List.of(flat.get(0)).subList(0, 4), out);
        assertPositive(flat.get(0)[4], out);
        assertPositive(flat.get(0)[5], out);   // two blocks
        assertEquals("subnormals", flat.get(0)[6], out);
    }

    private static List<String[]> rows(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).map(l -> l.trim().split("\\s+")).toList();
    }

    private static void assertPositive(String number, String out) {
        double v = Double.parseDouble(number);
        assertTrue(v > 0 && Double.isFinite(v), number + " in\n" + out);
    }
}
