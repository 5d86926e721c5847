package ddpg.rl.report;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * {@code --label NAME=GLOB}: the runs whose folder matches GLOB form group NAME (within each task). GLOB is a
 * java.nio glob ({@code *} stays within one folder name, {@code **} crosses folders, {@code {a,b}} alternatives)
 * matched against the run folder's name, its path as given on the command line (runs/sweep/walker-run-bn-s1), and
 * its absolute path.
 */
public record LabelRule(String name, String glob, PathMatcher matcher) {

    /** Parses one {@code NAME=GLOB}; a malformed one is an {@link IllegalArgumentException}. */
    public static LabelRule parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new IllegalArgumentException("--label expects NAME=GLOB, e.g. --label batch-norm='*bn-on*', got '" + spec + "'");
        }
        String name = spec.substring(0, eq).strip(), glob = spec.substring(eq + 1).strip();
        if (name.isEmpty() || glob.isEmpty() || name.contains("\n")) {
            throw new IllegalArgumentException("--label expects NAME=GLOB, e.g. --label batch-norm='*bn-on*', got '" + spec + "'");
        }
        try {
            return new LabelRule(name, glob, FileSystems.getDefault().getPathMatcher("glob:" + glob));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("--label " + spec + ": '" + glob + "' is not a valid glob (" + e.getDescription() + ")");
        }
    }

    /** All {@code --label} values in the order given (none: an empty list). */
    public static List<LabelRule> parseAll(String[] specs) {
        List<LabelRule> out = new ArrayList<>();
        if (specs != null) for (String s : specs) out.add(parse(s));
        return out;
    }

    boolean matches(ReportRun r) {
        Path abs = r.dir().toAbsolutePath().normalize();
        return (abs.getFileName() != null && matcher.matches(abs.getFileName()))
                || matcher.matches(Path.of(r.given()).normalize())
                || matcher.matches(abs);
    }

    @Override
    public String toString() {
        return name + "=" + glob;
    }
}
