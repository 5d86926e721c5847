package ddpg.physics.tasks;

/**
 * dm_control's reward-shaping function {@code tolerance}: 1 when {@code x} lies in {@code [lo, hi]} (bounds
 * inclusive, either may be infinite), and outside it a {@link Sigmoid} of the distance to the nearest bound measured
 * in {@code margin}s, equal to {@code valueAtMargin} one margin away. With {@code margin = 0} it is an indicator.
 *
 * <p>Every Control Suite reward is a product or mean of these terms, which keeps rewards in [0, 1].
 */
public final class Tolerance {
    private Tolerance() {}

    /** dm_control's defaults: gaussian with value 0.1 at the margin. */
    public static final double DEFAULT_VALUE_AT_MARGIN = 0.1;

    /** {@code tolerance(x, bounds=(lo, hi), margin, sigmoid, value_at_margin)}. */
    public static double tolerance(double x, double lo, double hi, double margin, Sigmoid sigmoid,
                                   double valueAtMargin) {
        if (!(lo <= hi)) throw new IllegalArgumentException("tolerance: lower bound " + lo + " > upper bound " + hi);
        if (!(margin >= 0)) throw new IllegalArgumentException("tolerance: margin must be >= 0, got " + margin);
        checkValueAtMargin(sigmoid, valueAtMargin);
        if (lo <= x && x <= hi) return 1.0;
        if (margin == 0) return 0.0;
        double d = (x < lo ? lo - x : x - hi) / margin;
        return sigmoid.at(d, valueAtMargin);
    }

    /** Gaussian with value 0.1 at the margin (the default shape). */
    public static double tolerance(double x, double lo, double hi, double margin) {
        return tolerance(x, lo, hi, margin, Sigmoid.GAUSSIAN, DEFAULT_VALUE_AT_MARGIN);
    }

    /** The sigmoid's own validity range for {@code valueAtMargin}, as dm_control checks it. */
    static void checkValueAtMargin(Sigmoid sigmoid, double v) {
        boolean ok = sigmoid.allowsZeroAtMargin ? (0 <= v && v < 1) : (0 < v && v < 1);
        if (!ok) {
            throw new IllegalArgumentException("tolerance: value_at_margin for " + sigmoid.dmName() + " must be in "
                    + (sigmoid.allowsZeroAtMargin ? "[0, 1)" : "(0, 1)") + ", got " + v);
        }
    }
}
