package ddpg.rl.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.rl.cli.Main;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed results page cannot drift from the committed runs: regenerating docs/results/results.md and
 * results.csv from docs/results/runs with the arguments in report.args gives the same bytes.
 */
class ResultsPageTest {
    static final Path RESULTS = Path.of("..", "docs", "results");

    @TempDir Path tmp;

    @Test
    void theCommittedPageIsWhatTheCommittedRunsGive() throws Exception {
        List<String> args = new ArrayList<>(List.of("report"));
        for (String line : Files.readAllLines(RESULTS.resolve("report.args"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            args.add(line.startsWith("-") || line.matches("[0-9kKmM,.]+") ? line : RESULTS.resolve(line).toString());
        }
        args.addAll(List.of("--out", tmp.toString()));
        assertEquals(0, Main.run(args.toArray(new String[0])));
        for (String f : List.of("results.md", "results.csv")) {
            assertTrue(Files.isRegularFile(RESULTS.resolve(f)), f + " is not committed");
            assertEquals(Files.readString(RESULTS.resolve(f)), Files.readString(tmp.resolve(f)),
                    f + " differs from what its runs give: regenerate it with docs/results/collect.sh");
        }
    }
}
