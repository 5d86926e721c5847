package ddpg.physics.constraint;

/**
 * MuJoCo's soft-constraint parameters (computation chapter, "Parameters"; modeling chapter, "Solver parameters").
 *
 * <p>solimp = (dmin, dmax, width, mid, power) gives the impedance d(r) in (0,1) as a function of the violation r:
 * dmin at r = 0, dmax for |r| >= width, in between a sigmoid made of two power curves meeting at x = mid
 * (x = |r|/width). solref = (timeconst, dampratio) gives the reference acceleration
 * {@code aref = -b v - k d(r) r} of a mass-spring-damper with {@code b = 2/(dmax timeconst)},
 * {@code k = 1/(dmax^2 timeconst^2 dampratio^2)}; negative solref values are (-stiffness, -damping) directly, and
 * timeconst is raised to at least two time steps ("refsafe") so the spring cannot be faster than the integrator.
 */
public final class Impedance {
    /** MuJoCo's clamps on impedance and its smallest positive value. */
    public static final double MIN_IMP = 0.0001, MAX_IMP = 0.9999, MINVAL = 1e-15;

    private Impedance() {}

    /** d(r) for solimp at {@code s[o..o+4]}. */
    public static double impedance(double[] s, int o, double violation) {
        double dmin = clampImp(s[o]), dmax = clampImp(s[o + 1]);
        double width = Math.max(MINVAL, s[o + 2]);
        double mid = clampImp(s[o + 3]);
        double power = Math.max(1, s[o + 4]);
        if (dmin == dmax) return dmin;
        double x = Math.abs(violation) / width;
        if (x >= 1) return dmax;
        double y;
        if (power == 1) {
            y = x;
        } else if (power == 2) {     // the default, without pow()
            y = x <= mid ? x * x / mid : 1 - (1 - x) * (1 - x) / (1 - mid);
        } else if (x <= mid) {
            y = Math.pow(x, power) / Math.pow(mid, power - 1);
        } else {
            y = 1 - Math.pow(1 - x, power) / Math.pow(1 - mid, power - 1);
        }
        return dmin + y * (dmax - dmin);
    }

    /** dmax of solimp at {@code s[o..]}, clamped like {@link #impedance}. */
    public static double dmax(double[] s, int o) { return clampImp(s[o + 1]); }

    /** Spring stiffness k of solref at {@code r[o..o+1]}. */
    public static double stiffness(double[] r, int o, double dmax, double timestep, boolean refsafe) {
        if (r[o] <= 0) return -r[o] / (dmax * dmax);
        double tc = timeconst(r[o], timestep, refsafe);
        return 1 / (dmax * dmax * tc * tc * r[o + 1] * r[o + 1]);
    }

    /** Damping b of solref at {@code r[o..o+1]}. */
    public static double damping(double[] r, int o, double dmax, double timestep, boolean refsafe) {
        if (r[o] <= 0) return -r[o + 1] / dmax;
        return 2 / (dmax * timeconst(r[o], timestep, refsafe));
    }

    static double timeconst(double tc, double timestep, boolean refsafe) {
        return refsafe ? Math.max(tc, 2 * timestep) : tc;
    }

    static double clampImp(double d) { return d < MIN_IMP ? MIN_IMP : (d > MAX_IMP ? MAX_IMP : d); }
}
