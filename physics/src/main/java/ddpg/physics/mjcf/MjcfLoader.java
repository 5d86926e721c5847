package ddpg.physics.mjcf;

import ddpg.physics.model.Model;

import java.nio.file.Path;

/**
 * Loads MJCF (MuJoCo's XML model format) into a compiled {@link Model}, using only the JDK's XML parser. Supports the
 * subset the Control Suite models use (see {@code physics/README.md}); visual-only elements are accepted and
 * ignored, anything that would change the physics but is not supported is an {@link MjcfException} naming the file,
 * line, element and attribute.
 */
public final class MjcfLoader {
    private MjcfLoader() {}

    /** Loads a model file; includes are resolved relative to it. */
    public static Model load(Path xml) {
        return MjcfCompiler.compile(XmlParser.parse(XmlSource.of(xml)), xml.toString());
    }

    /**
     * Compiles MJCF text held in memory (examples, tests). {@code name} is used in error messages; includes are
     * resolved relative to {@code baseDir}.
     */
    public static Model loadString(String xml, String name, Path baseDir) {
        XmlSource src = new XmlSource.StringSource(xml, name, baseDir);
        return MjcfCompiler.compile(XmlParser.parse(src), name);
    }

    /** Loads a model from the class path, e.g. {@code "/ddpg/physics/models/walker.xml"}; includes resolve beside it. */
    public static Model loadResource(String name) {
        XmlSource src = XmlSource.resource(name);
        return MjcfCompiler.compile(XmlParser.parse(src), src.name());
    }
}
