package ddpg.rl.cli;

import ddpg.rl.ddpg.DdpgConfig;
import ddpg.rl.settings.Setting;
import ddpg.rl.settings.Settings;
import ddpg.rl.settings.Words;
import ddpg.rl.train.RunConfig;
import ddpg.rl.train.RunSettings;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code train}'s options, made from the settings table ({@link Settings}) in its order, plus {@code --resume} and
 * {@code --config}; and the values of a command line applied to the settings, a mistake being a {@link UserError}.
 */
final class TrainOptions {
    private TrainOptions() {}

    static final String RESUME = "resume", CONFIG = "config";

    static Options options() {
        Options o = new Options();
        for (Setting<?, ?> s : Settings.ALL) {
            Option.Builder b = Option.builder().longOpt(s.option()).desc(s.helpLine());
            if (!s.isFlag()) b.hasArg().argName(s.argName());
            o.addOption(b.build());
        }
        o.addOption(Option.builder().longOpt(RESUME).hasArg().argName("run dir")
                .desc("continue a run from its last checkpoint (only " + String.join(", ", dashed(resumable())) + " may change)").build());
        o.addOption(Option.builder().longOpt(CONFIG).hasArg().argName("file").desc("start a new run with every setting of this"
                + " config.json (e.g. runs/<run>/config.json); options given as well override it (default: none, the preset)").build());
        return o;
    }

    /** The options that may change when a run resumes: "steps", "threads", "log-every". */
    static List<String> resumable() {
        List<String> names = new ArrayList<>();
        for (Setting<?, ?> s : Settings.ALL) if (s.isResumable()) names.add(s.option());
        return names;
    }

    /** The options that may be given with {@code --resume}: itself, the resumable ones, and {@code --task} to confirm. */
    static boolean allowedOnResume(String option) {
        return option.equals(RESUME) || option.equals(Settings.TASK.option()) || resumable().contains(option);
    }

    /** One line refusing {@code --option} with {@code --resume}. */
    static UserError notOnResume(String option) {
        return new UserError("--" + option + " cannot be changed when resuming (the run's settings are in its config.json); only "
                + Words.list(dashed(resumable()), "and") + " may be given with --resume");
    }

    private static List<String> dashed(List<String> names) {
        return names.stream().map(n -> "--" + n).toList();
    }

    /** Sets every setting of {@code holder} (a {@link RunSettings} or a {@link DdpgConfig}) given on the command line. */
    static void apply(CommandLine cl, Object holder) {
        for (Setting<?, ?> s : Settings.ALL) if (s.isIn(holder)) apply(cl, s, holder);
    }

    private static void apply(CommandLine cl, Setting<?, ?> s, Object holder) {
        if (!cl.hasOption(s.option())) return;
        if (s.isFlag()) {
            s.giveFlag(holder);
            return;
        }
        String text = cl.getOptionValue(s.option());
        if (s == Settings.TASK) text = TaskNames.canonical(text);
        if (s == Settings.SEED) refuseSeedList(text, ((RunSettings) holder).task);
        try {
            s.parse(holder, text);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /**
     * The resumable settings given with {@code --resume}, applied to the run's {@code config} and checked. Threads the
     * run was started with can be too many for this machine: then the fix is to give {@code --threads}.
     */
    static void applyOnResume(CommandLine cl, RunConfig config) {
        for (Setting<?, ?> s : Settings.ALL) {
            if (!s.isResumable()) continue;
            Object holder = s.holderOf(config.run, config.agent);
            apply(cl, s, holder);
            try {
                s.validate(holder);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage() + (s != Settings.THREADS || cl.hasOption(s.option()) ? ""
                        : " (the run was started with --threads " + config.run.threads + "; give a smaller --threads with --resume)"));
            }
        }
    }

    private static void refuseSeedList(String seed, String task) {
        if (seed.contains(",") || seed.matches("\\s*\\d+\\s*-\\s*\\d+\\s*"))
            throw new UserError("--seed takes one seed per run; for several, run a sweep: java -jar ddpg.jar sweep --tasks "
                    + (task == null ? "<task>" : task) + " --seeds " + seed.replace(" ", ""));
    }
}
