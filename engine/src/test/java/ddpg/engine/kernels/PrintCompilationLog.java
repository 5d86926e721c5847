package ddpg.engine.kernels;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child JVM's output with {@code -XX:+PrintCompilation} lines among its own, read in order. A line like
 * {@code 1947  492    b  4       ddpg.engine.kernels.Lanes::sum (42 bytes)} starts compilation 492 at tier 4 (C2);
 * {@code %} among the flags marks an on-stack replacement. A later line with the same id and a note after the
 * size ({@code made not entrant}, {@code COMPILE SKIPPED: ...}) means that code is not (or no longer) in use.
 */
final class PrintCompilationLog {
    private static final Pattern LINE =
            Pattern.compile("^\\s*\\d+\\s+(\\d+)\\s(.*?)(\\S+::\\S+)(?: @ \\d+)? \\(\\d+ bytes\\)(.*)$");

    private record Event(int id, String flags, String method, String note) {
        boolean osr() {
            return flags.indexOf('%') >= 0;
        }

        /** The tier (0-4) in a tiered JVM; -1 when the line names none. */
        int tier() {
            String f = flags.strip();
            return !f.isEmpty() && Character.isDigit(f.charAt(f.length() - 1)) ? f.charAt(f.length() - 1) - '0' : -1;
        }
    }

    private final List<String> lines;

    PrintCompilationLog(List<String> lines) {
        this.lines = lines;
    }

    private static Event parse(String line) {
        Matcher m = LINE.matcher(line);
        return m.matches() ? new Event(Integer.parseInt(m.group(1)), m.group(2), m.group(3), m.group(4).strip()) : null;
    }

    /** The index of the first line that starts with {@code prefix}; fails if there is none. */
    private int lineStarting(String prefix) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith(prefix)) return i;
        throw new AssertionError("no line starting with '" + prefix + "' in:\n" + String.join("\n", lines));
    }

    /** Whether any compilation of {@code method} (any tier, OSR or not) started before the line {@code marker}. */
    boolean anyCompilationBefore(String method, String marker) {
        int end = lineStarting(marker);
        for (int i = 0; i < end; i++) {
            Event e = parse(lines.get(i));
            if (e != null && e.method().equals(method)) return true;
        }
        return false;
    }

    /**
     * Whether, before the line {@code marker}, {@code method} itself (not an on-stack replacement) was compiled at
     * tier 4, the C2 compiler, and that code was neither skipped nor made not entrant.
     */
    boolean inC2Before(String method, String marker) {
        int end = lineStarting(marker);
        Set<Integer> started = new HashSet<>(), undone = new HashSet<>();
        for (int i = 0; i < end; i++) {
            Event e = parse(lines.get(i));
            if (e == null || !e.method().equals(method)) continue;
            if (!e.note().isEmpty()) undone.add(e.id());
            else if (e.tier() == 4 && !e.osr()) started.add(e.id());
        }
        started.removeAll(undone);
        return !started.isEmpty();
    }

    /** The compilation lines of methods whose names start with {@code prefix}, and the child's own lines. */
    String about(String prefix) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            Event e = parse(l);
            boolean compilerLine = !l.isBlank() && Character.isDigit(l.strip().charAt(0));
            if (e != null ? e.method().startsWith(prefix) : !compilerLine) sb.append(l).append('\n');
        }
        return sb.toString();
    }
}
