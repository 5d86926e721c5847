package ddpg.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guides in docs/ point at files and methods; a rename elsewhere must not leave them pointing at nothing.
 * Checks every {@code `some/File.java`} in docs/ddpg.md and docs/physics.md exists, and that every
 * {@code `some/File.java`, `method`} names a method written in that file.
 */
class DocsPointersTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();   // tests run in examples/
    private static final Pattern FILE = Pattern.compile("`([A-Za-z0-9_/.]+\\.java)`(?:, `([a-z][A-Za-z0-9]*)`)?");

    /** Where a guide's short paths live: physics.md is relative to the physics sources, ddpg.md uses rl/ and engine/. */
    private static Path resolve(String guide, String p) {
        if (p.startsWith("examples/") || p.startsWith("physics/src") || p.startsWith("engine/src") || p.startsWith("rl/src")) {
            return ROOT.resolve(p);
        }
        if (guide.equals("physics.md")) return ROOT.resolve("physics/src/main/java/ddpg/physics").resolve(p);
        if (p.startsWith("rl/")) return ROOT.resolve("rl/src/main/java/ddpg").resolve(p);
        if (p.startsWith("engine/")) return ROOT.resolve("engine/src/main/java/ddpg").resolve(p);
        return ROOT.resolve("physics/src/main/java/ddpg/physics").resolve(p);   // ddpg.md's physics pointers
    }

    @Test
    void everyFileAndMethodTheGuidesNameExists() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (String guide : new String[] {"ddpg.md", "physics.md"}) {
            String text = Files.readString(ROOT.resolve("docs").resolve(guide));
            Matcher m = FILE.matcher(text);
            while (m.find()) {
                checked++;
                Path file = resolve(guide, m.group(1));
                if (!Files.isRegularFile(file)) {
                    broken.add(guide + ": " + m.group(1) + " (looked for " + ROOT.relativize(file) + ")");
                } else if (m.group(2) != null && !Pattern.compile("\\b" + m.group(2) + "\\(").matcher(Files.readString(file)).find()) {
                    broken.add(guide + ": " + m.group(1) + " has no method " + m.group(2));
                }
            }
        }
        assertTrue(checked > 30, "found only " + checked + " pointers; did the guides move?");
        assertTrue(broken.isEmpty(), "broken pointers in docs/: " + broken);
    }
}
