package ddpg.physics.mjcf;

import ddpg.physics.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Every kind of bad input gives one {@link MjcfException} with a one-line message naming file, line and cause. */
class MjcfErrorsTest {
    @TempDir
    Path dir;

    private static final String HEAD = "<mujoco model=\"t\">\n<worldbody>\n";
    private static final String TAIL = "</worldbody>\n</mujoco>\n";

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** Loads, expects failure, checks the message is one line starting with "file:line:" and contains the parts. */
    private String fails(Path file, int line, String... parts) {
        MjcfException e = assertThrows(MjcfException.class, () -> MjcfLoader.load(file));
        String msg = e.getMessage();
        assertFalse(msg.contains("\n"), "one line: " + msg);
        String where = line > 0 ? file + ":" + line + ": " : file.toString();
        assertTrue(msg.startsWith(where), "expected to start with '" + where + "': " + msg);
        for (String p : parts) assertTrue(msg.contains(p), "expected '" + p + "' in: " + msg);
        return msg;
    }

    private Path body(String inner) throws IOException {
        return write("m.xml", HEAD + "<body name=\"b\">\n" + inner + "\n</body>\n" + TAIL);
    }

    @Test
    void malformedXml() throws IOException {
        Path p = write("m.xml", "<mujoco>\n<worldbody>\n<body>\n</worldbody>\n</mujoco>\n");
        fails(p, 4, "malformed XML");
    }

    @Test
    void malformedNumber() throws IOException {
        fails(body("<geom size=\"0.1x\"/>"), 4, "<geom>", "'size'", "malformed number '0.1x'");
        fails(body("<geom size=\"NaN\"/>"), 4, "malformed number 'NaN'");
        fails(body("<geom size=\"0.1 0.2 0.3 0.4\"/>"), 4, "'size'", "at most 3 numbers");
        fails(body("<geom size=\"0.1\" contype=\"one\"/>"), 4, "'contype'", "malformed integer 'one'");
    }

    /** {@code n} bodies, each inside the previous one (with a hinge if asked), below the world body. */
    private static String chain(int n, boolean hinges) {
        StringBuilder sb = new StringBuilder(HEAD);
        for (int i = 0; i < n; i++) {
            sb.append("<body pos=\"0 0 0.1\">").append(hinges ? "<joint/>" : "").append("<geom size=\"0.01\"/>\n");
        }
        sb.append("</body>".repeat(n)).append('\n').append(TAIL);
        return sb.toString();
    }

    @Test
    void nestingTooDeepIsOneLineNotAStackOverflow() throws IOException {
        // <mujoco> is level 1, <worldbody> 2, body i (from 1) level i + 2 and its geom i + 3, both on line i + 2
        String msg = fails(write("deep.xml", chain(5000, false)), XmlParser.MAX_DEPTH, "<geom>",
                "nested more than " + XmlParser.MAX_DEPTH + " deep");
        assertTrue(msg.endsWith("the MJCF reader supports at most " + XmlParser.MAX_DEPTH + " levels"), msg);
        // the deepest chain that fits loads, even on a 128 KB thread stack: the readers do not recurse per level
        int deepest = XmlParser.MAX_DEPTH - 3;
        Path ok = write("ok.xml", chain(deepest, false));
        Model[] loaded = new Model[1];
        Thread t = new Thread(null, () -> loaded[0] = MjcfLoader.load(ok), "small-stack", 128 * 1024);
        t.start();
        assertDoesNotThrow(() -> t.join());
        assertNotNull(loaded[0], "the deepest allowed chain must load on a 128 KB stack");
        assertEquals(deepest + 1, loaded[0].nbody);
    }

