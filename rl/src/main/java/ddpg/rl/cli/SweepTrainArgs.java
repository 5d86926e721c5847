package ddpg.rl.cli;

import ddpg.physics.DidYouMean;
import ddpg.rl.settings.Setting;
import ddpg.rl.settings.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.cli.CommandLine;

/**
 * The train options of a sweep, from the settings table: which ones it passes on to its cells, those given for every
 * cell, and the {@code --grid} axes over the others.
 */
final class SweepTrainArgs {
    private SweepTrainArgs() {}

    /** Settings a sweep sets itself, per cell; every other setting of the table is passed on to the cells or is a grid axis. */
    private static final Set<Setting<?, ?>> SET_PER_CELL = Set.of(Settings.TASK, Settings.SEED, Settings.OUT);

    /** The train options a sweep passes on to its cells, in the table's order (a cell's arguments keep that order). */
    static List<String> forwarded() {
        List<String> names = new ArrayList<>();
        for (Setting<?, ?> s : Settings.ALL) if (!SET_PER_CELL.contains(s)) names.add(s.option());
        return names;
    }

    /** Whether a train option takes no value (a grid axis over it is on/off). */
    static boolean isFlag(String trainOption) {
        Setting<?, ?> s = Settings.byOption(trainOption);
        return s != null && s.isFlag();
    }

    /** The --grid axes: train option to its values, in the order given. */
    static Map<String, List<String>> grid(CommandLine cl) {
        Map<String, List<String>> grid = new LinkedHashMap<>();
        String[] axes = cl.getOptionValues("grid");
        if (axes == null) return grid;
        List<String> trainNames = forwarded();
        for (String a : axes) {
            int eq = a.indexOf('=');
            if (eq <= 0 || eq == a.length() - 1) throw new UserError("--grid expects name=v1,v2 (e.g. --grid batch-norm=on,off), got '" + a + "'");
            String name = a.substring(0, eq).trim().replaceFirst("^--", "");
            if (name.equals("task") || name.equals("seed"))
                throw new UserError("--grid " + name + ": use --" + name + "s for that axis");
            if (!trainNames.contains(name))
                throw new UserError("--grid " + name + ": not a train option" + DidYouMean.hint(name, trainNames) + " (see 'ddpg.jar train --help')");
            if (cl.hasOption(name)) throw new UserError("--" + name + " is both a grid axis and a fixed option; give it once");
            if (grid.containsKey(name)) throw new UserError("--grid " + name + " is given twice; list all its values in one --grid");
            List<String> values = new ArrayList<>();
            for (String v : a.substring(eq + 1).split(",")) {
                String t = v.trim();
                if (t.isEmpty()) throw new UserError("--grid '" + a + "' has an empty value");
                if (values.contains(t)) throw new UserError("--grid '" + a + "' lists " + t + " twice");
                values.add(t);
            }
            grid.put(name, values);
        }
        return grid;
    }

    /** The train options given to the sweep, in train's option order, with one thread per cell unless told otherwise. */
    static List<String> common(CommandLine cl, Set<String> axes) {
        List<String> args = new ArrayList<>();
        boolean threads = false;
        for (String n : forwarded()) {
            if (axes.contains(n) || !cl.hasOption(n)) continue;
            if (cl.getOptionValues(n) != null && cl.getOptionValues(n).length > 1)
                throw new UserError("--" + n + " is given twice; give it once");
            args.add("--" + n);
            if (!isFlag(n)) args.add(cl.getOptionValue(n));
            if (n.equals("threads")) threads = true;
        }
        if (!threads && !axes.contains("threads")) {
            args.add("--threads");
            args.add("1");
        }
        return args;
    }
}
