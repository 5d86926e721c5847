package ddpg.rl.cli;

import org.apache.commons.cli.CommandLine;

/** Typed option values: a malformed number is a {@link UserError} that names the option and what it expected. */
public final class Args {
    private Args() {}

    public static int intValue(CommandLine cl, String opt, int dflt) {
        String v = cl.getOptionValue(opt);
        if (v == null) return dflt;
        try {
            return Integer.parseInt(stripUnderscores(v));
        } catch (NumberFormatException e) {
            throw new UserError("--" + opt + " expects a whole number, got '" + v + "' (e.g. --" + opt + " " + dflt + ")");
        }
    }

    public static long longValue(CommandLine cl, String opt, long dflt) {
        String v = cl.getOptionValue(opt);
        if (v == null) return dflt;
        try {
            return parseLongWithSuffix(stripUnderscores(v));
        } catch (NumberFormatException e) {
            throw new UserError("--" + opt + " expects a whole number (1e6 and 500k work too), got '" + v + "'");
        }
    }

    public static double doubleValue(CommandLine cl, String opt, double dflt) {
        String v = cl.getOptionValue(opt);
        if (v == null) return dflt;
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new UserError("--" + opt + " expects a finite number, got '" + v + "' (e.g. --" + opt + " " + dflt + ")");
        }
    }

    /** "500k" = 500000, "1M" = 1000000, "1e6" = 1000000. */
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

    public static long parseLongWithSuffix(String v) {
        String s = v.trim();
        long mult = 1;
        char last = s.isEmpty() ? ' ' : Character.toLowerCase(s.charAt(s.length() - 1));
        if (last == 'k') mult = 1_000;
        else if (last == 'm') mult = 1_000_000;
        if (mult != 1) s = s.substring(0, s.length() - 1);
        if (s.contains("e") || s.contains("E") || s.contains(".")) {
            double d = Double.parseDouble(s) * mult;
            if (d != Math.rint(d) || Math.abs(d) > Long.MAX_VALUE / 2.0) throw new NumberFormatException();
            return (long) d;
        }
        return Math.multiplyExact(Long.parseLong(s), mult);
    }

    private static String stripUnderscores(String v) {
        return v.replace("_", "");
    }
}
