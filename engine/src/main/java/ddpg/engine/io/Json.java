package ddpg.engine.io;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The project's one JSON reader and writer (config.json, checkpoint state, sweep.json, safetensors headers), with no
 * library.
 *
 * <p>Values map to Java as: object = {@code Map<String,Object>} (insertion ordered), array = {@code List<Object>},
 * string = {@code String}, integer = {@code Long}, other number = {@code Double}, true/false = {@code Boolean},
 * null = {@code null}; {@code int[]}, {@code long[]} and {@code double[]} are written as arrays too. Doubles are
 * written with {@link Double#toString}, which reads back to the same bits; non-finite doubles (which JSON lacks) are
 * written as the strings "NaN", "Infinity", "-Infinity" and {@link #toDouble} turns them back. Reading is strict
 * (a repeated key or a raw control character in a string is refused) and a problem names its line and column.
 */
public final class Json {
    private Json() {}

    // ---------------------------------------------------------------- writing

    /** Pretty-printed with two-space indentation and a final newline; arrays without objects or arrays stay on one line. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        new Writer(sb, true).value(value, 0);
        return sb.append('\n').toString();
    }

    /** On one line with no spaces, e.g. {@code {"a":[1,2]}} (safetensors headers are written so). */
    public static String writeCompact(Object value) {
        StringBuilder sb = new StringBuilder();
        new Writer(sb, false).value(value, 0);
        return sb.toString();
    }

    /** The string as a quoted JSON string literal. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        quote(sb, s);
        return sb.toString();
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }

    private record Writer(StringBuilder sb, boolean pretty) {
        void value(Object v, int indent) {
            if (v == null) {
                sb.append("null");
            } else if (v instanceof String s) {
                quote(sb, s);
            } else if (v instanceof Boolean b) {
                sb.append(b.booleanValue());
            } else if (v instanceof Double || v instanceof Float) {
                double d = ((Number) v).doubleValue();
                if (Double.isFinite(d)) sb.append(v instanceof Float f ? Float.toString(f) : Double.toString(d));
                else quote(sb, Double.toString(d));
            } else if (v instanceof Number n) {
                sb.append(n.longValue());
            } else if (v instanceof Map<?, ?> m) {
                object(m, indent);
            } else if (v instanceof List<?> list) {
                array(list, indent);
            } else if (v instanceof long[] a) {
                List<Object> l = new ArrayList<>(a.length);
                for (long x : a) l.add(x);
                array(l, indent);
            } else if (v instanceof int[] a) {
                List<Object> l = new ArrayList<>(a.length);
                for (int x : a) l.add((long) x);
                array(l, indent);
            } else if (v instanceof double[] a) {
                List<Object> l = new ArrayList<>(a.length);
                for (double x : a) l.add(x);
                array(l, indent);
            } else {
                throw new IllegalArgumentException("cannot write a " + v.getClass().getName() + " as JSON");
            }
        }

        private void object(Map<?, ?> m, int indent) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                newline(indent + 1);
                quote(sb, String.valueOf(e.getKey()));
                sb.append(pretty ? ": " : ":");
                value(e.getValue(), indent + 1);
                if (it.hasNext()) sb.append(',');
            }
            newline(indent);
            sb.append('}');
        }

        private void array(List<?> list, int indent) {
            boolean flat = true;
            for (Object o : list) if (o instanceof Map || o instanceof List) flat = false;
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (flat) {
                    if (i > 0) sb.append(pretty ? ", " : ",");
                    value(list.get(i), indent);
                } else {
                    newline(indent + 1);
                    value(list.get(i), indent + 1);
                    if (i + 1 < list.size()) sb.append(',');
                }
            }
            if (!flat && !list.isEmpty()) newline(indent);
            sb.append(']');
        }

        /** A line break and the indentation of {@code indent} levels; nothing when compact. */
        private void newline(int indent) {
            if (!pretty) return;
            sb.append('\n');
            for (int i = 0; i < indent; i++) sb.append("  ");
        }
    }

    // ---------------------------------------------------------------- reading

    /** Parses one JSON value; malformed text is an {@link IllegalArgumentException} naming line and column. */
    public static Object parse(String text) {
        return new JsonParser(text).document();
    }

    /** Parses a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object v = parse(text);
        if (!(v instanceof Map)) throw new IllegalArgumentException("expected a JSON object");
        return (Map<String, Object>) v;
    }

    /** A number read back as a double (accepts the strings "NaN", "Infinity", "-Infinity"). */
    public static double toDouble(Object v) {
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof String s) return Double.parseDouble(s);
        throw new IllegalArgumentException("expected a number, got " + v);
    }

    public static long toLong(Object v) {
        if (v instanceof Long l) return l;
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) return n.longValue();
        throw new IllegalArgumentException("expected a whole number, got " + v);
    }

    public static long[] toLongArray(Object v) {
        List<?> l = list(v);
        long[] a = new long[l.size()];
        for (int i = 0; i < a.length; i++) a[i] = toLong(l.get(i));
        return a;
    }

    public static double[] toDoubleArray(Object v) {
        List<?> l = list(v);
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) a[i] = toDouble(l.get(i));
        return a;
    }

    public static int[] toIntArray(Object v) {
        long[] l = toLongArray(v);
        int[] a = new int[l.length];
        for (int i = 0; i < a.length; i++) a[i] = Math.toIntExact(l[i]);
        return a;
    }

    private static List<?> list(Object v) {
        if (v instanceof List<?> l) return l;
        throw new IllegalArgumentException("expected a list, got " + v);
    }
}
