package ddpg.physics;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean ...?" for a mistyped name: the valid name it starts, else the one nearest by edit distance, or
 * nothing when no name is close. Case and surrounding spaces are ignored. It lives in physics, the lowest module
 * that needs it, so that physics (unknown task names) and rl's command line (commands, options, presets, ...) use
 * the same rule.
 */
public final class DidYouMean {
    private DidYouMean() {}

    /** {@code "; did you mean 'walker-run'?"} for {@code "walker-rn"}, or "" when nothing is close. */
    public static String hint(String typed, Collection<String> valid) {
        String c = closest(typed, valid);
        return c == null ? "" : "; did you mean '" + c + "'?";
    }

    /** The valid name {@code typed} most likely meant, or null when none is reasonably close. */
    public static String closest(String typed, Collection<String> valid) {
        String t = typed == null ? "" : typed.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) return null;
        for (String v : valid) if (v.toLowerCase(Locale.ROOT).startsWith(t)) return v; // "walker" -> "walker-stand"
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String v : valid) {
            int d = editDistance(t, v.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = v;
            }
        }
        return bestDistance <= Math.max(2, t.length() / 3) ? best : null;
    }

    /** Levenshtein distance: single-character insertions, deletions and substitutions. */
    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(substitute, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
