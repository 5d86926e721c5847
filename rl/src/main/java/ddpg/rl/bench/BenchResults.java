package ddpg.rl.bench;

import ddpg.rl.train.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every number a bench run prints, kept as one row each for {@code bench --csv FILE}: a tidy table (one measurement
 * per row) that a spreadsheet or pandas can chart without parsing the console text. The columns say where it was
 * measured too, so files from several machines or JDKs can be concatenated.
 */
public final class BenchResults {
    /** The CSV header. */
    public static final String HEADER = "date,jdk,cpu,suite,item,metric,value,unit";

    private record Row(String suite, String item, String metric, double value, String unit) {}

    private final List<Row> rows = new ArrayList<>();

    /** One measurement, e.g. ("gemm", "256x256x256 vector", "gflops", 88.1, "GFLOP/s"). */
    public synchronized void add(String suite, String item, String metric, double value, String unit) {
        rows.add(new Row(suite, item, metric, value, unit));
    }

    public synchronized int size() {
        return rows.size();
    }

    /** The table as CSV text (RFC 4180 quoting where a field needs it). */
    public synchronized String csv() {
        String date = LocalDate.now().toString(), jdk = MachineInfo.jdk(), cpu = MachineInfo.cpuModel();
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Row r : rows) {
            sb.append(String.join(",", quote(date), quote(jdk), quote(cpu), quote(r.suite()), quote(r.item()),
                    quote(r.metric()), String.format(Locale.ROOT, "%.6g", r.value()), quote(r.unit()))).append('\n');
        }
        return sb.toString();
    }

    /** Writes {@link #csv()} to {@code file} atomically (a temporary file renamed into place). */
    public void writeCsv(Path file) throws IOException {
        AtomicFiles.writeString(file, csv());
    }

    private static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0) return field;
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
