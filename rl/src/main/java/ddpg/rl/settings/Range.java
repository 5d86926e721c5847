package ddpg.rl.settings;

import java.util.List;
import java.util.function.DoublePredicate;

/**
 * A range of numbers a setting allows, with the rule its error message states: "--tau must be in (0, 1], got 0.0".
 * NaN is outside every range.
 */
public record Range(String rule, DoublePredicate ok, String after) implements Check<Object, Number> {
    public static Range positive() {
        return new Range("must be positive", v -> v > 0, "");
    }

    /** "must be >= 0" for 0, "must be at least N" otherwise. */
    public static Range atLeast(long min) {
        return new Range(min == 0 ? "must be >= 0" : "must be at least " + min, v -> v >= min, "");
    }

    /** [lo, hi]. */
    public static Range closed(double lo, double hi) {
        return new Range("must be in [" + show(lo) + ", " + show(hi) + "]", v -> v >= lo && v <= hi, "");
    }

    /** (lo, hi]. */
    public static Range leftOpen(double lo, double hi) {
        return new Range("must be in (" + show(lo) + ", " + show(hi) + "]", v -> v > lo && v <= hi, "");
    }

    /** The rule with what a boundary value means: "must be >= 0 (0 = no GIFs)". */
    public Range meaning(String note) {
        return new Range(rule + " (" + note + ")", ok, after);
    }

    /** The option named with what it is: "--utd (updates per env step) must be positive". */
    public Range naming(String what) {
        return new Range("(" + what + ") " + rule, ok, after);
    }

    /** A typical value after the one given: "..., got 0.0 (e.g. 0.005)". */
    public Range example(String value) {
        return new Range(rule, ok, after + " (e.g. " + value + ")");
    }

    @Override
    public void check(String option, Object holder, Number value) {
        if (!ok.test(value.doubleValue())) throw new IllegalArgumentException("--" + option + " " + rule + ", got " + value + after);
    }

    /** One of {@code words}: "--noise must be 'gaussian' or 'ou', got 'pink'". */
    public static Check<Object, String> oneOf(List<String> words) {
        String rule = Words.list(words.stream().map(w -> "'" + w + "'").toList(), "or");
        return (option, holder, value) -> {
            if (!words.contains(value)) throw new IllegalArgumentException("--" + option + " must be " + rule + ", got '" + value + "'");
        };
    }

    private static String show(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
