package ddpg.physics.tasks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Replays a recorded episode ({@code mjref task}, real MuJoCo) row by row through one of our environments and
 * reports how far our reward, observation and next state are from MuJoCo's. Each row starts from its own recorded
 * pre-state (qpos, qvel and, for the reacher, the target) and action, so errors do not accumulate along the episode.
 *
 * <p>Error of a number = {@code |ours - mujoco| / max(1, |mujoco|)}: absolute for small values, relative for large
 * ones. Tolerances: reward and observation 1e-6; next state 1e-9 when no constraint (joint limit or contact) was
 * active in any physics step of the row, 1e-6 otherwise.
 */
public final class TaskValidator {
    public static final double REWARD_TOL = 1e-6, OBS_TOL = 1e-6, SMOOTH_STATE_TOL = 1e-9,
            CONSTRAINED_STATE_TOL = 1e-6;

    /** The worst error of one field over all rows, and where it happened. */
    public record FieldResult(String field, double tolerance, double maxError, int worstT, int worstIndex,
                              int rows) {
        public boolean pass() {
            return !(maxError > tolerance); // NaN fails
        }
    }

    /** The whole comparison; {@link #summary()} is the line the CLI prints last. */
    public record Result(String task, String source, int rows, List<FieldResult> fields) {
        public boolean pass() {
            return fields.stream().allMatch(FieldResult::pass);
        }

        /** The field whose error is largest relative to its tolerance. */
        public FieldResult worst() {
            FieldResult w = null;
            for (FieldResult f : fields) {
                if (f.rows == 0) continue;
                if (w == null || ratio(f) > ratio(w)) w = f;
            }
            return w;
        }

        private static double ratio(FieldResult f) {
            return Double.isNaN(f.maxError) ? Double.POSITIVE_INFINITY : f.maxError / f.tolerance;
        }

        public String summary() {
            FieldResult w = worst();
            return String.format(Locale.ROOT, "validate %s: %d rows, worst %s %.3g, %s", task, rows,
                    w == null ? "-" : w.field, w == null ? 0.0 : w.maxError, pass() ? "PASS" : "FAIL");
        }
    }

    private TaskValidator() {}

    /** Validates on the project's own model of the task. */
    public static Result validate(String task, EpisodeCsv episode, PrintStream out) {
        return validate(Tasks.make(task), task, episode, out);
    }

    /** Validates {@code env} (a fresh environment of {@code task}); prints the table to {@code out} if not null. */
    public static Result validate(ControlSuiteEnv env, String task, EpisodeCsv episode, PrintStream out) {
        EnvSpec spec = env.spec();
        checkShape(env, task, episode);
        Tally reward = new Tally("reward", REWARD_TOL), obs = new Tally("obs", OBS_TOL);
        Tally qposSmooth = new Tally("next_qpos (smooth)", SMOOTH_STATE_TOL);
        Tally qvelSmooth = new Tally("next_qvel (smooth)", SMOOTH_STATE_TOL);
        Tally qposCon = new Tally("next_qpos (constrained)", CONSTRAINED_STATE_TOL);
        Tally qvelCon = new Tally("next_qvel (constrained)", CONSTRAINED_STATE_TOL);
        TaskPhysics p = env.physics();
        for (EpisodeCsv.Row row : episode.rows) {
            if (row.target() != null) env.setTarget(row.target()[0], row.target()[1]);
            double[] first = env.restoreState(row.qpos(), row.qvel());
            if (row.isReset()) {
                obs.add(row.t(), first, row.obs());
                continue;
            }
            StepResult r = env.step(row.action());
            if (r.diverged()) {
                reward.add(row.t(), new double[] {Double.NaN}, new double[] {row.reward()});
                continue;
            }
            reward.add(row.t(), new double[] {r.reward()}, new double[] {row.reward()});
            obs.add(row.t(), r.observation(), row.obs());
            boolean constrained = p.constraintRowsInLastStep() > 0;
            (constrained ? qposCon : qposSmooth).add(row.t(), p.qpos(), row.nextQpos());
            (constrained ? qvelCon : qvelSmooth).add(row.t(), p.qvel(), row.nextQvel());
        }
        List<FieldResult> fields = new ArrayList<>();
        for (Tally t : new Tally[] {reward, obs, qposSmooth, qvelSmooth, qposCon, qvelCon}) fields.add(t.result());
        Result result = new Result(task, episode.source, episode.rows.size(), fields);
        if (out != null) print(result, spec, out);
        return result;
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

    private static void print(Result r, EnvSpec spec, PrintStream out) {
        out.printf(Locale.ROOT, "validate %s: %s, %d rows, %d substeps per row%n", r.task, r.source, r.rows,
                spec.substeps());
        out.printf(Locale.ROOT, "  %-24s %6s %12s %10s %6s %6s  %s%n", "field", "rows", "max error", "tolerance",
                "at t", "index", "");
        for (FieldResult f : r.fields) {
            if (f.rows == 0) {
                out.printf(Locale.ROOT, "  %-24s %6d %12s %10.0e %6s %6s%n", f.field, 0, "-", f.tolerance, "-", "-");
                continue;
            }
            out.printf(Locale.ROOT, "  %-24s %6d %12.3e %10.0e %6d %6d  %s%n", f.field, f.rows, f.maxError,
                    f.tolerance, f.worstT, f.worstIndex, f.pass() ? "ok" : "FAIL");
        }
        out.println("  (error = |ours - MuJoCo| / max(1, |MuJoCo|); next state: smooth rows had no joint limit or"
                + " contact active in any physics step)");
        out.println(r.summary());
    }

    /** Running maximum error of one field. */
    private static final class Tally {
        final String field;
        final double tol;
        double max;
        int worstT = -2, worstIndex = -1, rows;

        Tally(String field, double tol) {
            this.field = field;
            this.tol = tol;
        }

        void add(int t, double[] ours, double[] theirs) {
            rows++;
            for (int i = 0; i < theirs.length; i++) {
                double err = Math.abs(ours[i] - theirs[i]) / Math.max(1, Math.abs(theirs[i]));
                if (Double.isNaN(err)) err = Double.POSITIVE_INFINITY;
                if (err > max || worstT == -2) {
                    max = err;
                    worstT = t;
                    worstIndex = i;
                }
            }
        }

        FieldResult result() {
            return new FieldResult(field, tol, max, worstT, worstIndex, rows);
        }
    }
}
