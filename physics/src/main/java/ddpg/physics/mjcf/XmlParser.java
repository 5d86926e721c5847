package ddpg.physics.mjcf;

import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads MJCF text into a tree of {@link XmlElement}s with file:line on every element, using only the JDK's SAX
 * parser. {@code <include file="..."/>} is replaced, in place, by the children of the included file's
 * {@code <mujoco>} root (paths are relative to the including file), recursively, as MuJoCo does.
 */
final class XmlParser {
    private XmlParser() {}

    /** Looked up once per thread (the service lookup is slow; factories are not guaranteed thread-safe). */
    private static final ThreadLocal<SAXParserFactory> FACTORY = ThreadLocal.withInitial(XmlParser::factory);

    private static SAXParserFactory factory() {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("JDK XML parser unavailable: " + e.getMessage(), e);
        }
    }

    /** Parses the source and expands includes; the result is the {@code <mujoco>} root. */
    static XmlElement parse(XmlSource source) {
        XmlElement root = parseOne(source);
        if (!root.tag.equals("mujoco"))
            throw MjcfException.at(source.name(), root.line, "root element must be <mujoco>, found <" + root.tag + ">");
        expandIncludes(root, source, new ArrayList<>(List.of(source.name())));
        return root;
    }

    private static void expandIncludes(XmlElement parent, XmlSource source, List<String> chain) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement child : parent.children) {
            if (!child.tag.equals("include")) {
                expandIncludes(child, source, chain);
                out.add(child);
                continue;
            }
            String file = child.attr("file");
            if (file == null || file.isBlank()) throw child.error("file", "missing; write <include file=\"path/relative/to/this/file.xml\"/>");
            for (String a : child.attrs.keySet())
                if (!a.equals("file")) throw child.error(a, "unknown attribute of <include>");
            if (!child.children.isEmpty()) throw child.error("must be empty");
            XmlSource included = source.resolve(file);
            if (chain.contains(included.name())) throw child.error("file", "include cycle: " + included.name() + " includes itself");
            XmlElement sub;
            try {
                sub = parseOne(included);
            } catch (MjcfException e) {
                if (e.getMessage().endsWith("not found") || e.getMessage().endsWith("not found on the class path"))
                    throw child.error("file", "included file '" + file + "' not found (" + included.name() + ")");
                throw e;
            }
            if (!sub.tag.equals("mujoco"))
                throw MjcfException.at(included.name(), sub.line, "root element of an included file must be <mujoco>, found <" + sub.tag + ">");
            chain.add(included.name());
            expandIncludes(sub, included, chain);
            chain.remove(chain.size() - 1);
            out.addAll(sub.children);
        }
        parent.children.clear();
        parent.children.addAll(out);
    }

    private static XmlElement parseOne(XmlSource source) {
        SAXParser parser;
        try {
            parser = FACTORY.get().newSAXParser();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("JDK XML parser unavailable: " + e.getMessage(), e);
        }
        byte[] bytes;
        try (InputStream in = source.open()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw MjcfException.at(source.name(), 0, "cannot read: " + oneLine(String.valueOf(e.getMessage())));
        }
        Builder handler = new Builder(source.name(), new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        try {
            parser.parse(new java.io.ByteArrayInputStream(bytes), handler);
        } catch (SAXParseException e) {
            throw MjcfException.at(source.name(), e.getLineNumber(), "malformed XML: " + oneLine(e.getMessage()));
        } catch (SAXException e) {
            throw MjcfException.at(source.name(), 0, "malformed XML: " + oneLine(e.getMessage()));
        } catch (IOException e) {
            throw MjcfException.at(source.name(), 0, "cannot read: " + oneLine(String.valueOf(e.getMessage())));
        }
        if (handler.root == null) throw MjcfException.at(source.name(), 0, "empty document");
        return handler.root;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    private static final class Builder extends DefaultHandler {
        private final String file;
        private final String text;
        private final int[] lineStart; // offset of the first character of each line (0-based line index)
        private Locator locator;
        private final Deque<XmlElement> stack = new ArrayDeque<>();
        XmlElement root;

        Builder(String file, String text) {
            this.file = file;
            this.text = text;
            java.util.List<Integer> starts = new java.util.ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) starts.add(i + 1);
            }
            lineStart = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        /**
         * The line where the element's start tag begins. SAX reports where the tag ends, which for a tag written
         * over several lines is its last line; looking back for "<tag" from there finds the first ('<' cannot occur
         * inside attribute values).
         */
        private int startLine(String tag) {
            if (locator == null) return 0;
            int endLine = locator.getLineNumber();
            if (endLine < 1 || endLine > lineStart.length) return endLine;
            int offset = Math.min(text.length(), lineStart[endLine - 1] + Math.max(0, locator.getColumnNumber() - 1));
            int at = text.lastIndexOf("<" + tag, offset);
            if (at < 0) return endLine;
            int line = java.util.Arrays.binarySearch(lineStart, at);
            return line >= 0 ? line + 1 : -line - 1;
        }

        @Override
        public void setDocumentLocator(Locator locator) { this.locator = locator; }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < atts.getLength(); i++) map.put(atts.getQName(i), atts.getValue(i));
            XmlElement e = new XmlElement(qName, map, file, startLine(qName));
            if (stack.isEmpty()) root = e;
            else stack.peek().children.add(e);
            stack.push(e);
        }

        @Override
        public void endElement(String uri, String localName, String qName) { stack.pop(); }
    }
}
