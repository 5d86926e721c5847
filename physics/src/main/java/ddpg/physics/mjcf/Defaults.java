package ddpg.physics.mjcf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tree of {@code <default>} classes. The root class is called {@code main}; a nested class inherits everything
 * from its parent and overrides what it sets. For an element the chain of layers is: the classes from {@code main}
 * down to the element's class (its own {@code class}, else the {@code childclass} of the nearest enclosing body, else
 * {@code main}), each contributing its {@code <joint>}, {@code <geom>}, {@code <site>} or {@code <motor>} defaults.
 */
final class Defaults {
    static final String MAIN = "main";

    static final class Cls {
        final String name;
        final Cls parent;
        final Map<String, XmlElement> byKind = new LinkedHashMap<>();

        Cls(String name, Cls parent) { this.name = name; this.parent = parent; }
    }

    /** Attributes of defaultable elements whose values are words, not numbers. */
    private static final java.util.Set<String> WORDS = java.util.Set.of("type", "limited", "ctrllimited",
            "forcelimited", "material", "joint", "fluidshape");

    private final Map<String, Cls> classes = new LinkedHashMap<>();
    final Cls main = new Cls(MAIN, null);

    Defaults() { classes.put(MAIN, main); }

    /** Reads one top-level {@code <default>} element (its nested classes included). */
    void read(XmlElement root) {
        String name = root.attr("class");
        if (name != null && !name.equals(MAIN))
            throw root.error("class", "the top-level <default> is class 'main'; put named classes inside it");
        fill(main, root);
    }

    /** A {@code <default>} element whose children are being read into its class. */
    private record Open(Cls cls, XmlElement e, int[] next) {}

    /** Reads a class tree depth first in document order, with an explicit stack instead of recursion. */
    private void fill(Cls top, XmlElement topElement) {
        Deque<Open> stack = new ArrayDeque<>();
        stack.push(open(top, topElement));
        while (!stack.isEmpty()) {
            Open o = stack.peek();
            if (o.next[0] == o.e.children.size()) {
                stack.pop();
                continue;
            }
            XmlElement c = o.e.children.get(o.next[0]++);
            Cls cls = o.cls;
            if (c.tag.equals("default")) {
                String name = c.attr("class");
                if (name == null || name.isBlank()) throw c.error("class", "a nested <default> needs a class name");
                if (classes.containsKey(name)) throw c.error("class", "default class '" + name + "' is defined twice");
                Cls child = new Cls(name, cls);
                classes.put(name, child);
                stack.push(open(child, c));
            } else if (Schema.DEFAULTABLE.containsKey(c.tag)) {
                if (cls.byKind.containsKey(c.tag)) throw c.error("duplicate <" + c.tag + "> in default class '" + cls.name + "'");
                if (c.has("name")) throw c.error("name", "a default cannot have a name");
                if (!c.children.isEmpty()) throw c.error("must be empty");
                Schema.check(c, Schema.DEFAULTABLE.get(c.tag));
                if (c.has("class")) throw c.error("class", "not allowed inside <default>; nest <default class=...> instead");
                for (String a : c.attrs.keySet())            // numbers are checked even if no element uses them
                    if (!WORDS.contains(a)) Attrs.numbers(c, a);
                cls.byKind.put(c.tag, c);
            } else if (Schema.IGNORED_ELEMENTS.contains(c.tag) || c.tag.equals("material") || c.tag.equals("mesh")
                    || c.tag.equals("texture")) {
                // rendering-only defaults
            } else {
                throw c.error("not supported inside <default> (supported: joint, geom, site, motor, default)");
            }
        }
    }

    private static Open open(Cls cls, XmlElement e) {
        for (String a : e.attrs.keySet()) if (!a.equals("class")) throw e.error(a, "unknown attribute of <default>");
        return new Open(cls, e, new int[1]);
    }

    /** The named class; an unknown name is an error at the attribute that used it. */
    Cls get(String name, XmlElement where, String attr) {
        Cls c = classes.get(name);
        if (c == null) throw where.error(attr, "unknown default class '" + name + "' (defined: " + String.join(", ", classes.keySet()) + ")");
        return c;
    }

    /** Default layers for an element of the given kind in class cls, most general first. */
    static List<XmlElement> chain(Cls cls, String kind) {
        List<XmlElement> out = new ArrayList<>();
        for (Cls c = cls; c != null; c = c.parent) {
            XmlElement e = c.byKind.get(kind);
            if (e != null) out.add(0, e);
        }
        return out;
    }
}
