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

    /**
     * Deepest element nesting accepted, counting {@code <mujoco>} as 1. Real models nest a few dozen levels (a
     * 100-link chain about a hundred); a file nested deeper is taken for a generated or corrupt one and refused with
     * its file and line. The readers walk the tree with explicit stacks, so this is a sanity limit, not a stack one.
     */
    static final int MAX_DEPTH = 1000;

    /** The JDK parser's own nesting limit (JAXP property). */
    private static final String MAX_ELEMENT_DEPTH = "jdk.xml.maxElementDepth";

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
        expandIncludes(root, source);
        return root;
    }

    /**
     * An element whose children are being expanded, nested {@code depth} deep (the root is 1). For the root of an
     * included file, {@code into} is the frame of the element that held the {@code <include>}: the file's expanded
     * children take the include's place there.
     */
    private static final class Frame {
        final XmlElement element;
        final int depth;
        final XmlSource source;
        final Frame into;
        final List<XmlElement> out = new ArrayList<>();
        int next;

        Frame(XmlElement element, int depth, XmlSource source, Frame into) {
            this.element = element;
            this.depth = depth;
            this.source = source;
            this.into = into;
        }
    }

    /**
     * Replaces every {@code <include>} below {@code root} by the children of the included file's root, depth first
     * in document order. Iterative (an explicit stack instead of recursion), so the nesting depth is limited by
     * {@link #MAX_DEPTH}, not by the thread's stack.
     */
    private static void expandIncludes(XmlElement root, XmlSource source) {
        List<String> chain = new ArrayList<>(List.of(source.name()));
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(root, 1, source, null));
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            if (f.next == f.element.children.size()) {
                stack.pop();
                if (f.into == null) {
                    f.element.children.clear();
                    f.element.children.addAll(f.out);
                } else {
                    chain.remove(chain.size() - 1);
                    f.into.out.addAll(f.out);
                }
                continue;
            }
            XmlElement child = f.element.children.get(f.next++);
            if (f.depth + 1 > MAX_DEPTH) throw tooDeep(child.file, child.line, child.tag);
            if (!child.tag.equals("include")) {
                f.out.add(child);
                stack.push(new Frame(child, f.depth + 1, f.source, null));
                continue;
            }
            String file = child.attr("file");
            if (file == null || file.isBlank()) throw child.error("file", "missing; write <include file=\"path/relative/to/this/file.xml\"/>");
            for (String a : child.attrs.keySet())
                if (!a.equals("file")) throw child.error(a, "unknown attribute of <include>");
            if (!child.children.isEmpty()) throw child.error("must be empty");
            XmlSource included = f.source.resolve(file);
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
            stack.push(new Frame(sub, f.depth, included, f)); // sub's children take the place of the <include>
        }
    }

    private static XmlElement parseOne(XmlSource source) {
        SAXParser parser;
        try {
            parser = FACTORY.get().newSAXParser();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("JDK XML parser unavailable: " + e.getMessage(), e);
        }
        try {
            // Some JDKs' secure defaults cap nesting (JDK 25: 100 levels); ours is MAX_DEPTH, reported with the
            // file and line by the handler, so the parser's own cap sits just above it on every JDK.
            parser.setProperty(MAX_ELEMENT_DEPTH, MAX_DEPTH + 1);
        } catch (org.xml.sax.SAXNotRecognizedException | org.xml.sax.SAXNotSupportedException e) {
            // a parser without the property has no such cap either
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

    private static MjcfException tooDeep(String file, int line, String tag) {
        return MjcfException.at(file, line, "<" + tag + ">: elements nested more than " + MAX_DEPTH
                + " deep; the MJCF reader supports at most " + MAX_DEPTH + " levels");
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
            if (stack.size() >= MAX_DEPTH) throw tooDeep(file, e.line, qName);
            if (stack.isEmpty()) root = e;
            else stack.peek().children.add(e);
            stack.push(e);
        }

        @Override
        public void endElement(String uri, String localName, String qName) { stack.pop(); }
    }
}
