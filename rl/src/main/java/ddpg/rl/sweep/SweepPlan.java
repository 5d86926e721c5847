package ddpg.rl.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What a sweep runs: tasks x grid axes x seeds, every cell with the same common train arguments. The plan is the
 * sweep's identity: a sweep folder belongs to exactly one plan, and {@link #difference} names what another differs in.
 * Cells are ordered task, then grid values, then seed; their index is what {@code sweep cell} and array jobs take.
 */
public final class SweepPlan {
    public final List<String> tasks;
    public final List<Long> seeds;
    /** Axis (a train option name without dashes) to its values, in the order given. */
    public final Map<String, List<String>> grid;
    /** Train arguments every cell shares, in canonical option order. */
    public final List<String> trainArgs;
    public final List<Cell> cells;

    /**
     * @param isFlag true for train options that take no value (their grid values are on/off)
     */
    public SweepPlan(List<String> tasks, List<Long> seeds, Map<String, List<String>> grid, List<String> trainArgs,
                     Predicate<String> isFlag) {
        this.tasks = List.copyOf(tasks);
        this.seeds = List.copyOf(seeds);
        Map<String, List<String>> g = new LinkedHashMap<>();
        grid.forEach((k, v) -> g.put(k, List.copyOf(v)));
        this.grid = g;
        this.trainArgs = List.copyOf(trainArgs);
        this.cells = makeCells(isFlag);
    }

    private List<Cell> makeCells(Predicate<String> isFlag) {
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> axis : grid.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> c : combos) {
                for (String v : axis.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(c);
                    m.put(axis.getKey(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        List<Cell> out = new ArrayList<>();
        for (String task : tasks) {
            for (Map<String, String> combo : combos) {
                for (long seed : seeds) {
                    StringBuilder name = new StringBuilder(task);
                    List<String> args = new ArrayList<>(List.of("--task", task, "--seed", Long.toString(seed)));
                    args.addAll(trainArgs);
                    for (Map.Entry<String, String> e : combo.entrySet()) {
                        name.append('-').append(e.getKey()).append('-').append(safe(e.getValue()));
                        if (isFlag.test(e.getKey())) {
                            if (flagValue(e.getKey(), e.getValue())) args.add("--" + e.getKey());
                        } else {
                            args.add("--" + e.getKey());
                            args.add(e.getValue());
                        }
                    }
                    name.append("-s").append(seed);
                    out.add(new Cell(out.size(), name.toString(), task, seed, Map.copyOf(combo), List.copyOf(args)));
                }
            }
        }
        return List.copyOf(out);
    }

    /** on/true/yes or off/false/no, for a grid axis over a flag such as batch-norm. */
    static boolean flagValue(String axis, String v) {
        switch (v.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1": return true;
            case "off", "false", "no", "0": return false;
            default: throw new IllegalArgumentException("--grid " + axis + "=" + v + ": " + axis
                    + " is an on/off option; give its values as on,off");
        }
    }

    /** Keeps folder names portable: letters, digits, '.', '_' and '-' only. */
    private static String safe(String v) {
        return v.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Null when both plans are the same sweep, else one phrase naming the first difference. */
    public String difference(SweepPlan other) {
        if (!tasks.equals(other.tasks)) return "its tasks are " + tasks + ", not " + other.tasks;
        if (!seeds.equals(other.seeds)) return "its seeds are " + seeds + ", not " + other.seeds;
        if (!grid.equals(other.grid)) return "its grid is " + grid + ", not " + other.grid;
        if (!trainArgs.equals(other.trainArgs))
            return "its train options are [" + String.join(" ", trainArgs) + "], not [" + String.join(" ", other.trainArgs) + "]";
        return null;
    }

    // ------------------------------------------------------------------ sweep.json

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tasks", new ArrayList<Object>(tasks));
        m.put("seeds", new ArrayList<Object>(seeds));
        Map<String, Object> g = new LinkedHashMap<>();
        grid.forEach((k, v) -> g.put(k, new ArrayList<Object>(v)));
        m.put("grid", g);
        m.put("train_args", new ArrayList<Object>(trainArgs));
        List<Object> cs = new ArrayList<>();
        for (Cell c : cells) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("index", (long) c.index());
            cm.put("name", c.name());
            cm.put("task", c.task());
            cm.put("seed", c.seed());
            Map<String, Object> settings = new LinkedHashMap<>();
            for (String axis : grid.keySet()) settings.put(axis, c.settings().get(axis));
            cm.put("settings", settings);
            cm.put("args", new ArrayList<Object>(c.args()));
            cs.add(cm);
        }
        m.put("cells", cs);
        return m;
    }

    /** Rebuilds the plan from sweep.json, checking that the stored cells are the ones the plan makes. */
    @SuppressWarnings("unchecked")
    public static SweepPlan fromMap(Map<String, Object> m, Predicate<String> isFlag) {
        List<String> tasks = strings(m.get("tasks"));
        List<Long> seeds = new ArrayList<>();
        for (Object o : (List<Object>) m.get("seeds")) seeds.add(((Number) o).longValue());
        Map<String, List<String>> grid = new LinkedHashMap<>();
        ((Map<String, Object>) m.get("grid")).forEach((k, v) -> grid.put(k, strings(v)));
        SweepPlan p = new SweepPlan(tasks, seeds, grid, strings(m.get("train_args")), isFlag);
        List<Object> stored = (List<Object>) m.get("cells");
        if (stored == null || stored.size() != p.cells.size()) throw new IllegalArgumentException("its cell list does not match its grid");
        for (int i = 0; i < stored.size(); i++) {
            Map<String, Object> cm = (Map<String, Object>) stored.get(i);
            if (!Objects.equals(cm.get("name"), p.cells.get(i).name()) || !Objects.equals(strings(cm.get("args")), p.cells.get(i).args()))
                throw new IllegalArgumentException("cell " + i + " does not match its grid (edited by hand?)");
        }
        return p;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        for (Object x : (List<Object>) o) out.add((String) x);
        return out;
    }
}
