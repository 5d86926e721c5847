package ddpg.physics.mjcf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where MJCF text comes from: a file on disk or a class-path resource. Knows how to find a file named by
 * {@code <include file="...">} relative to itself.
 */
interface XmlSource {
    /** Name used in error messages (a path or a resource name). */
    String name();

    /** Opens the content; a missing file is a one-line {@link MjcfException}. */
    InputStream open() throws IOException;

    /** The source for an include path written inside this source. */
    XmlSource resolve(String relative);

    static XmlSource of(Path path) {
        return new FileSource(path);
    }

    static XmlSource resource(String name) {
        return new ResourceSource(name.startsWith("/") ? name : "/" + name);
    }

    record FileSource(Path path) implements XmlSource {
        public String name() { return path.toString(); }

        public InputStream open() throws IOException {
            try {
                return Files.newInputStream(path);
            } catch (NoSuchFileException e) {
                throw new MjcfException(path + ": file not found");
            }
        }

        public XmlSource resolve(String relative) {
            Path parent = path.toAbsolutePath().getParent();
            return new FileSource(parent == null ? Path.of(relative) : parent.resolve(relative).normalize());
        }
    }

    record StringSource(String text, String name, Path baseDir) implements XmlSource {
        public InputStream open() {
            return new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        public XmlSource resolve(String relative) {
            return new FileSource(baseDir.resolve(relative).normalize());
        }
    }

    record ResourceSource(String resource) implements XmlSource {
        public String name() { return "resource " + resource; }

        public InputStream open() {
            InputStream in = XmlSource.class.getResourceAsStream(resource);
            if (in == null) throw new MjcfException(name() + ": not found on the class path");
            return in;
        }

        public XmlSource resolve(String relative) {
            if (relative.startsWith("/")) return new ResourceSource(relative);
            String dir = resource.substring(0, resource.lastIndexOf('/') + 1);
            return new ResourceSource(Path.of(dir).resolve(relative).normalize().toString().replace('\\', '/'));
        }
    }
}
