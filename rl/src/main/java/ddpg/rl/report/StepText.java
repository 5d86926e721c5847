package ddpg.rl.report;

import java.util.Locale;

/** Env step counts as people write them: 0, 500, 20k, 432.5k, 1M, 1.25M. */
final class StepText {
    private StepText() {}

    static String of(long steps) {
        long a = Math.abs(steps);
        if (a >= 1_000_000) return trim(steps / 1e6) + "M";
        if (a >= 1_000) return trim(steps / 1e3) + "k";
        return Long.toString(steps);
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
