package ddpg.rl.cli;

import ddpg.physics.mjcf.MjcfException;
import ddpg.physics.mjcf.Models;
import ddpg.physics.model.Model;
import ddpg.physics.validate.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code ddpg.jar validate --model <name|path.xml> --transitions <csv> [--rollout <csv>]}: recompute every record of
 * a MuJoCo oracle file (written by mjref) with our simulator and print the error table. Exit 0 on pass, 1 on fail,
 * 2 on bad input.
 */
final class ValidateCommand implements Command {
    @Override public String name() { return "validate"; }

    @Override public String summary() { return "compare the simulator with MuJoCo 2.2.2 oracle files (mjref transitions/rollout CSV)"; }

    @Override
    public Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("model").hasArg().argName("name|path.xml")
                .desc("built-in model (cartpole, reacher, cheetah, walker, humanoid) or an MJCF file; required").build());
        o.addOption(Option.builder().longOpt("transitions").hasArg().argName("csv")
                .desc("mjref transitions.csv to recompute record by record; required").build());
        o.addOption(Option.builder().longOpt("rollout").hasArg().argName("csv")
                .desc("mjref rollout_i.csv to replay from its first state (default: none)").build());
        addTaskOptions(o);
        return o;
    }

    @Override
    public int run(CommandLine cl) {
        if (cl.hasOption("task") || cl.hasOption("episode")) return runTask(cl);
        String modelArg = required(cl, "model");
        Path transitions = existingFile(required(cl, "transitions"), "transitions");
        Path rollout = cl.hasOption("rollout") ? existingFile(cl.getOptionValue("rollout"), "rollout") : null;
        Model model;
        try {
            model = Models.load(modelArg);
        } catch (MjcfException | IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        String label = Models.NAMES.contains(modelArg) ? modelArg
                : Path.of(modelArg).getFileName().toString().replaceFirst("\\.xml$", "");
        try {
            return Validation.run(model, label, transitions, rollout, System.out) ? 0 : 1;
        } catch (IllegalArgumentException e) { // OracleFormatException and unsupported model features
            throw new UserError(e.getMessage());
        }
    }

    // ---- task mode: validate --task <task> --episode <episode.csv> (owned by the tasks package) ----

    private static void addTaskOptions(Options o) {
        o.addOption(Option.builder().longOpt("task").hasArg().argName("task")
                .desc("task mode: a Control Suite task (see 'ddpg.jar tasks'); use with --episode").build());
        o.addOption(Option.builder().longOpt("episode").hasArg().argName("csv")
                .desc("task mode: mjref task episode_i.csv to replay row by row; use with --task").build());
    }

    /** Replays every row of an mjref task episode with our environment; exit 0 on PASS, 1 on FAIL. */
    private static int runTask(CommandLine cl) {
        String task = required(cl, "task");
        Path episode = existingFile(required(cl, "episode"), "episode");
        try {
            ddpg.physics.tasks.Tasks.spec(task); // unknown name: one line with the valid names
            ddpg.physics.tasks.EpisodeCsv csv = ddpg.physics.tasks.EpisodeCsv.read(episode);
            return ddpg.physics.tasks.TaskValidator.validate(task.trim().toLowerCase(java.util.Locale.ROOT), csv,
                    System.out).pass() ? 0 : 1;
        } catch (IllegalArgumentException e) { // unknown task, malformed or mismatched episode file
            throw new UserError(e.getMessage());
        }
    }

    private static String required(CommandLine cl, String opt) {
        if (!cl.hasOption(opt)) throw new UserError("missing --" + opt + "; see 'ddpg.jar validate --help'");
        return cl.getOptionValue(opt);
    }

    private static Path existingFile(String s, String what) {
        Path p = Path.of(s);
        if (!Files.isRegularFile(p)) {
            throw new UserError("--" + what + " " + s + ": no such file; give the path of an mjref CSV file");
        }
        return p;
    }
}
