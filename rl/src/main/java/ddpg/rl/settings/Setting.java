package ddpg.rl.settings;

import ddpg.rl.ddpg.DdpgConfig;
import ddpg.rl.train.RunSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One knob of a run: its command-line option, its config.json field, its type, its default (and its value in the
 * presets that differ), the values it allows, its help text, and the field of {@link RunSettings} or
 * {@link DdpgConfig} it sets. {@link Settings} is the table of them all.
 *
 * @param <H> the object holding the value: {@link RunSettings} or {@link DdpgConfig}
 * @param <T> the value's type
 */
public final class Setting<H, T> {
    /** Where the field sits in config.json: at the top, in "run" or in "agent". */
    public enum Section {
        TOP, RUN, AGENT;

        /** The section's field in config.json: "run", "agent". */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final String option;
    private final Class<H> holder;
    private final Kind<T> kind;
    private final Function<H, T> get;
    private final BiConsumer<H, T> set;
    private Section section;
    private String json, jsonAfter, argName = "value", help = "", defaultSaid;
    private T byDefault, flag;
    private final Map<String, T> presets = new LinkedHashMap<>();
    private final List<Check<? super H, ? super T>> checks = new ArrayList<>();
    private boolean resumable, absentInOldFiles;

    private Setting(String option, Class<H> holder, Section section, Kind<T> kind, Function<H, T> get, BiConsumer<H, T> set) {
        this.option = option;
        this.holder = holder;
        this.section = section;
        this.kind = kind;
        this.get = get;
        this.set = set;
        this.json = option.replace('-', '_');
    }

    // ---------------------------------------------------------------- building the table

    /** A setting of the trainer, in config.json's "run" section under the option's name with '_' for '-'. */
    static <T> Setting<RunSettings, T> run(String option, Kind<T> kind, Function<RunSettings, T> get, BiConsumer<RunSettings, T> set) {
        return new Setting<>(option, RunSettings.class, Section.RUN, kind, get, set);
    }

    /** A setting of the algorithm, in config.json's "agent" section under the option's name with '_' for '-'. */
    static <T> Setting<DdpgConfig, T> agent(String option, Kind<T> kind, Function<DdpgConfig, T> get, BiConsumer<DdpgConfig, T> set) {
        return new Setting<>(option, DdpgConfig.class, Section.AGENT, kind, get, set);
    }

    /** Written at the top of config.json rather than in its section. */
    Setting<H, T> topLevel() {
        section = Section.TOP;
        return this;
    }

    /** Another config.json field name than the option's. */
    Setting<H, T> json(String field) {
        json = field;
        return this;
    }

    /** Keeps config.json's field order of earlier versions: written right after {@code field} of its section. */
    Setting<H, T> jsonAfter(String field) {
        jsonAfter = field;
        return this;
    }

    /** What {@code --help} calls the value: {@code --steps <N>}. */
    Setting<H, T> arg(String name) {
        argName = name;
        return this;
    }

    /** The help text; {@code --help} adds the default, and the presets' values where they differ. */
    Setting<H, T> help(String text) {
        help = text;
        return this;
    }

    Setting<H, T> byDefault(T value) {
        byDefault = value;
        return this;
    }

    /** The value in {@code --preset name}, where it differs from the default. */
    Setting<H, T> inPreset(String name, T value) {
        presets.put(name, value);
        return this;
    }

    /** Checks run in the order given; the first that fails names the problem. */
    Setting<H, T> check(Check<? super H, ? super T> c) {
        checks.add(c);
        return this;
    }

    /** A flag (no value on the command line): giving it sets {@code value}. */
    Setting<H, T> flag(T value) {
        flag = value;
        return this;
    }

    /** The default in words, for a flag whose default is not a value: "(default: film one evaluation episode)". */
    Setting<H, T> defaultSaid(String words) {
        defaultSaid = words;
        return this;
    }

    /** May be given with {@code --resume}: it changes how a run continues, not what it learns. */
    Setting<H, T> resumable() {
        resumable = true;
        return this;
    }

    /** Added after the first release: config.json files made before it lack the field, which reads as the default. */
    Setting<H, T> absentInOldFiles() {
        absentInOldFiles = true;
        return this;
    }

    // ---------------------------------------------------------------- what the table says

    /** The command-line option, without dashes: "critic-l2". */
    public String option() { return option; }

    /** The config.json field: "critic_l2". */
    public String json() { return json; }

    public Section section() { return section; }

    String jsonAfter() { return jsonAfter; }

    public boolean isFlag() { return flag != null; }

    public boolean isResumable() { return resumable; }

    public String argName() { return argName; }

    /** The {@code --help} text: what it is, then its default and where a preset differs ("(default 256; paper preset 64)"). */
    public String helpLine() {
        if (defaultSaid != null) return help + " (default: " + defaultSaid + ")";
        if (byDefault == null) return help;
        String d = kind.show(byDefault);
        StringBuilder sb = new StringBuilder(help).append(" (default ").append(d);
        presets.forEach((name, v) -> {
            if (!kind.show(v).equals(d)) sb.append("; ").append(name).append(" preset ").append(kind.show(v));
        });
        return sb.append(')').toString();
    }

    // ---------------------------------------------------------------- applying it

    /** Whether this setting lives in {@code h} (a {@link RunSettings} or a {@link DdpgConfig}). */
    public boolean isIn(Object h) {
        return holder.isInstance(h);
    }

    /** The one of {@code run} and {@code agent} this setting lives in. */
    public Object holderOf(RunSettings run, DdpgConfig agent) {
        return holder == DdpgConfig.class ? agent : run;
    }

    /** The value in {@code h}. */
    public T get(Object h) {
        return get.apply(holder.cast(h));
    }

    /** Sets the value of {@code --preset preset}, or the default where that preset has none. */
    void reset(Object h, String preset) {
        set.accept(holder.cast(h), kind.copy(presets.getOrDefault(preset, byDefault)));
    }

    void copy(Object from, Object to) {
        set.accept(holder.cast(to), kind.copy(get(from)));
    }

    /** Sets the value typed after the option; malformed text is an {@link IllegalArgumentException}. */
    public void parse(Object h, String text) {
        set.accept(holder.cast(h), kind.parse(option, text, get(h)));
    }

    /** Sets the value the flag stands for. */
    public void giveFlag(Object h) {
        if (flag == null) throw new IllegalStateException("--" + option + " takes a value");
        set.accept(holder.cast(h), flag);
    }

    /** Throws an {@link IllegalArgumentException} naming the option when the value in {@code h} is not allowed. */
    public void validate(Object h) {
        H typed = holder.cast(h);
        for (Check<? super H, ? super T> c : checks) c.check(option, typed, get.apply(typed));
    }

    /** The value as config.json holds it. */
    Object toJson(Object h) {
        return kind.toJson(get(h));
    }

    /**
     * Sets the value from its config.json section, {@code path} being where that is ("agent."); a missing field or a
     * wrong type is an {@link IllegalArgumentException} naming the field.
     */
    void fromJson(Object h, Map<String, Object> fields, String path) {
        if (!fields.containsKey(json)) {
            if (!absentInOldFiles) throw new IllegalArgumentException("no '" + path + json + "' field");
            reset(h, null);
            return;
        }
        try {
            set.accept(holder.cast(h), kind.fromJson(fields.get(json)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + path + json + "': " + e.getMessage(), e);
        }
    }
}
