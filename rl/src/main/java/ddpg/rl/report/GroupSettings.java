package ddpg.rl.report;

import ddpg.rl.ddpg.Presets;
import ddpg.rl.train.RunConfig;
import ddpg.rl.train.RunSettings;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The settings that make runs comparable, read from a config.json: {@code run.preset}, every setting of
 * {@code agent} (in config.json's order, so settings added later count too) and {@code run.eval_episodes}. Not the
 * seed, the step budget, out, threads, eval_every, checkpoint, divergence, log, GIF or TensorBoard settings: those
 * do not change what is learned or measured. Values are written as short text so that equal settings compare equal
 * ({@code 1} and {@code 1.0}, {@code 3.0E-4} and {@code 0.0003}); a list (hidden) is joined with '-' (400-300).
 */
final class GroupSettings {
    static final String PRESET = "preset", EVAL_EPISODES = "eval_episodes";
    private static final Map<String, Map<String, String>> PRESET_AGENT = new ConcurrentHashMap<>();

    private GroupSettings() {}

    /** The comparable settings of one config.json (already parsed); missing sections give fewer keys. */
    @SuppressWarnings("unchecked")
    static Map<String, String> of(Map<String, Object> config) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Object> run = config.get("run") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<String, Object> agent = config.get("agent") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        if (run.containsKey(PRESET)) out.put(PRESET, text(run.get(PRESET)));
        for (Map.Entry<String, Object> e : agent.entrySet()) out.put(e.getKey(), text(e.getValue()));
        if (run.containsKey(EVAL_EPISODES)) out.put(EVAL_EPISODES, text(run.get(EVAL_EPISODES)));
        return out;
    }

    /** A preset's own agent settings as {@link #of} writes them, or null for a name ddpg does not know. */
    static Map<String, String> presetAgent(String preset) {
        if (preset == null || !Presets.NAMES.contains(preset)) return null;
        return PRESET_AGENT.computeIfAbsent(preset, p -> {
            Map<String, Object> config = new RunConfig(new RunSettings(), Presets.named(p), "").toMap(0, 0);
            Map<String, String> s = of(Map.of("agent", config.get("agent")));
            return Map.copyOf(s);
        });
    }

    /** Short canonical text of a JSON value. */
    static String text(Object v) {
        if (v == null) return "null";
        if (v instanceof Double || v instanceof Float) return number(((Number) v).doubleValue());
        if (v instanceof Number n) return Long.toString(n.longValue());
        if (v instanceof int[] a) return String.join("-", java.util.Arrays.stream(a).mapToObj(Integer::toString).toList());
        if (v instanceof List<?> l) return String.join("-", l.stream().map(GroupSettings::text).toList());
        return String.valueOf(v);
    }

    private static String number(double d) {
        if (!Double.isFinite(d)) return Double.toString(d);
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toString().toLowerCase(Locale.ROOT);
    }
}
