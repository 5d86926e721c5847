package ddpg.rl.settings;

import java.util.List;

/** Lists in messages. */
public final class Words {
    private Words() {}

    /** "a", "a or b", "a, b or c" (with {@code conjunction} "or"). */
    public static String list(List<String> items, String conjunction) {
        int n = items.size();
        if (n <= 1) return String.join("", items);
        return String.join(", ", items.subList(0, n - 1)) + " " + conjunction + " " + items.get(n - 1);
    }
}
