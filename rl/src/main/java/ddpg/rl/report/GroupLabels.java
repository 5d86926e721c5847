package ddpg.rl.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Names the groups of one task by what differs between them, nothing else:
 * <ul>
 *   <li>"default" when there is one group (nothing differs);</li>
 *   <li>when presets differ: {@code preset=NAME} plus each setting whose value is not that preset's own
 *       ({@code preset=paper}, {@code preset=default batch_norm=true});</li>
 *   <li>otherwise each setting that differs, as {@code key=value} ({@code batch_norm=true}).</li>
 * </ul>
 * Only settings that differ somewhere within the task are named. Runs without config.json (old builds) are
 * "settings unknown". Should two groups still get the same name, every differing setting is written
 * out for all of them.
 */
final class GroupLabels {
    static final String DEFAULT = "default", UNKNOWN = "settings unknown";

    private GroupLabels() {}

    /** One label per settings map, in the same order; the maps are the distinct settings of one task's runs. */
    static List<String> of(List<Map<String, String>> groups) {
        if (groups.size() <= 1) return groups.isEmpty() ? List.of() : List.of(DEFAULT);
        Set<String> keys = new LinkedHashSet<>();
        for (Map<String, String> g : groups) keys.addAll(g.keySet());
        List<String> differing = new ArrayList<>();
        for (String k : keys) {
            Set<String> values = new HashSet<>();
            for (Map<String, String> g : groups) values.add(Objects.toString(g.get(k), "?"));
            if (values.size() > 1) differing.add(k);
        }
        boolean presets = differing.contains(GroupSettings.PRESET);
        List<String> labels = new ArrayList<>();
        for (Map<String, String> g : groups) labels.add(label(g, differing, presets));
        if (new HashSet<>(labels).size() < labels.size()) {
            labels.clear();
            for (Map<String, String> g : groups) labels.add(label(g, differing, false));
        }
        return labels;
    }

    private static String label(Map<String, String> g, List<String> differing, boolean byPreset) {
        if (g.isEmpty()) return UNKNOWN; // runs of old builds: no settings in (or no) config.json
        List<String> parts = new ArrayList<>();
        Map<String, String> own = null;
        if (byPreset) {
            parts.add(GroupSettings.PRESET + "=" + Objects.toString(g.get(GroupSettings.PRESET), "?"));
            own = GroupSettings.presetAgent(g.get(GroupSettings.PRESET));
        }
        for (String k : differing) {
            if (byPreset && k.equals(GroupSettings.PRESET)) continue;
            String v = Objects.toString(g.get(k), "?");
            if (own != null && v.equals(own.get(k))) continue; // the preset's own value: named by preset=...
            parts.add(k + "=" + v);
        }
        return String.join(" ", parts);
    }
}
