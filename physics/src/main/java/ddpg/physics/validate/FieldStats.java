package ddpg.physics.validate;

/**
 * Error statistics of one compared field over all records. Per record the field's error is the largest absolute
 * difference, and its relative error that difference divided by the field's scale in that record (largest
 * reference magnitude, at least 1e-300). A record passes when either the absolute or the relative error is within
 * the tolerance; the record's score is the smaller of the two.
 */
public final class FieldStats {
    public final String name;
    public final double tolerance;
    /** Non-null when the field was not compared, with the reason. */
    public String skipped;
    public double maxAbs, maxRel, worstScore = -1;
    public int worstRecord = -1, records, failures;

    public FieldStats(String name, double tolerance) {
        this.name = name;
        this.tolerance = tolerance;
    }

    public static FieldStats skipped(String name, String reason) {
        FieldStats f = new FieldStats(name, 0);
        f.skipped = reason;
        return f;
    }

    /** Adds one record's comparison of ours[0..n) against ref[0..n). */
    public void add(int record, double[] ours, double[] ref, int n) {
        double abs = 0, scale = 0;
        for (int i = 0; i < n; i++) {
            double e = Math.abs(ours[i] - ref[i]);
            if (!(e <= abs)) abs = e; // NaN-propagating max
            scale = Math.max(scale, Math.abs(ref[i]));
        }
        addError(record, abs, abs / Math.max(scale, 1e-300));
    }

    /** Adds one record's precomputed absolute and relative error. */
    public void addError(int record, double abs, double rel) {
        records++;
        if (Double.isNaN(abs)) {
            abs = Double.POSITIVE_INFINITY;
            rel = Double.POSITIVE_INFINITY;
        }
        maxAbs = Math.max(maxAbs, abs);
        maxRel = Math.max(maxRel, rel);
        double score = Math.min(abs, rel);
        if (score > tolerance) failures++;
        if (score > worstScore) {
            worstScore = score;
            worstRecord = record;
        }
    }

    public boolean passed() { return skipped != null || failures == 0; }

    /** How far past its tolerance the worst record is (for picking the overall worst field). */
    public double severity() {
        if (skipped != null || records == 0) return -1;
        return tolerance > 0 ? worstScore / tolerance : (worstScore > 0 ? Double.POSITIVE_INFINITY : 0);
    }
}
