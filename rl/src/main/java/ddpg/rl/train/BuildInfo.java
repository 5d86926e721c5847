package ddpg.rl.train;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Which build of ddpg is running: the project version from the jar manifest and the git commit the build was made
 * from ({@code build-commit.txt}, written by the rl module's build when it runs inside a git clone; a "-dirty" suffix
 * means the work tree had uncommitted changes). Both are "unknown"/"dev" when run from bare classes.
 */
public final class BuildInfo {
    static final String COMMIT_RESOURCE = "/ddpg/rl/build-commit.txt";
    private static final String COMMIT = readCommit();

    private BuildInfo() {}

    public static String version() {
        String v = BuildInfo.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    public static String commit() {
        return COMMIT;
    }

    private static String readCommit() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(COMMIT_RESOURCE)) {
            if (in == null) return "unknown";
            String s = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return s.isEmpty() ? "unknown" : s;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
