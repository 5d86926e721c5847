package ddpg.rl.report;

import java.util.Arrays;

/**
 * Summary of one number per seed.
 *
 * @param n    how many values
 * @param mean arithmetic mean
 * @param std  population standard deviation, sqrt(sum (x - mean)^2 / n): numpy's default {@code np.std(x)} (ddof = 0)
 * @param iqm  interquartile mean, as {@code scipy.stats.trim_mean(x, 0.25)}: sort, drop floor(n / 4) values from
 *             each end, mean of the rest (the plain mean for n &lt; 4)
 * @param min  smallest value
 * @param max  largest value
 */
public record Stats(int n, double mean, double std, double iqm, double min, double max) {

    /** The summary of {@code values} (at least one). */
    public static Stats of(double[] values) {
        if (values.length == 0) throw new IllegalArgumentException("no values to summarise");
        double[] x = values.clone();
        Arrays.sort(x); // sums in sorted order: the result does not depend on the order the runs were read in
        int n = x.length;
        double mean = mean(x, 0, n), ss = 0;
        for (double v : x) ss += (v - mean) * (v - mean);
        int cut = (int) Math.floor(0.25 * n);
        return new Stats(n, mean, Math.sqrt(ss / n), mean(x, cut, n - cut), x[0], x[n - 1]);
    }

    private static double mean(double[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += x[i];
        return s / (to - from);
    }
}
