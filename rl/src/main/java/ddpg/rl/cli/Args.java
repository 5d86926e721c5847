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
}
