package ddpg.physics.constraint;

import ddpg.physics.collision.Collision;
import ddpg.physics.collision.Contacts;
import ddpg.physics.model.Model;

/**
 * The whole constraint stage of one simulation instance: collision detection, constraint rows, soft-constraint
 * parameters and the Newton solve, from the smooth-dynamics results to {@code qacc} and {@code qfrc_constraint}.
 * Everything is preallocated here; a step allocates nothing.
 *
 * <p>It also refuses to work on a diverged state: a NaN, infinity or absurd magnitude in qpos or qvel (before) or
 * qacc (after the solve) throws {@link SimulationDivergedException} naming the joint ({@link DivergenceCheck}).
 */
public final class ConstraintSolver {
    private final Model m;
    private final Collision collision;
    private final Contacts contacts = new Contacts(32);
    private final Kinematics kin;
    private final RowBuilder builder;
    private final Rows rows;
    private final NewtonSolver newton;
    private boolean useWarmstart = false;
    private final DivergenceCheck divergence;
    private double time = Double.NaN;

    public ConstraintSolver(Model m) {
        this.m = m;
        if (m.optCone != Model.CONE_PYRAMIDAL) {
            throw new IllegalArgumentException(m.source + ": only the pyramidal friction cone is supported (option "
                    + "cone=\"pyramidal\", MuJoCo 2.2.2's default)");
        }
        InvWeights.ensure(m);
        this.collision = new Collision(m);
        this.kin = new Kinematics(m);
        this.builder = new RowBuilder(m, kin);
        this.rows = new Rows(m.nv, 32);
        this.newton = new NewtonSolver(m.nv, m.dofParentid);
        this.divergence = new DivergenceCheck(m);
    }

    /** Simulation time of the next {@link #solve}, used only to report a divergence. */
    public void setTime(double t) { time = t; }

    /**
     * Constrained acceleration for one state.
     *
     * @param qpos, qvel  state
     * @param xpos, xmat  body world poses (nbody x 3, nbody x 9 row-major)
     * @param gxpos, gxmat geom world poses (ngeom x 3, ngeom x 9)
     * @param mass        dense joint-space inertia (nv x nv, armature included)
     * @param qaccSmooth  unconstrained acceleration
     * @param warmstart   previous step's qacc (or null)
     * @param qacc        out: constrained acceleration
     * @param qfrcConstraint out: constraint force in joint space
     */
    public void solve(double[] qpos, double[] qvel, double[] xpos, double[] xmat, double[] gxpos, double[] gxmat,
                      double[] mass, double[] qaccSmooth, double[] warmstart, double[] qacc,
                      double[] qfrcConstraint) {
        // like MuJoCo's checks of the state before and the acceleration after the solve
        divergence.check(time, qpos, qvel, null);
        collision.detect(gxpos, gxmat, contacts);
        kin.update(qpos, xpos, xmat);
        builder.build(qpos, qvel, contacts, rows);
        boolean warm = useWarmstart && warmstart != null && (m.optDisableflags & Model.DSBL_WARMSTART) == 0;
        newton.solve(mass, qaccSmooth, rows, warm ? warmstart : null, m.optIterations, qacc, qfrcConstraint);
        divergence.check(time, qpos, qvel, qacc);
    }

    /**
     * Whether Newton may start from the warm start (the previous step's qacc) when it is cheaper than qacc_smooth,
     * as MuJoCo does. Off by default: the solve is exact, so the answer is the same either way (to ~1e-13), and on
     * the public oracle sets starting from qacc_smooth takes fewer iterations (mean Newton iterations per step,
     * over all 300 records, rowless ones included, warm vs cold: humanoid 3.1 vs 2.1, walker 2.4 vs 1.8, cheetah
     * 1.2 vs 1.0).
     */
    public void setUseWarmstart(boolean on) { useWarmstart = on; }

    /**
     * Force of contact c of the last solve in its contact frame, written to {@code out[o..o+2]} as (normal, first
     * tangent, second tangent), like MuJoCo's {@code mj_contactForce}: a frictionless contact has only the normal
     * force; for the pyramid with edge forces f0..f3 along {@code n + mu t1, n - mu t1, n + mu t2, n - mu t2} the
     * normal force is {@code f0 + f1 + f2 + f3} and the tangential ones {@code mu (f0 - f1)}, {@code mu (f2 - f3)}.
     * Zero for a contact without rows (touching exactly, or in the gap).
     */
    public void contactForce(int c, double[] out, int o) {
        out[o] = 0;
        out[o + 1] = 0;
        out[o + 2] = 0;
        for (int i = 0; i < rows.nefc; i++) {
            if (rows.type[i] == Rows.LIMIT_JOINT || rows.id[i] != c) continue;
            if (rows.type[i] == Rows.CONTACT_FRICTIONLESS) {
                out[o] = newton.force(i);
            } else {
                double f0 = newton.force(i), f1 = newton.force(i + 1), f2 = newton.force(i + 2),
                        f3 = newton.force(i + 3);
                out[o] = f0 + f1 + f2 + f3;
                out[o + 1] = contacts.friction[5 * c] * (f0 - f1);
                out[o + 2] = contacts.friction[5 * c + 1] * (f2 - f3);
            }
            return;
        }
    }

    /** Contacts found by the last {@link #solve}. */
    public Contacts contacts() { return contacts; }

    /** Constraint rows of the last {@link #solve}. */
    public Rows rows() { return rows; }

    /** The solver (iterations, row forces) of the last {@link #solve}. */
    public NewtonSolver newton() { return newton; }

    /** True if the model can produce no constraint rows at all (no limits, contacts disabled). */
    public boolean inactive() {
        if ((m.optDisableflags & Model.DSBL_CONSTRAINT) != 0) return true;
        boolean anyLimit = false;
        for (int j = 0; j < m.njnt; j++) anyLimit |= m.jntLimited[j];
        return collision.disabled() && (!anyLimit || (m.optDisableflags & Model.DSBL_LIMIT) != 0);
    }
}
