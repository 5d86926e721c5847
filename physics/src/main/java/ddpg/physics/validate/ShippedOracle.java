package ddpg.physics.validate;

import ddpg.physics.env.Tasks;
import ddpg.physics.mjcf.Models;
import ddpg.physics.model.Model;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The real-MuJoCo 2.2.2 oracle set shipped in the jar, under {@value #ROOT} (how it was made: the README there), and
 * what {@code ddpg.jar validate} runs when no file is given:
 *
 * <ul>
 *   <li>per built-in model, {@code <model>/transitions_seed{1,2,11,21}.csv} (single steps recomputed record by record,
 *       {@link TransitionValidator}) and {@code <model>/rollout_seed{1,11}.csv} (open-loop replays,
 *       {@link RolloutValidator});
 *   <li>per task, {@code tasks/<task>_seed7.csv.gz}, one whole {@code mjref task} episode (the reset row and the
 *       1000 control steps of the time limit), gzip-compressed, replayed row by row ({@link TaskValidator}).
 * </ul>
 *
 * The pass criteria are those of the command (the project's targets), the same as for any user-supplied file.
 */
public final class ShippedOracle {
    /** Class-path folder of the shipped files. */
    public static final String ROOT = "/ddpg/physics/oracle/";
    private static final String[] TRANSITIONS = {"transitions_seed1.csv", "transitions_seed2.csv",
            "transitions_seed11.csv", "transitions_seed21.csv"};
    private static final String[] ROLLOUTS = {"rollout_seed1.csv", "rollout_seed11.csv"};

    private ShippedOracle() {}

    /** The outcome of validating one model or task on the shipped files; {@link #summary()} is printed last. */
    public record Result(String name, int files, int records, int rollouts, String worst, boolean pass) {
        /** {@code validate walker: 304 records in 4 files, 2 rollouts, worst next_qvel 1.2e-13, PASS}. */
        public String summary() {
            return "validate " + name + ": " + records + " records in " + files
                    + (files == 1 ? " file" : " files")
                    + (rollouts > 0 ? ", " + rollouts + (rollouts == 1 ? " rollout" : " rollouts") : "")
                    + ", " + worst + ", " + (pass ? "PASS" : "FAIL");
        }
    }

    /** Class-path names of a built-in model's transition files, in the order they are validated. */
    public static List<String> transitionFiles(String model) {
        return existing(model, TRANSITIONS);
    }

    /** Class-path names of a built-in model's rollout files (cartpole and reacher have one, the others two). */
    public static List<String> rolloutFiles(String model) {
        return existing(model, ROLLOUTS);
    }

    /** Class-path name of a task's shipped episode (gzip-compressed CSV). */
    public static String episodeFile(String task) {
        String t = Tasks.spec(task).name();
        return ROOT + "tasks/" + t + "_seed7.csv.gz";
    }

    private static List<String> existing(String model, String[] names) {
        if (!Models.NAMES.contains(model)) {
            throw new IllegalArgumentException("no shipped oracle for model '" + model + "' (there is one for "
                    + String.join(", ", Models.NAMES) + "); give the mjref file with --transitions FILE");
        }
        List<String> out = new ArrayList<>();
        for (String n : names) {
            String res = ROOT + model + "/" + n;
            if (ShippedOracle.class.getResource(res) != null) out.add(res);
        }
        return out;
    }

    /** "oracle/walker/transitions_seed1.csv": how tables and messages name a shipped file. */
    static String label(String resource) {
        return resource.startsWith("/ddpg/physics/") ? resource.substring("/ddpg/physics/".length()) : resource;
    }

    /** Reads a shipped CSV; a missing one (a broken jar) is an {@link IllegalStateException}. */
    public static OracleCsv read(String resource) {
        try (InputStream in = ShippedOracle.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("shipped oracle file " + resource + " is missing");
            return OracleCsv.read(in, label(resource));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read shipped oracle file " + resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * Validates a built-in model (our own model file, compiled by our MJCF compiler) on every shipped transition and
     * rollout file of it; prints one table per file and, last, {@link Result#summary()}.
     */
    public static Result validateModel(String model, PrintStream out) {
        List<String> transitions = transitionFiles(model), rollouts = rolloutFiles(model);
        if (transitions.isEmpty()) throw new IllegalStateException("no shipped transitions for " + model);
        Model m = Models.builtin(model);
        boolean pass = true;
        int records = 0;
        FieldStats worst = null;
        String worstFile = null;
        for (String res : transitions) {
            OracleCsv csv = read(res);
            ValidationReport report = new TransitionValidator(m).validate(csv);
            out.println("transitions " + csv.file() + " (model " + model + ", " + csv.rows() + " records)");
            report.print(out, i -> "line " + csv.line(i));
            out.println(report.verdict(model, csv.rows()));
            out.println();
            records += csv.rows();
            pass &= report.passed();
            FieldStats w = report.worst();
            if (w != null && (worst == null || w.severity() > worst.severity())) {
                worst = w;
                worstFile = csv.file();
            }
        }
        for (String res : rollouts) {
            RolloutValidator.Result r = new RolloutValidator(m).validate(read(res));
            RolloutValidator.print(r, out);
            out.println();
            pass &= r.passed();
        }
        String w = worst == null ? "nothing compared" : String.format(Locale.ROOT, "worst %s %.3e (%s)", worst.name,
                worst.worstScore, worstFile);
        Result result = new Result(model, transitions.size(), records, rollouts.size(), w, pass);
        out.println(result.summary());
        return result;
    }

    /** Replays a task's shipped episode row by row through a fresh environment; prints the table and its verdict. */
    public static TaskValidator.Result validateTask(String task, PrintStream out) {
        String res = episodeFile(task);
        return TaskValidator.validate(Tasks.spec(task).name(), EpisodeCsv.resource(res, label(res)),
                out);
    }
}
