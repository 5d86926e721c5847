package ddpg.physics.validate;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The table printed by {@code validate}: one row per field, then a verdict line. */
public final class ValidationReport {
    private final List<FieldStats> fields = new ArrayList<>();

    public FieldStats add(FieldStats f) {
        fields.add(f);
        return f;
    }

    public List<FieldStats> fields() { return fields; }

    public boolean passed() {
        for (FieldStats f : fields) if (!f.passed()) return false;
        return true;
    }

    /** The compared field furthest past (or closest to) its tolerance, or null if nothing was compared. */
    public FieldStats worst() {
        FieldStats w = null;
        for (FieldStats f : fields) if (f.skipped == null && f.records > 0 && (w == null || f.severity() > w.severity())) w = f;
        return w;
    }

    /** Prints the table; {@code recordLabel} turns a record index into something a reader can find (e.g. line). */
    public void print(PrintStream out, java.util.function.IntFunction<String> recordLabel) {
        out.printf("%-26s %8s %12s %12s %10s  %s%n", "field", "records", "max abs", "max rel", "tolerance",
                "worst record / status");
        for (FieldStats f : fields) {
            if (f.skipped != null) {
                out.printf("%-26s %8s %12s %12s %10s  skipped (%s)%n", f.name, "-", "-", "-", "-", f.skipped);
            } else if (f.records == 0) {
                out.printf("%-26s %8d %12s %12s %10.0e  no records%n", f.name, 0, "-", "-", f.tolerance);
            } else {
                out.printf("%-26s %8d %12.3e %12.3e %10.0e  %s%s%n", f.name, f.records, f.maxAbs, f.maxRel,
                        f.tolerance, recordLabel.apply(f.worstRecord),
                        f.failures == 0 ? "" : "  FAIL (" + f.failures + " records)");
            }
        }
    }

    /** {@code validate <model>: <N> records, worst <field> <error>, PASS|FAIL}. */
    public String verdict(String model, int records) {
        FieldStats w = worst();
        String worst = w == null ? "nothing compared" : "worst " + w.name + " " + String.format("%.3e", w.worstScore);
        return "validate " + model + ": " + records + " records, " + worst + ", " + (passed() ? "PASS" : "FAIL");
    }
}
