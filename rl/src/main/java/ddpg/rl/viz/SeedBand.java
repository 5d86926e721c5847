package ddpg.rl.viz;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Several seeds of one task combined into one curve: at every step where any run has a point, the mean and the
 * standard deviation (population, ddof = 0) over the runs that cover that step. A run covers the steps from its first
 * to its last point; between its own points it is linearly interpolated, so runs logged at different steps or of
 * different lengths still combine (a longer run simply continues the curve alone, with zero spread).
 *
 * @param step  the union of all runs' steps, increasing
 * @param mean  mean across covering runs
 * @param std   std across covering runs (0 where only one run covers)
 * @param count how many runs cover each step
 */
public record SeedBand(double[] step, double[] mean, double[] std, int[] count) {

    /** One series per run: {@code xs.get(r)} increasing steps, {@code ys.get(r)} the values there. */
    public static SeedBand combine(List<double[]> xs, List<double[]> ys) {
        if (xs.size() != ys.size()) throw new IllegalArgumentException("xs and ys differ in length");
        TreeSet<Double> all = new TreeSet<>();
        for (double[] x : xs) for (double v : x) all.add(v);
        double[] step = all.stream().mapToDouble(Double::doubleValue).toArray();
        double[] mean = new double[step.length], std = new double[step.length];
        int[] count = new int[step.length];
        double[] values = new double[xs.size()];
        for (int i = 0; i < step.length; i++) {
            int n = 0;
            for (int r = 0; r < xs.size(); r++) {
                double v = valueAt(xs.get(r), ys.get(r), step[i]);
                if (!Double.isNaN(v)) values[n++] = v;
            }
            double sum = 0;
            for (int k = 0; k < n; k++) sum += values[k];
            double m = sum / n, ss = 0;
            for (int k = 0; k < n; k++) ss += (values[k] - m) * (values[k] - m);
            mean[i] = m;
            std[i] = Math.sqrt(ss / n);
            count[i] = n;
        }
        return new SeedBand(step, mean, std, count);
    }

    /** Linear interpolation of (x, y) at {@code at}; NaN outside [x[0], x[last]]. */
    static double valueAt(double[] x, double[] y, double at) {
        if (x.length == 0 || at < x[0] || at > x[x.length - 1]) return Double.NaN;
        int k = Arrays.binarySearch(x, at);
        if (k >= 0) {
            while (k + 1 < x.length && x[k + 1] == at) k++; // duplicate steps: take the last value logged
            return y[k];
        }
        int hi = -k - 1, lo = hi - 1;
        double w = (at - x[lo]) / (x[hi] - x[lo]);
        return y[lo] + w * (y[hi] - y[lo]);
    }

    public int size() { return step.length; }

    /** The largest number of runs covering any step (the number of seeds, for the legend). */
    public int maxCount() {
        int m = 0;
        for (int c : count) m = Math.max(m, c);
        return m;
    }
}