    @Test
    void nestingTooDeepThroughAnIncludeIsReportedInTheIncludedFile() throws IOException {
        int outer = XmlParser.MAX_DEPTH / 2;
        StringBuilder inner = new StringBuilder("<mujoco>\n");
        for (int i = 0; i < outer; i++) inner.append("<body>\n");
        inner.append("</body>".repeat(outer)).append("\n</mujoco>\n");
        write("inner.xml", inner.toString());
        String main = chain(outer, false).replace("<geom size=\"0.01\"/>\n</body>", "<include file=\"inner.xml\"/>\n</body>");
        MjcfException e = assertThrows(MjcfException.class, () -> MjcfLoader.load(write("outer.xml", main)));
        assertTrue(e.getMessage().matches(".*inner\\.xml:\\d+: <body>: elements nested more than \\d+ deep.*"), e.getMessage());
    }

    @Test
    void unknownElementThatMatters() throws IOException {
        fails(write("m.xml", "<mujoco>\n<tendon>\n<fixed name=\"t\"/>\n</tendon>\n</mujoco>\n"), 3, "<fixed>", "tendons are not supported");
        fails(write("m.xml", "<mujoco>\n<equality>\n<weld body1=\"a\"/>\n</equality>\n</mujoco>\n"), 3, "<weld>", "equality");
        fails(body("<composite type=\"grid\"/>"), 4, "<composite>", "unknown or unsupported element");
        fails(write("m.xml", "<mujoco>\n<worldboddy/>\n</mujoco>\n"), 2, "<worldboddy>", "unknown element");
        fails(write("m.xml", "<mujoco>\n<actuator>\n<position joint=\"j\"/>\n</actuator>\n</mujoco>\n"), 3, "only <motor>");
        fails(write("m.xml", "<mujoco>\n<sensor>\n<rangefinder site=\"s\"/>\n</sensor>\n</mujoco>\n"), 3, "<rangefinder>", "unsupported sensor");
        fails(write("m.xml", "<mujoco>\n<contact>\n<pair geom1=\"a\" geom2=\"b\"/>\n</contact>\n</mujoco>\n"), 3, "<pair>");
    }

    @Test
    void unsupportedAttributeNamesElementAndAttribute() throws IOException {
        fails(body("<joint springdamper=\"1 1\"/>\n<geom size=\"1\"/>"), 4, "<joint>", "'springdamper'", "unsupported");
        fails(body("<geom size=\"1\" frictionloss=\"1\"/>"), 4, "<geom>", "'frictionloss'");
        fails(body("<joint frictionloss=\"0.5\"/>\n<geom size=\"1\"/>"), 4, "'frictionloss'", "not supported");
        fails(write("m.xml", "<mujoco>\n<option integrator=\"implicit\"/>\n</mujoco>\n"), 2, "'integrator'", "implicit");
        fails(write("m.xml", "<mujoco>\n<option cone=\"elliptic\"/>\n</mujoco>\n"), 2, "'cone'");
        fails(write("m.xml", "<mujoco>\n<option>\n<flag contacts=\"disable\"/>\n</option>\n</mujoco>\n"), 3, "'contacts'", "unknown flag");
        fails(write("m.xml", "<mujoco>\n<option>\n<flag contact=\"off\"/>\n</option>\n</mujoco>\n"), 3, "enable or disable");
        fails(body("<geom type=\"mesh\" mesh=\"m\"/>"), 4, "'mesh'");
        fails(body("<geom size=\"1\" condim=\"6\"/>"), 4, "'condim'", "not supported");
    }

    @Test
    void missingInclude() throws IOException {
        Path p = write("m.xml", "<mujoco>\n  <include file=\"./common/nope.xml\"/>\n</mujoco>\n");
        fails(p, 2, "<include>", "'file'", "'./common/nope.xml' not found");
    }

    @Test
    void includeCycleAndBadIncludedRoot() throws IOException {
        write("a.xml", "<mujoco>\n<include file=\"b.xml\"/>\n</mujoco>\n");
        write("b.xml", "<mujoco>\n<include file=\"a.xml\"/>\n</mujoco>\n");
        MjcfException e = assertThrows(MjcfException.class, () -> MjcfLoader.load(dir.resolve("a.xml")));
        assertTrue(e.getMessage().contains("include cycle"), e.getMessage());
        write("c.xml", "<mujoco>\n<include file=\"d.xml\"/>\n</mujoco>\n");
        write("d.xml", "<asset/>\n");
        e = assertThrows(MjcfException.class, () -> MjcfLoader.load(dir.resolve("c.xml")));
        assertTrue(e.getMessage().contains("d.xml:1:") && e.getMessage().contains("must be <mujoco>"), e.getMessage());
    }

