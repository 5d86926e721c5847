package ddpg.physics.env;

import java.util.Arrays;

/**
 * The action an environment accepts, dm_env's {@code BoundedArray}: {@code size} numbers, entry {@code i} in
 * {@code [minimum(i), maximum(i)]}. For every Control Suite task the bounds are -1 and 1 in every dimension (the
 * actuators' control ranges); {@link Environment#step} clips to them.
 */
public final class ActionSpec {
    private final double[] minimum, maximum;

    public ActionSpec(double[] minimum, double[] maximum) {
        if (minimum.length != maximum.length) {
            throw new IllegalArgumentException("action bounds have " + minimum.length + " minima and "
                    + maximum.length + " maxima");
        }
        for (int i = 0; i < minimum.length; i++) {
            if (!(minimum[i] <= maximum[i])) {
                throw new IllegalArgumentException("action bound " + i + ": minimum " + minimum[i]
                        + " is not <= maximum " + maximum[i]);
            }
        }
        this.minimum = minimum.clone();
        this.maximum = maximum.clone();
    }

    /** {@code size} dimensions, each bounded by -1 and 1. */
    public static ActionSpec unit(int size) {
        double[] lo = new double[size], hi = new double[size];
        Arrays.fill(lo, -1.0);
        Arrays.fill(hi, 1.0);
        return new ActionSpec(lo, hi);
    }

    /** Number of action dimensions. */
    public int size() { return minimum.length; }

    public double minimum(int i) { return minimum[i]; }

    public double maximum(int i) { return maximum[i]; }

    /** A copy of the lower bounds. */
    public double[] minimum() { return minimum.clone(); }

    /** A copy of the upper bounds. */
    public double[] maximum() { return maximum.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActionSpec a && Arrays.equals(minimum, a.minimum) && Arrays.equals(maximum, a.maximum);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(minimum) + Arrays.hashCode(maximum);
    }

    /** "6 in [-1, 1]" when every dimension has the same bounds, else every interval. */
    @Override
    public String toString() {
        boolean same = true;
        for (int i = 1; i < size(); i++) same &= minimum[i] == minimum[0] && maximum[i] == maximum[0];
        if (size() > 0 && same) return size() + " in [" + fmt(minimum[0]) + ", " + fmt(maximum[0]) + "]";
        StringBuilder b = new StringBuilder().append(size()).append(':');
        for (int i = 0; i < size(); i++) {
            b.append(" [").append(fmt(minimum[i])).append(", ").append(fmt(maximum[i])).append(']');
        }
        return b.toString();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
