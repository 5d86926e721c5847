package ddpg.physics.mjcf;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the attributes of one element through its default-class chain, the way MJCF defines it: a value comes from
 * the most specific place that sets it (element, then its class, then the parent classes up to {@code main}), and a
 * vector written with fewer numbers than it has only replaces that many leading entries, the rest keep the value from
 * the more general layer (so {@code friction=".7"} keeps the default torsional and rolling coefficients).
 *
 * <p>Every number is checked; a bad one is reported at the file and line where it was written.
 */
final class Attrs {
    /** Layers from the most general (root default) to the most specific (the element itself). */
    private final List<XmlElement> layers;
    private final XmlElement element;

    Attrs(XmlElement element, List<XmlElement> defaultLayers) {
        this.element = element;
        this.layers = new ArrayList<>(defaultLayers);
        this.layers.add(element);
    }

    XmlElement element() { return element; }

    /** True if any layer sets the attribute. */
    boolean has(String name) { return source(name) != null; }

    /** True if the element itself (not a default) sets the attribute. */
    boolean hasOwn(String name) { return element.has(name); }

    /** The most specific layer that sets the attribute, or null. */
    XmlElement source(String name) {
        for (int i = layers.size() - 1; i >= 0; i--) if (layers.get(i).has(name)) return layers.get(i);
        return null;
    }

    /** The most specific layer that sets any of the attributes, or null. */
    XmlElement mostSpecificWithAny(List<String> names) {
        for (int i = layers.size() - 1; i >= 0; i--)
            for (String n : names) if (layers.get(i).has(n)) return layers.get(i);
        return null;
    }

    String str(String name, String dflt) {
        XmlElement s = source(name);
        return s == null ? dflt : s.attr(name).strip();
    }

    double dbl(String name, double dflt) {
        XmlElement s = source(name);
        if (s == null) return dflt;
        double[] v = numbers(s, name);
        if (v.length != 1) throw s.error(name, "expected 1 number, found " + v.length);
        return v[0];
    }

    int integer(String name, int dflt) {
        XmlElement s = source(name);
        if (s == null) return dflt;
        String t = s.attr(name).strip();
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw s.error(name, "malformed integer '" + t + "'");
        }
    }

    /** A vector of length n: built-in default, overwritten prefix-wise by each layer that sets it. */
    double[] vec(String name, double[] dflt) {
        double[] out = dflt.clone();
        for (XmlElement layer : layers) {
            if (!layer.has(name)) continue;
            double[] v = numbers(layer, name);
            if (v.length > out.length) throw layer.error(name, "expected at most " + out.length + " numbers, found " + v.length);
            if (v.length == 0) throw layer.error(name, "expected at least 1 number");
            System.arraycopy(v, 0, out, 0, v.length);
        }
        return out;
    }

    /** A vector that must be given with exactly n numbers (e.g. fromto, quat), or null if no layer sets it. */
    double[] exact(String name, int n) {
        XmlElement s = source(name);
        if (s == null) return null;
        double[] v = numbers(s, name);
        if (v.length != n) throw s.error(name, "expected " + n + " numbers, found " + v.length);
        return v;
    }

    /** true/false (MJCF booleans). */
    boolean bool(String name, boolean dflt) {
        String v = str(name, null);
        if (v == null) return dflt;
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw source(name).error(name, "expected true or false, found '" + v + "'");
        };
    }

    /** One of the allowed keywords; the error lists them. */
    String keyword(String name, String dflt, Set<String> allowed) {
        String v = str(name, null);
        if (v == null) return dflt;
        if (!allowed.contains(v)) throw source(name).error(name, "'" + v + "' is not one of " + String.join(", ", sorted(allowed)));
        return v;
    }

    private static List<String> sorted(Set<String> s) {
        List<String> l = new ArrayList<>(s);
        l.sort(null);
        return l;
    }

    /** Parses a whitespace-separated list of decimal numbers, rejecting anything MuJoCo would not read. */
    static double[] numbers(XmlElement e, String name) {
        String text = e.attr(name).strip();
        if (text.isEmpty()) return new double[0];
        String[] tok = SPACES.split(text);
        double[] out = new double[tok.length];
        for (int i = 0; i < tok.length; i++) out[i] = number(e, name, tok[i]);
        return out;
    }

    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    static double number(XmlElement e, String name, String t) {
        // Java also accepts "1d", "0x1p3", "NaN", "Infinity": MJCF numbers are plain decimals.
        if (!DECIMAL.matcher(t).matches())
            throw e.error(name, "malformed number '" + t + "'");
        double d = Double.parseDouble(t);
        if (!Double.isFinite(d)) throw e.error(name, "number out of range '" + t + "'");
        return d;
    }
}
