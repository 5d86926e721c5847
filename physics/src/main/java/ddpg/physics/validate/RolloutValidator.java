package ddpg.physics.validate;

import ddpg.physics.SimulationDivergedException;
import ddpg.physics.Simulator;
import ddpg.physics.constraint.ConstraintStage;
import ddpg.physics.model.Data;
import ddpg.physics.model.Model;

import java.io.PrintStream;

/**
 * Replays an mjref rollout_i.csv: starts from row 0's state (zero warm start, as mjref does), applies each row's
 * controls for one step and compares the state with the next row. Reports the divergence over time and the first
 * step whose evaluation had constraint rows (a joint limit or a contact).
 *
 * <p>Pass criterion (the project's targets): while no step has had constraint rows, the state stays within 1e-6;
 * and the first 100 steps stay within 1e-5 whatever happens (contact-rich rollouts are chaotic later on, so only
 * their early part is compared tightly).
 */
public final class RolloutValidator {
    public static final double SMOOTH_TOL = 1e-6, EARLY_TOL = 1e-5;
    public static final int EARLY_STEPS = 100;
    private static final int[] CHECKPOINTS = {1, 10, 50, 100, 200, 500, 1000, 1500, 2000};

    /** Divergence per step: max abs error of (qpos, qvel) after step t+1, and constraint rows seen up to then. */
    public record Result(String file, double[] error, int firstConstrainedStep, boolean passed,
                         double maxSmoothError, double maxEarlyError) {}

    private final Model m;
    private final Simulator sim;

    public RolloutValidator(Model m) { this(m, true); }

    public RolloutValidator(Model m, boolean withConstraints) {
        this.m = m;
        this.sim = withConstraints ? new Simulator(m) : new Simulator(m, ConstraintStage.NONE);
    }

    public Result validate(OracleCsv csv) {
        String name = m.name.isEmpty() ? m.source : m.name;
        csv.requireSize("qpos", m.nq, name, "nq");
        csv.requireSize("qvel", m.nv, name, "nv");
        csv.requireSize("ctrl", m.nu, name, "nu");
        int[] cQpos = csv.vectorColumns("qpos", m.nq), cQvel = csv.vectorColumns("qvel", m.nv),
                cCtrl = csv.vectorColumns("ctrl", m.nu);
        csv.column("step");
        Data d = sim.data;
        sim.reset();
        csv.read(0, cQpos, d.qpos);
        csv.read(0, cQvel, d.qvel);
        double[] refQpos = new double[m.nq], refQvel = new double[m.nv];
        int steps = csv.rows() - 1;
        double[] err = new double[steps];
        int firstConstrained = -1;
        double maxSmooth = 0, maxEarly = 0;
        for (int t = 0; t < steps; t++) {
            csv.read(t, cCtrl, d.ctrl);
            try {
                sim.step();
            } catch (SimulationDivergedException e) {
                throw e.at(csv.file() + ":" + csv.line(t) + ": replaying the rollout, step " + t);
            }
            if (firstConstrained < 0 && sim.constraintRowsInLastStep() > 0) firstConstrained = t;
            csv.read(t + 1, cQpos, refQpos);
            csv.read(t + 1, cQvel, refQvel);
            double e = 0;
            for (int i = 0; i < m.nq; i++) e = nanMax(e, Math.abs(d.qpos[i] - refQpos[i]));
            for (int i = 0; i < m.nv; i++) e = nanMax(e, Math.abs(d.qvel[i] - refQvel[i]));
            err[t] = e;
            if (firstConstrained < 0) maxSmooth = nanMax(maxSmooth, e);
            if (t < EARLY_STEPS) maxEarly = nanMax(maxEarly, e);
        }
        boolean pass = maxSmooth <= SMOOTH_TOL && maxEarly <= EARLY_TOL;
        return new Result(csv.file(), err, firstConstrained, pass, maxSmooth, maxEarly);
    }

    /** max that treats NaN as infinitely wrong. */
    private static double nanMax(double a, double b) {
        if (Double.isNaN(b)) return Double.POSITIVE_INFINITY;
        return Math.max(a, b);
    }

    /** Divergence at a few checkpoints, the first constrained step and the verdict. */
    public static void print(Result r, PrintStream out) {
        int n = r.error.length;
        out.println("rollout " + r.file + ": " + n + " steps, first step with constraint rows: "
                + (r.firstConstrainedStep < 0 ? "none" : String.valueOf(r.firstConstrainedStep)));
        out.printf("%8s %14s %14s%n", "step", "error", "max so far");
        double sofar = 0;
        int c = 0;
        for (int t = 0; t < n; t++) {
            sofar = Math.max(sofar, r.error[t]);
            boolean last = t == n - 1;
            if (c < CHECKPOINTS.length && t + 1 == CHECKPOINTS[c] || last) {
                out.printf("%8d %14.3e %14.3e%n", t + 1, r.error[t], sofar);
                while (c < CHECKPOINTS.length && CHECKPOINTS[c] <= t + 1) c++;
            }
        }
        out.printf("max error before the first constrained step %.3e (tolerance %.0e), first %d steps %.3e "
                + "(tolerance %.0e): %s%n", r.maxSmoothError, SMOOTH_TOL, EARLY_STEPS, r.maxEarlyError, EARLY_TOL,
                r.passed ? "PASS" : "FAIL");
    }
}
