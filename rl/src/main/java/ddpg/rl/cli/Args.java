package ddpg.rl.cli;

import ddpg.rl.settings.Kind;
import org.apache.commons.cli.CommandLine;

/**
 * Typed option values, read as the settings table reads them ({@link Kind}): a malformed number is a
 * {@link UserError} that names the option and what it expected.
 */
public final class Args {
    private Args() {}

    public static int intValue(CommandLine cl, String opt, int dflt) {
        return value(cl, opt, Kind.INT, dflt);
    }

    /** A whole number that may be typed 500k, 1M or 1e6. */
    public static long longValue(CommandLine cl, String opt, long dflt) {
        return value(cl, opt, Kind.LONG, dflt);
    }

    public static double doubleValue(CommandLine cl, String opt, double dflt) {
        return value(cl, opt, Kind.DOUBLE, dflt);
    }

    private static <T> T value(CommandLine cl, String opt, Kind<T> kind, T dflt) {
        String v = cl.getOptionValue(opt);
        if (v == null) return dflt;
        try {
            return kind.parse(opt, v, dflt);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
    /**
     * The file an option names for output, checked before any work is done: its folder must exist and be writable,
     * and it must not be a folder itself.
     */
    public static java.nio.file.Path outputFile(String value, String option) {
        java.nio.file.Path file = java.nio.file.Path.of(value).toAbsolutePath();
        java.nio.file.Path dir = file.getParent();
        if (java.nio.file.Files.isDirectory(file))
            throw new UserError(option + " " + value + " is a folder; give a file name, e.g. " + file.resolve("results.csv"));
        if (dir == null || !java.nio.file.Files.isDirectory(dir))
            throw new UserError(option + " " + value + ": the folder " + dir + " does not exist; create it first");
        if (!java.nio.file.Files.isWritable(dir))
            throw new UserError(option + " " + value + ": the folder " + dir + " is not writable; choose another place");
        return file;
    }
}
