package ddpg.physics.validate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An oracle CSV file written by mjref (transitions.csv, rollout_i.csv): a header row naming every column
 * ({@code qpos[3]}, {@code M[2][5]}, {@code contact[0].pos[1]}, ...) and rows of numbers. Columns are found by
 * name, never by position, so the reader follows the header. Every row is parsed up front; a bad number or a
 * short row is reported with the file and line.
 */
public final class OracleCsv {
    private final String file;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<double[]> rows = new ArrayList<>();

    private OracleCsv(String file) { this.file = file; }

    public static OracleCsv read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new OracleFormatException(path + ": file not found; give the path of an mjref CSV file");
        } catch (IOException e) {
            throw new OracleFormatException(path + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** Reads from a stream, plain or gzip-compressed; {@code name} is used in error messages. */
    public static OracleCsv read(InputStream in, String name) throws IOException {
        OracleCsv csv = new OracleCsv(name);
        BufferedReader r = CsvText.reader(in);
        String header = r.readLine();
        if (header == null || header.isBlank()) {
            throw new OracleFormatException(name + ":1: empty file; expected an mjref CSV with a header row");
        }
        String[] names = header.split(",", -1);
        for (int i = 0; i < names.length; i++) {
            String n = names[i].trim();
            if (csv.index.put(n, i) != null) {
                throw new OracleFormatException(name + ":1: duplicate column '" + n + "'");
            }
        }
        String line;
        int lineNo = 1;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) continue;
            String[] f = line.split(",", -1);
            if (f.length != names.length) {
                throw new OracleFormatException(name + ":" + lineNo + ": " + f.length + " fields but the header has "
                        + names.length + "; the file is truncated or not an mjref CSV");
            }
            double[] row = new double[f.length + 1];
            for (int i = 0; i < f.length; i++) {
                String s = f[i].trim();
                if (s.isEmpty()) {
                    row[i] = Double.NaN; // e.g. empty cells of an episode's reset row
                    continue;
                }
                try {
                    row[i] = Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new OracleFormatException(name + ":" + lineNo + ": column '" + names[i]
                            + "': malformed number '" + s + "'");
                }
                // mjref writes finite %.17g numbers; "1e999", "Infinity" or "NaN" would poison every comparison
                if (!Double.isFinite(row[i])) {
                    throw new OracleFormatException(name + ":" + lineNo + ": column '" + names[i] + "': '" + s
                            + "' is not a finite number");
                }
            }
            row[f.length] = lineNo; // remembered for messages
            csv.rows.add(row);
        }
        if (csv.rows.isEmpty()) throw new OracleFormatException(name + ": no data rows after the header");
        return csv;
    }

    public String file() { return file; }

    public int rows() { return rows.size(); }

    /** The file line of a data row (1-based, header = line 1). */
    public int line(int row) {
        double[] r = rows.get(row);
        return (int) r[r.length - 1];
    }

    public boolean has(String column) { return index.containsKey(column); }

    /** Index of a column, or an error naming the file and the column. */
    public int column(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new OracleFormatException(file + ":1: missing column '" + name
                    + "'; is this an mjref file of the right kind (transitions or rollout)?");
        }
        return i;
    }

    public double get(int row, String column) { return rows.get(row)[column(column)]; }

    public double get(int row, int column) { return rows.get(row)[column]; }

    /** Column indices of {@code prefix[0..n-1]}. */
    public int[] vectorColumns(String prefix, int n) {
        int[] c = new int[n];
        for (int i = 0; i < n; i++) c[i] = column(prefix + "[" + i + "]");
        return c;
    }

    /** Column indices of {@code prefix[i][j]}, row-major, {@code i < n, j < m}. */
    public int[] matrixColumns(String prefix, int n, int m) {
        int[] c = new int[n * m];
        for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) c[i * m + j] = column(prefix + "[" + i + "][" + j + "]");
        return c;
    }

    /** Copies the given columns of a row into out. */
    public void read(int row, int[] columns, double[] out) {
        double[] r = rows.get(row);
        for (int i = 0; i < columns.length; i++) {
            double v = r[columns[i]];
            if (Double.isNaN(v)) {
                throw new OracleFormatException(file + ":" + line(row) + ": empty or NaN value in a required column");
            }
            out[i] = v;
        }
    }

    /**
     * Checks that {@code prefix} has exactly n entries ({@code prefix[n-1]} exists, {@code prefix[n]} does not),
     * i.e. that the file was written for a model of this size.
     */
    public void requireSize(String prefix, int n, String modelName, String sizeName) {
        boolean tooFew = n > 0 && !has(prefix + "[" + (n - 1) + "]");
        boolean tooMany = has(prefix + "[" + n + "]") || (n == 0 && has(prefix + "[0]"));
        if (tooFew || tooMany) {
            int found = 0;
            while (has(prefix + "[" + found + "]")) found++;
            throw new OracleFormatException(file + ":1: has " + found + " " + prefix + " columns but model '"
                    + modelName + "' has " + sizeName + " = " + n + "; the file was written for another model");
        }
    }
}
