package ddpg.rl.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Parses a seed list such as {@code 1-5}, {@code 1,2,7} or {@code 1-3,10}: ascending runs, duplicates dropped. */
public final class SeedList {
    /** More seeds than this in one sweep is almost certainly a typo (1-1000000). */
    static final int MAX_SEEDS = 10_000;

    private SeedList() {}

    public static List<Long> parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("--seeds is empty; give e.g. --seeds 1-5 or --seeds 1,2,7");
        Set<Long> seeds = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) throw new IllegalArgumentException("--seeds '" + text + "' has an empty item; give e.g. 1-5 or 1,2,7");
            int dash = p.indexOf('-', 1);
            long lo, hi;
            try {
                lo = Long.parseLong(dash < 0 ? p : p.substring(0, dash).trim());
                hi = dash < 0 ? lo : Long.parseLong(p.substring(dash + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--seeds item '" + p + "' is not a seed or a range; give e.g. 1-5 or 1,2,7");
            }
            if (hi < lo) throw new IllegalArgumentException("--seeds range '" + p + "' is empty (" + hi + " < " + lo + "); write it low-high");
            if (hi - lo >= MAX_SEEDS) throw new IllegalArgumentException("--seeds range '" + p + "' has more than " + MAX_SEEDS + " seeds");
            for (long s = lo; s <= hi; s++) seeds.add(s);
            if (seeds.size() > MAX_SEEDS) throw new IllegalArgumentException("--seeds lists more than " + MAX_SEEDS + " seeds");
        }
        return new ArrayList<>(seeds);
    }
}
