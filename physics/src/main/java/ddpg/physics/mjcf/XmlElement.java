package ddpg.physics.mjcf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One XML element as the loader sees it: tag, attributes in document order, child elements, and where it was written
 * (file and line), so every later error can point at the source. Text content is not kept: MJCF has none we use.
 */
final class XmlElement {
    final String tag;
    final Map<String, String> attrs;
    final List<XmlElement> children = new ArrayList<>();
    final String file;
    final int line;

    XmlElement(String tag, Map<String, String> attrs, String file, int line) {
        this.tag = tag;
        this.attrs = new LinkedHashMap<>(attrs);
        this.file = file;
        this.line = line;
    }

    String attr(String name) { return attrs.get(name); }

    boolean has(String name) { return attrs.containsKey(name); }

    List<XmlElement> children() { return Collections.unmodifiableList(children); }

    /** An error at this element: {@code file:line: <tag>: message}. */
    MjcfException error(String message) {
        return MjcfException.at(file, line, "<" + tag + ">: " + message);
    }

    /** An error about one attribute of this element. */
    MjcfException error(String attribute, String message) {
        return MjcfException.at(file, line, "<" + tag + "> attribute '" + attribute + "': " + message);
    }

    @Override
    public String toString() { return "<" + tag + "> at " + file + ":" + line; }
}
