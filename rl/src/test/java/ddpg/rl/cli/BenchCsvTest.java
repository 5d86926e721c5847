package ddpg.rl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.rl.bench.BenchResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --csv FILE}: every printed measurement as one CSV row; a bad path is refused before any timing. */
class BenchCsvTest extends ConsoleTest {
    @TempDir Path tmp;

    @Test
    void everyMeasurementOfTheRunIsARowWithTheNumberPrinted() throws Exception {
        Path csv = tmp.resolve("mlp.csv");
        assertEquals(0, run("bench", "mlp", "--quick", "--samples", "2", "--sample-ms", "2", "--csv", csv.toString()), errText());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(BenchResults.HEADER, lines.get(0));
        List<String> printed = outText().lines().filter(l -> l.startsWith("mlp batch")).toList();
        assertEquals(4, printed.size(), outText());
        assertEquals(1 + 4 * 3, lines.size(), String.join("\n", lines));
        for (String line : printed) {
            String[] w = line.split("\\s+");   // mlp batch 64 batchnorm off 123.4 us ...
            String item = "batch " + w[2] + " batchnorm " + w[4];
            String row = lines.stream().filter(l -> l.contains("," + item + ",median,")).findFirst().orElseThrow();
            String[] cells = row.split(",");
            assertEquals("mlp", cells[cells.length - 5], row);
            assertEquals("us", cells[cells.length - 1], row);
            assertEquals(Double.parseDouble(w[5]), Double.parseDouble(cells[cells.length - 2]), 0.051, row + " vs " + line);
        }
        assertTrue(outText().contains("# 12 results -> " + csv.toAbsolutePath()), outText());
    }

    @Test
    void aCsvInAMissingFolderIsRefusedBeforeAnythingIsTimed() {
        Path csv = tmp.resolve("no-such-folder").resolve("r.csv");
        assertOneLineError(run("bench", "mlp", "--csv", csv.toString()), "does not exist; create it first");
        assertFalse(outText().contains("mlp batch"), outText());
    }
}