    @Test
    void includeIsSplicedInPlace() throws IOException {
        Files.createDirectories(dir.resolve("common"));
        write("common/opt.xml", "<mujoco>\n<option timestep=\"0.003\"/>\n</mujoco>\n");
        write("common/arm.xml", "<mujoco>\n<body name=\"arm\"><joint/><geom size=\".1\"/></body>\n</mujoco>\n");
        Path p = write("m.xml", "<mujoco>\n<include file=\"./common/opt.xml\"/>\n<worldbody>\n<include file=\"common/arm.xml\"/>\n</worldbody>\n</mujoco>\n");
        Model m = MjcfLoader.load(p);
        assertEquals(0.003, m.optTimestep);
        assertEquals(2, m.nbody);
        assertEquals("arm", m.bodyName[1]);
    }

    @Test
    void missingFile() {
        Path p = dir.resolve("absent.xml");
        MjcfException e = assertThrows(MjcfException.class, () -> MjcfLoader.load(p));
        assertEquals(p + ": file not found", e.getMessage());
    }

    @Test
    void badJointType() throws IOException {
        fails(body("<joint type=\"screw\"/>\n<geom size=\"1\"/>"), 4, "<joint>", "'type'", "unknown joint type 'screw'", "hinge, slide");
        // the error points at the default class that set the bad type
        Path p = write("m.xml", "<mujoco>\n<default>\n<joint type=\"twist\"/>\n</default>\n" + "<worldbody>\n<body>\n<joint/>\n<geom size=\"1\"/>\n</body>\n" + TAIL);
        fails(p, 3, "unknown joint type 'twist'");
        fails(body("<joint type=\"ball\"/>\n<geom size=\"1\"/>"), 4, "ball joints are not supported");
    }

    @Test
    void badGeomType() throws IOException {
        fails(body("<geom type=\"cube\" size=\"1\"/>"), 4, "<geom>", "unknown geom type 'cube'");
        fails(body("<geom type=\"box\" fromto=\"0 0 0 1 1 1\" size=\"1 1 1\"/>"), 4, "'fromto'", "capsule and cylinder");
        fails(body("<geom type=\"capsule\" size=\"0.1\"/>"), 4, "'size'", "2 positive");
        fails(body("<geom type=\"capsule\" fromto=\"0 0 0 0 0\" size=\"0.1\"/>"), 4, "'fromto'", "expected 6 numbers");
    }

    @Test
    void unknownNamesAndClasses() throws IOException {
        fails(body("<geom class=\"nope\" size=\"1\"/>"), 4, "'class'", "unknown default class 'nope'", "defined: main");
        Path p = write("m.xml", HEAD + "<body>\n<joint name=\"j\"/>\n<geom size=\"1\"/>\n</body>\n" + TAIL
                .replace("</mujoco>", "<actuator>\n<motor joint=\"k\"/>\n</actuator>\n</mujoco>"));
        fails(p, 9, "<motor>", "no joint named 'k'");
        fails(body("<joint name=\"j\"/>\n<joint name=\"j\"/>\n<geom size=\"1\"/>"), 5, "repeated joint name 'j'");
    }

