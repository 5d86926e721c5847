package ddpg.physics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bounds for comparisons with real MuJoCo. Each oracle test prints the worst error it measured next to its bound
 * ({@code accuracy <what> worst <e> bound <b>} on standard output) and fails when the error exceeds the bound. The
 * bounds sit about 100x above the worst errors measured on the fixtures (never below 1e-14), so a change that loses
 * two or more digits of agreement fails; physics/README.md lists them next to the claims they back.
 */
public final class Accuracy {
    private Accuracy() {}

    /** Asserts {@code worst <= bound} (a NaN fails) and prints both. */
    public static void check(String what, double worst, double bound) {
        System.out.printf(Locale.ROOT, "accuracy %-58s worst %9.2e bound %7.0e%n", what, worst, bound);
        assertTrue(worst <= bound, what + ": worst error " + worst + " exceeds its bound " + bound);
    }

    /**
     * Bounds by row and column, written as an aligned text table: the first line names the columns, every other line
     * is a row name followed by one bound per column ("-" where nothing is compared).
     */
    public static final class Table {
        private final Map<String, Map<String, Double>> rows = new LinkedHashMap<>();

        private Table(String text) {
            List<String> lines = new ArrayList<>(text.strip().lines().map(String::strip).toList());
            String[] columns = lines.remove(0).split("\\s+");
            for (String line : lines) {
                String[] f = line.split("\\s+");
                if (f.length != columns.length + 1) throw new IllegalArgumentException("bad bounds row: " + line);
                Map<String, Double> row = new LinkedHashMap<>();
                for (int c = 0; c < columns.length; c++) if (!f[c + 1].equals("-")) row.put(columns[c], Double.parseDouble(f[c + 1]));
                rows.put(f[0], row);
            }
        }

        public static Table of(String text) {
            return new Table(text);
        }

        public double get(String row, String column) {
            Double b = rows.getOrDefault(row, Map.of()).get(column);
            if (b == null) throw new IllegalArgumentException("no bound for " + row + " / " + column);
            return b;
        }
    }
}
