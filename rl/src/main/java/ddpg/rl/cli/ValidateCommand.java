package ddpg.rl.cli;

import ddpg.physics.SimulationDivergedException;
import ddpg.physics.env.Tasks;
import ddpg.physics.mjcf.MjcfException;
import ddpg.physics.mjcf.Models;
import ddpg.physics.model.Model;
import ddpg.physics.validate.DumpModel;
import ddpg.physics.validate.EpisodeCsv;
import ddpg.physics.validate.ShippedOracle;
import ddpg.physics.validate.TaskValidator;
import ddpg.physics.validate.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code ddpg.jar validate}: our simulator against real MuJoCo 2.2.2. Without files it uses the oracle set shipped in
 * the jar ({@link ShippedOracle}): {@code validate --model walker} recomputes the walker's shipped transitions and
 * replays its rollouts, {@code validate --task walker-run} replays the task's shipped episode, {@code validate} alone
 * does both for every built-in model and task. With files ({@code --model <name|path.xml> --transitions <csv>
 * [--rollout <csv>]}, {@code --task <task> --episode <csv>}; plain or gzip-compressed) it checks mjref output of your
 * own. Exit 0 on pass, 1 on fail, 2 on bad input (including a model that diverges from the file's states).
 * {@code --dump-model <name|path.xml>} prints our compiled model in {@code mjref info}'s model_fields.txt format, to
 * diff against MuJoCo's.
 */
final class ValidateCommand implements Command {
    @Override public String name() { return "validate"; }

    @Override public String summary() {
        return "compare the simulator with real MuJoCo 2.2.2: the oracle files shipped in the jar (default: every"
                + " model and task), or mjref CSV files";
    }

    @Override
    public Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("model").hasArg().argName("name|path.xml")
                .desc("built-in model (cartpole, reacher, cheetah, walker, humanoid) or an MJCF file. Without"
                        + " --transitions: the model's shipped MuJoCo records (4 transition files, 93-364 records,"
                        + " and 1-2 rollouts of 100-300 steps; built-in models only)").build());
        o.addOption(Option.builder().longOpt("transitions").hasArg().argName("csv")
                .desc("mjref transitions.csv (or .csv.gz) to recompute record by record (default: the shipped files of"
                        + " --model)")
                .build());
        o.addOption(Option.builder().longOpt("rollout").hasArg().argName("csv")
                .desc("mjref rollout_i.csv to replay from its first state, with --transitions (default: none)")
                .build());
        o.addOption(Option.builder().longOpt("all")
                .desc("every built-in model and every task on the shipped files; what 'validate' without options"
                        + " does").build());
        o.addOption(Option.builder().longOpt("dump-model").hasArg().argName("name|path.xml")
                .desc("print the compiled model in mjref info's model_fields.txt format (to diff against MuJoCo's)"
                        + " and exit").build());
        addTaskOptions(o);
        return o;
    }

    @Override
    public int run(CommandLine cl) {
        if (!cl.getArgList().isEmpty()) {
            throw new UserError("unexpected argument '" + cl.getArgList().get(0) + "'; files go after --transitions,"
                    + " --rollout or --episode (see 'ddpg.jar validate --help')");
        }
        if (cl.hasOption("dump-model")) return dumpModel(cl.getOptionValue("dump-model"));
        if (cl.hasOption("all") || cl.getOptions().length == 0) {
            if (cl.getOptions().length > 1) {
                throw new UserError("--all runs every shipped file; it takes no --model, --task or files");
            }
            return runAll();
        }
        if (cl.hasOption("task") || cl.hasOption("episode")) return runTask(cl);
        String modelArg = required(cl, "model");
        if (!cl.hasOption("transitions")) {
            if (cl.hasOption("rollout")) throw new UserError("--rollout needs --transitions; see 'ddpg.jar validate --help'");
            return runShippedModel(modelArg);
        }
        Path transitions = existingFile(cl.getOptionValue("transitions"), "transitions");
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
        } catch (SimulationDivergedException e) { // the model blows up from the file's states: file, line, joint
            throw new UserError(e.getMessage());
        }
    }

    /** {@code validate --model walker}: the shipped records of a built-in model. */
    private static int runShippedModel(String modelArg) {
        if (!Models.NAMES.contains(modelArg)) {
            try {
                Models.load(modelArg); // an unknown name or a broken file: its own one-line message first
            } catch (MjcfException | IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            throw new UserError("missing --transitions: shipped MuJoCo records exist only for the built-in models ("
                    + String.join(", ", Models.NAMES) + "); give an mjref transitions.csv of " + modelArg);
        }
        return ShippedOracle.validateModel(modelArg, System.out).pass() ? 0 : 1;
    }

    /** {@code validate} / {@code validate --all}: every shipped file; one summary line per model and task, then a verdict. */
    private static int runAll() {
        List<String> summaries = new ArrayList<>();
        boolean pass = true;
        for (String m : Models.NAMES) {
            ShippedOracle.Result r = ShippedOracle.validateModel(m, System.out);
            System.out.println();
            summaries.add(r.summary());
            pass &= r.pass();
        }
        for (String t : Tasks.names()) {
            TaskValidator.Result r = ShippedOracle.validateTask(t, System.out);
            System.out.println();
            summaries.add(r.summary());
            pass &= r.pass();
        }
        System.out.println("summary (shipped real-MuJoCo 2.2.2 oracle set):");
        for (String s : summaries) System.out.println("  " + s);
        System.out.println(String.format(Locale.ROOT, "validate: %d models, %d tasks, %s", Models.NAMES.size(),
                Tasks.names().size(), pass ? "PASS" : "FAIL"));
        return pass ? 0 : 1;
    }

    private static int dumpModel(String modelArg) {
        try {
            System.out.print(DumpModel.format(Models.load(modelArg)));
            return 0;
        } catch (MjcfException | IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    // ---- task mode: validate --task <task> [--episode <episode.csv>] ----

    private static void addTaskOptions(Options o) {
        o.addOption(Option.builder().longOpt("task").hasArg().argName("task")
                .desc("task mode: a Control Suite task (see 'ddpg.jar tasks'). Without --episode: the task's shipped"
                        + " MuJoCo episode (seed 7: the reset and all 1000 control steps)").build());
        o.addOption(Option.builder().longOpt("episode").hasArg().argName("csv")
                .desc("task mode: mjref task episode_i.csv (or .csv.gz) to replay row by row, with --task (default:"
                        + " the shipped episode)").build());
    }

    /** Replays every row of an mjref task episode with our environment; exit 0 on PASS, 1 on FAIL. */
    private static int runTask(CommandLine cl) {
        String task = required(cl, "task");
        if (cl.hasOption("model") || cl.hasOption("transitions") || cl.hasOption("rollout")) {
            throw new UserError("--task replays an episode; --model, --transitions and --rollout are for transitions"
                    + " (run them separately)");
        }
        try {
            String name = Tasks.spec(task).name(); // unknown name: one line with the valid names
            if (!cl.hasOption("episode")) return ShippedOracle.validateTask(name, System.out).pass() ? 0 : 1;
            Path episode = existingFile(cl.getOptionValue("episode"), "episode");
            EpisodeCsv csv = EpisodeCsv.read(episode);
            return TaskValidator.validate(name, csv, System.out).pass() ? 0 : 1;
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
