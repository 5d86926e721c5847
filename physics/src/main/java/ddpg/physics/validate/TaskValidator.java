package ddpg.physics.validate;

import ddpg.physics.env.ControlSuiteEnv;
import ddpg.physics.env.EnvSpec;
import ddpg.physics.env.StepResult;
import ddpg.physics.env.Tasks;
import ddpg.physics.tasks.TaskPhysics;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Replays a recorded episode ({@code mjref task}, real MuJoCo) row by row through one of our environments and
 * reports how far our reward, observation and next state are from MuJoCo's, in the same table as model validation.
 * Each row starts from its own recorded pre-state (qpos, qvel and, for the reacher, the target) and action, so
 * errors do not accumulate along the episode.
 *
 * <p>Error of a row = the largest {@code |ours - mujoco| / max(1, |mujoco|)} over the field's entries (absolute for
 * small values, relative for large ones; the table's "max abs" column is the plain largest difference).
 * Tolerances: reward and observation 1e-6; next state 1e-9 on rows where no constraint (joint limit or contact) was
 * active in any physics step, 1e-6 on the others.
 */
public final class TaskValidator {
    public static final double REWARD_TOL = 1e-6, OBS_TOL = 1e-6, SMOOTH_STATE_TOL = 1e-9,
            CONSTRAINED_STATE_TOL = 1e-6;

    /** The comparison; {@link #summary()} is the line the CLI prints last. */
    public record Result(String task, String source, int rows, ValidationReport report) {
        public boolean pass() {
            return report.passed();
        }

        public List<FieldStats> fields() {
            return report.fields();
        }

        /** {@code validate <task>: <N> rows, worst <field> <error>, PASS|FAIL}. */
        public String summary() {
            FieldStats w = report.worst();
            String worst = w == null ? "nothing compared"
                    : String.format(Locale.ROOT, "worst %s %.3e", w.name, w.worstScore);
            return "validate " + task + ": " + rows + " rows, " + worst + ", " + (pass() ? "PASS" : "FAIL");
        }
    }

    private TaskValidator() {}

    /** Validates the task on the project's own model. */
    public static Result validate(String task, EpisodeCsv episode, PrintStream out) {
        return validate(Tasks.make(task), task, episode, out);
    }

    /** Validates {@code env} (a fresh environment of {@code task}); prints the table to {@code out} if not null. */
    public static Result validate(ControlSuiteEnv env, String task, EpisodeCsv episode, PrintStream out) {
        checkShape(env, task, episode);
        ValidationReport report = new ValidationReport();
        FieldStats reward = report.add(new FieldStats("reward", REWARD_TOL));
        FieldStats obs = report.add(new FieldStats("obs", OBS_TOL));
        FieldStats qposSmooth = report.add(new FieldStats("next_qpos (smooth rows)", SMOOTH_STATE_TOL));
        FieldStats qvelSmooth = report.add(new FieldStats("next_qvel (smooth rows)", SMOOTH_STATE_TOL));
        FieldStats qposCon = report.add(new FieldStats("next_qpos (constrained)", CONSTRAINED_STATE_TOL));
        FieldStats qvelCon = report.add(new FieldStats("next_qvel (constrained)", CONSTRAINED_STATE_TOL));
        TaskPhysics p = env.physics();
        double[] one = new double[1], oneRef = new double[1];
        List<EpisodeCsv.Row> rows = episode.rows;
        for (int k = 0; k < rows.size(); k++) {
            EpisodeCsv.Row row = rows.get(k);
            if (row.target() != null) env.setTarget(row.target()[0], row.target()[1]);
            double[] first = env.restoreState(row.qpos(), row.qvel());
            if (row.isReset()) {
                add(obs, k, first, row.obs());
                continue;
            }
            StepResult r = env.step(row.action());
            one[0] = r.diverged() ? Double.NaN : r.reward();
            oneRef[0] = row.reward();
            add(reward, k, one, oneRef);
            if (r.diverged()) continue;
            add(obs, k, r.observation(), row.obs());
            boolean constrained = p.constraintRowsInLastStep() > 0;
            add(constrained ? qposCon : qposSmooth, k, p.qpos(), row.nextQpos());
            add(constrained ? qvelCon : qvelSmooth, k, p.qvel(), row.nextQvel());
        }
        Result result = new Result(task, episode.source, rows.size(), report);
        if (out != null) {
            out.printf(Locale.ROOT, "validate %s: %s, %d rows (reset + %d steps), %d physics substeps per step%n",
                    task, episode.source, rows.size(), rows.size() - 1, env.spec().substeps());
            report.print(out, k -> "t=" + rows.get(k).t() + " (line " + rows.get(k).line() + ")");
            out.println("error = |ours - MuJoCo| / max(1, |MuJoCo|), largest entry of the row; smooth rows had no joint"
                    + " limit or contact active in any physics step");
            out.println(result.summary());
        }
        return result;
    }

    private static void add(FieldStats f, int row, double[] ours, double[] ref) {
        double abs = 0, mixed = 0;
        for (int i = 0; i < ref.length; i++) {
            double e = Math.abs(ours[i] - ref[i]);
            if (!(e <= abs)) abs = e; // NaN-propagating max
            double m = e / Math.max(1, Math.abs(ref[i]));
            if (!(m <= mixed)) mixed = m;
        }
        f.addError(row, abs, mixed);
    }

    private static void checkShape(ControlSuiteEnv env, String task, EpisodeCsv e) {
        EnvSpec s = env.spec();
        var m = env.model();
        if (e.nq != m.nq || e.nv != m.nv || e.nu != s.actionSize() || e.nobs != s.observationSize()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: nq=%d nv=%d nu=%d nobs=%d, but task %s has nq=%d nv=%d nu=%d nobs=%d "
                            + "(is the episode from another task?)", e.source, e.nq, e.nv, e.nu, e.nobs, task,
                    m.nq, m.nv, s.actionSize(), s.observationSize()));
        }
        boolean wantsTarget = env.target() != null;
        boolean hasTarget = e.rows.get(0).target() != null;
        if (wantsTarget != hasTarget) {
            throw new IllegalArgumentException(e.source + ": " + (hasTarget ? "has target columns, but " + task
                    + " has no target" : "has no target[0..1] columns, which " + task + " needs")
                    + " (is the episode from another task?)");
        }
    }
}
