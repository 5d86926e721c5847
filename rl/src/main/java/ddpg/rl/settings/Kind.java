package ddpg.rl.settings;

import ddpg.engine.io.Json;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A setting's type: how its value is typed after {@code --option}, written in config.json and shown in {@code --help}.
 * Malformed text is an {@link IllegalArgumentException} with one line naming the option and what it expects.
 */
public abstract class Kind<T> {
    /** A whole number that fits an int, typed plainly ("256"). */
    public static final Kind<Integer> INT = new Kind<>() {
        @Override public Integer parse(String option, String text, Integer current) {
            try {
                return Integer.parseInt(text.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + option + " expects a whole number, got '" + text + "' (e.g. --" + option + " " + current + ")");
            }
        }
        @Override Object toJson(Integer v) { return (long) v; }
        @Override Integer fromJson(Object json) { return Math.toIntExact(Json.toLong(json)); }
    };

    /** A whole number that may be typed 500k, 1M or 1e6. */
    public static final Kind<Long> LONG = new Kind<>() {
        @Override public Long parse(String option, String text, Long current) {
            try {
                return parseLongWithSuffix(text.replace("_", ""));
            } catch (NumberFormatException | ArithmeticException e) { // ArithmeticException: past the long range
                throw new IllegalArgumentException("--" + option + " expects a whole number (1e6 and 500k work too), got '" + text + "'");
            }
        }
        @Override Long fromJson(Object json) { return Json.toLong(json); }
    };

    /** A count held in an int (an array size) that may be typed like {@link #LONG}: 1e6, 500k. */
    public static final Kind<Integer> COUNT = new Kind<>() {
        @Override public Integer parse(String option, String text, Integer current) {
            long v = LONG.parse(option, text, (long) current);
            if (v > Integer.MAX_VALUE) throw new IllegalArgumentException("--" + option + " " + v + " is too large (at most " + Integer.MAX_VALUE + ")");
            return (int) Math.max(v, Integer.MIN_VALUE); // a negative count is left for the setting's range check to name
        }
        @Override Object toJson(Integer v) { return (long) v; }
        @Override Integer fromJson(Object json) { return Math.toIntExact(Json.toLong(json)); }
    };

    /** A finite number. */
    public static final Kind<Double> DOUBLE = new Kind<>() {
        @Override public Double parse(String option, String text, Double current) {
            try {
                double d = Double.parseDouble(text);
                if (Double.isFinite(d)) return d;
            } catch (NumberFormatException e) {
                // the message below
            }
            throw new IllegalArgumentException("--" + option + " expects a finite number, got '" + text + "' (e.g. --" + option + " " + current + ")");
        }
        @Override Double fromJson(Object json) { return Json.toDouble(json); }
        @Override String show(Double v) { return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString(); }
    };

    /** Text as typed (a folder, a name). */
    public static final Kind<String> TEXT = new Kind<>() {
        @Override public String parse(String option, String text, String current) { return text; }
        @Override String fromJson(Object json) { return string(json); }
    };

    /** A word from a fixed list, in any case ("OU" is "ou"). */
    public static final Kind<String> WORD = new Kind<>() {
        @Override public String parse(String option, String text, String current) { return text.toLowerCase(Locale.ROOT); }
        @Override String fromJson(Object json) { return string(json); }
    };

    /** On or off; on the command line a flag without a value, which sets the value its setting names. */
    public static final Kind<Boolean> SWITCH = new Kind<>() {
        @Override public Boolean parse(String option, String text, Boolean current) {
            throw new IllegalStateException("--" + option + " is a flag and takes no value");
        }
        @Override Boolean fromJson(Object json) {
            if (json instanceof Boolean b) return b;
            throw new IllegalArgumentException("expected true or false, got " + json);
        }
        @Override String show(Boolean v) { return v ? "on" : "off"; }
    };

    /** Layer widths, comma-separated: 400,300. */
    public static final Kind<int[]> WIDTHS = new Kind<>() {
        @Override public int[] parse(String option, String text, int[] current) {
            try {
                int[] h = Arrays.stream(text.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
                if (h.length > 0) return h;
            } catch (NumberFormatException e) {
                // the message below
            }
            throw new IllegalArgumentException("--" + option + " expects comma-separated widths, e.g. --" + option + " 256,256; got '" + text + "'");
        }
        @Override Object toJson(int[] v) { return v.clone(); }
        @Override int[] fromJson(Object json) { return Json.toIntArray(json); }
        @Override String show(int[] v) { return Arrays.stream(v).mapToObj(Integer::toString).collect(Collectors.joining(",")); }
        @Override int[] copy(int[] v) { return v.clone(); }
    };

    /** The value typed after {@code --option}; {@code current} is the value it replaces (named as an example). */
    public abstract T parse(String option, String text, T current);

    /** As written in config.json. */
    Object toJson(T v) {
        return v;
    }

    /** Read back from a parsed config.json value; a wrong type is an {@link IllegalArgumentException}. */
    abstract T fromJson(Object json);

    /** As {@code --help} shows a default. */
    String show(T v) {
        return String.valueOf(v);
    }

    /** A copy that shares nothing mutable with {@code v}. */
    T copy(T v) {
        return v;
    }

    private static String string(Object json) {
        if (json instanceof String s) return s;
        throw new IllegalArgumentException("expected a string, got " + json);
    }

    /** "500k" = 500000, "1M" = 1000000, "1e6" = 1000000. */
    public static long parseLongWithSuffix(String v) {
        String s = v.trim();
        long mult = 1;
        char last = s.isEmpty() ? ' ' : Character.toLowerCase(s.charAt(s.length() - 1));
        if (last == 'k') mult = 1_000;
        else if (last == 'm') mult = 1_000_000;
        if (mult != 1) s = s.substring(0, s.length() - 1);
        if (s.contains("e") || s.contains("E") || s.contains(".")) {
            double d = Double.parseDouble(s) * mult;
            if (d != Math.rint(d) || Math.abs(d) > Long.MAX_VALUE / 2.0) throw new NumberFormatException();
            return (long) d;
        }
        return Math.multiplyExact(Long.parseLong(s), mult);
    }
}