    @Test
    void inconsistentModels() throws IOException {
        fails(body("<joint limited=\"true\"/>\n<geom size=\"1\"/>"), 4, "'range'", "lower < upper");
        fails(body("<joint/>"), 3, "has joints but no mass");
        fails(write("m.xml", HEAD + "<body>\n<body>\n<freejoint/>\n<geom size=\"1\"/>\n</body>\n</body>\n" + TAIL), 5, "free joint", "child of the world");
        fails(body("<geom size=\"1\" quat=\"1 0 0 0\" euler=\"0 0 1\"/>"), 4, "more than one orientation");
        fails(body("<geom size=\"1\" quat=\"0 0 0 0\"/>"), 4, "zero length");
        fails(write("m.xml", "<mujoco>\n<worldbody>\n<joint/>\n</worldbody>\n</mujoco>\n"), 3, "world body cannot have joints");
        fails(body("<joint limited=\"maybe\"/>"), 4, "'limited'", "'maybe' is not one of");
        // like MuJoCo 2.2.2: a range without limited (and without autolimits) is refused, not guessed
        fails(body("<joint range=\"-1 1\"/>\n<geom size=\"1\"/>"), 4, "'range'", "not limited", "autolimits");
        Path act = write("m.xml", HEAD + "<body>\n<joint name=\"j\"/>\n<geom size=\"1\"/>\n</body>\n" + TAIL
                .replace("</mujoco>", "<actuator>\n<motor joint=\"j\" ctrlrange=\"-1 1\"/>\n</actuator>\n</mujoco>"));
        fails(act, 9, "'ctrlrange'", "not ctrllimited");
        fails(write("m.xml", "<mujoco>\n<compiler angle=\"gradian\"/>\n</mujoco>\n"), 2, "'angle'");
    }

    @Test
    void visualOnlyElementsAreAccepted() throws IOException {
        Path p = write("m.xml", "<mujoco model=\"v\">\n<visual><headlight ambient=\".4 .4 .4\"/></visual>\n<statistic extent=\"2\"/>\n"
                + "<asset><texture name=\"t\" type=\"2d\" builtin=\"checker\" width=\"10\" height=\"10\"/>"
                + "<material name=\"red\" rgba=\"1 0 0 1\"/></asset>\n"
                + "<worldbody>\n<light pos=\"0 0 1\"/>\n<camera name=\"c\" pos=\"0 0 1\"/>\n"
                + "<body>\n<camera name=\"d\" mode=\"trackcom\"/>\n<joint/>\n<geom size=\"1\" material=\"red\" group=\"2\"/>\n</body>\n"
                + "</worldbody>\n<keyframe><key qpos=\"0\"/></keyframe>\n</mujoco>\n");
        Model m = MjcfLoader.load(p);
        assertEquals(1, m.nv);
        assertArrayEquals(new float[]{1, 0, 0, 1}, m.geomRgba);
    }

    @Test
    void loadsFromAString() {
        Model m = MjcfLoader.loadString("<mujoco>\n<worldbody>\n<body><joint type=\"slide\"/><geom size=\"0.1\"/></body>\n</worldbody>\n</mujoco>",
                "inline.xml", dir);
        assertEquals(1, m.nv);
        MjcfException e = assertThrows(MjcfException.class, () -> MjcfLoader.loadString("<mujoco>\n<geom size=\"x\"/>\n</mujoco>", "inline.xml", dir));
        assertTrue(e.getMessage().startsWith("inline.xml:2: "), e.getMessage());
    }

    @Test
    void aTagWrittenOverSeveralLinesIsReportedAtItsFirstLine() throws IOException {
        Path p = write("m.xml", "<mujoco>\n<worldbody>\n<body>\n<joint name=\"j\"\n       type=\"screw\"\n       axis=\"0 1 0\"/>\n<geom size=\"1\"/>\n</body>\n" + TAIL);
        fails(p, 4, "<joint>", "unknown joint type 'screw'");
    }

    @Test
    void anErrorInAnIncludedFileNamesThatFile() throws IOException {
        Files.createDirectories(dir.resolve("common"));
        Path inc = write("common/bad.xml", "<mujoco>\n<default>\n<geom friction=\"1 x\"/>\n</default>\n</mujoco>\n");
        Path p = write("m.xml", "<mujoco>\n<include file=\"common/bad.xml\"/>\n</mujoco>\n");
        MjcfException e = assertThrows(MjcfException.class, () -> MjcfLoader.load(p));
        assertTrue(e.getMessage().startsWith(inc.toAbsolutePath().normalize() + ":3: <geom> attribute 'friction'"), e.getMessage());
    }
}
