package ddpg.rl.cli;

import java.util.Collection;

/** "Did you mean ...?": the closest valid name by edit distance, or null when nothing is close. */
public final class Suggest {
    private Suggest() {}

    public static String closest(String typed, Collection<String> valid) {
        String best = null;
        int bestDist = Integer.MAX_VALUE;
        for (String v : valid) {
            int d = distance(typed.toLowerCase(), v.toLowerCase());
            if (d < bestDist) {
                bestDist = d;
                best = v;
            }
        }
        int allowed = Math.max(2, typed.length() / 3);
        return bestDist <= allowed ? best : null;
    }

    /** " (did you mean 'x'?)" or "". */
    public static String hint(String typed, Collection<String> valid) {
        String c = closest(typed, valid);
        return c == null ? "" : "; did you mean '" + c + "'?";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
