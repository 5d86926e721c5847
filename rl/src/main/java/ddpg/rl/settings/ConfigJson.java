package ddpg.rl.settings;

import ddpg.rl.ddpg.DdpgConfig;
import ddpg.rl.settings.Setting.Section;
import ddpg.rl.train.RunSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The settings' fields of config.json, from the table: written in table order, read back by name. */
public final class ConfigJson {
    private ConfigJson() {}

    /** The fields of {@code section} (for {@link Section#TOP}, the settings among the top-level fields). */
    public static Map<String, Object> fields(Section section, RunSettings run, DdpgConfig agent) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Setting<?, ?> s : inJsonOrder(section)) m.put(s.json(), s.toJson(s.holderOf(run, agent)));
        return m;
    }

    /**
     * Sets every setting of {@code section} from its fields; a missing field (but one added in a later version) or a
     * value of the wrong type is an {@link IllegalArgumentException} naming the field.
     */
    public static void read(Section section, Map<String, Object> fields, RunSettings run, DdpgConfig agent) {
        String path = section == Section.TOP ? "" : section.key() + ".";
        for (Setting<?, ?> s : Settings.ALL) if (s.section() == section) s.fromJson(s.holderOf(run, agent), fields, path);
    }

    /** The table order, but for the settings placed after another one to keep earlier versions' field order. */
    private static List<Setting<?, ?>> inJsonOrder(Section section) {
        List<Setting<?, ?>> order = new ArrayList<>();
        for (Setting<?, ?> s : Settings.ALL) if (s.section() == section && s.jsonAfter() == null) order.add(s);
        for (Setting<?, ?> s : Settings.ALL) {
            if (s.section() != section || s.jsonAfter() == null) continue;
            int after = -1;
            for (int i = 0; i < order.size(); i++) if (order.get(i).json().equals(s.jsonAfter())) after = i;
            if (after < 0) throw new IllegalStateException(s.json() + " is placed after " + s.jsonAfter() + ", which is not in its section");
            order.add(after + 1, s);
        }
        return order;
    }
}
