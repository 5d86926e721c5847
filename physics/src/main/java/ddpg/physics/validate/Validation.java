package ddpg.physics.validate;

import ddpg.physics.model.Model;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What {@code ddpg.jar validate} does: compare every record of an mjref transitions.csv (and optionally replay a
 * rollout) and print the error table; the last line is
 * {@code validate <model>: <N> records, worst <field> <error>, PASS|FAIL}.
 * Bad files throw {@link OracleFormatException} with file and line.
 */
public final class Validation {
    private Validation() {}

    /** Returns true if everything compared passed. */
    public static boolean run(Model m, String modelName, Path transitions, Path rollout, PrintStream out) {
        OracleCsv csv = OracleCsv.read(transitions);
        ValidationReport report = new TransitionValidator(m).validate(csv);
        out.println("transitions " + transitions + " (model " + modelName + ", " + csv.rows() + " records)");
        report.print(out, i -> "line " + csv.line(i));
        boolean pass = report.passed();
        if (rollout != null) {
            RolloutValidator.Result r = new RolloutValidator(m).validate(OracleCsv.read(rollout));
            RolloutValidator.print(r, out);
            pass &= r.passed();
        }
        String verdict = report.verdict(modelName, csv.rows());
        if (rollout != null && report.passed() && !pass) verdict = verdict.replace(", PASS", ", rollout FAIL, FAIL");
        out.println(verdict);
        return pass;
    }
}
