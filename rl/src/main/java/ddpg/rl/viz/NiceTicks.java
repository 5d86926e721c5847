package ddpg.rl.viz;

/**
 * Axis ticks at "nice" numbers (1, 2, 2.5 or 5 times a power of ten) covering a data range with about the wanted
 * number of intervals, and short labels for them (200k, 1.5M).
 */
final class NiceTicks {
    final double lo, hi, step;

    private NiceTicks(double lo, double hi, double step) {
        this.lo = lo;
        this.hi = hi;
        this.step = step;
    }

    /** Ticks from a multiple of the step at or below {@code min} to one at or above {@code max}. */
    static NiceTicks of(double min, double max, int wanted) {
        if (!(max > min)) {
            double pad = Math.max(1, Math.abs(min) * 0.1);
            min -= pad;
            max += pad;
        }
        double raw = (max - min) / Math.max(1, wanted);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag * 10;
        for (double f : new double[] {1, 2, 2.5, 5, 10}) {
            if (f * mag >= raw) {
                step = f * mag;
                break;
            }
        }
        double lo = Math.floor(min / step + 1e-9) * step;
        double hi = Math.ceil(max / step - 1e-9) * step;
        return new NiceTicks(lo, hi, step);
    }

    int count() { return (int) Math.round((hi - lo) / step) + 1; }

    double tick(int i) { return lo + i * step; }

    /** Step counts: 0, 500, 20k, 1.5M. */
    static String steps(double v) {
        double a = Math.abs(v);
        if (a >= 1e6) return trim(v / 1e6) + "M";
        if (a >= 1e3) return trim(v / 1e3) + "k";
        return trim(v);
    }

    /** Returns and other values: no exponent, as few decimals as the tick spacing needs. */
    String value(double v) {
        int decimals = 0;
        while (decimals < 6 && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals))) > 1e-6) {
            decimals++;
        }
        if (Math.abs(v) < step * 1e-6) v = 0; // avoid "-0"
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String trim(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.2f", v);
        if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }
}
