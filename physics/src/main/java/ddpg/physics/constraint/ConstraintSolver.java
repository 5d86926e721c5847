package ddpg.physics.constraint;

import ddpg.physics.collision.Collision;
import ddpg.physics.collision.Contacts;
import ddpg.physics.model.Data;
import ddpg.physics.model.Model;

/**
 * The constraint stage of one simulation instance: collision detection, constraint rows, soft-constraint parameters
 * and the Newton solve, from the smooth-dynamics results in {@link Data} to {@code qacc}, {@code qfrc_constraint}
 * and the contacts with their forces. Everything is preallocated here; a step allocates nothing.
 */
public final class ConstraintSolver implements ConstraintStage {
    private final Model m;
    private final Collision collision;
    private final Contacts contacts = new Contacts(32);
    private final Jacobians jacobians;
    private final RowBuilder builder;
    private final Rows rows;
    private final NewtonSolver newton;
    private boolean useWarmstart = false;

    public ConstraintSolver(Model m) {
        this.m = m;
        if (m.optCone != Model.CONE_PYRAMIDAL) {
            throw new IllegalArgumentException(m.source + ": only the pyramidal friction cone is supported (option "
                    + "cone=\"pyramidal\", MuJoCo 2.2.2's default)");
        }
        InvWeights.ensure(m);
        this.collision = new Collision(m);
        this.jacobians = new Jacobians(m);
        this.builder = new RowBuilder(m, jacobians);
        this.rows = new Rows(m.nv, 32);
        this.newton = new NewtonSolver(m.nv, m.dofParentid);
    }

    /**
     * Constrained acceleration of the state in {@code d} (see {@link ConstraintStage} for what must be current):
     * sets qacc, qfrcConstraint, ncon, nefc and the contact arrays, forces included.
     */
    @Override
    public void apply(Model model, Data d) {
        if (model != m) throw new IllegalArgumentException("this constraint solver belongs to another model: " + m.source);
        collision.detect(d.geomXpos, d.geomXmat, contacts);
        if (contacts.count > 0) jacobians.update(d); // only contact rows use the dof axes and anchors
        builder.build(d.qpos, d.qvel, contacts, rows);
        boolean warm = useWarmstart && (m.optDisableflags & Model.DSBL_WARMSTART) == 0;
        newton.solve(d.qM, d.qaccSmooth, rows, warm ? d.qaccWarmstart : null, m.optIterations, d.qacc,
                d.qfrcConstraint);
        publishContacts(d);
    }

    /**
     * Contacts of this solve into Data, like mjData.contact, with each contact's force in its own frame (normal,
     * first tangent, second tangent), as MuJoCo's {@code mj_contactForce} decodes it from the row forces: a
     * frictionless contact has only the normal force; the four rows of a pyramid (edges {@code n + mu1 t1},
     * {@code n - mu1 t1}, {@code n + mu2 t2}, {@code n - mu2 t2}, added consecutively by {@link RowBuilder}) give
     * the normal force {@code f0 + f1 + f2 + f3} and the tangential ones {@code (f0 - f1) mu1}, {@code (f2 - f3) mu2}
     * (mju_decodePyramid's order of operations). A contact without rows (touching exactly, or in the gap) has zero
     * force.
     */
    private void publishContacts(Data d) {
        Contacts c = contacts;
        d.ncon = c.count;
        d.nefc = rows.nefc;
        if (c.count == 0) return; // rows, if any, are joint limits: no contact forces to decode
        d.ensureContactCapacity(c.count);
        for (int k = 0; k < c.count; k++) {
            d.contactGeom1[k] = c.geom1[k];
            d.contactGeom2[k] = c.geom2[k];
            d.contactDim[k] = c.dim[k];
            d.contactDist[k] = c.dist[k];
            System.arraycopy(c.pos, 3 * k, d.contactPos, 3 * k, 3);
            System.arraycopy(c.frame, 9 * k, d.contactFrame, 9 * k, 9);
        }
        java.util.Arrays.fill(d.contactForce, 0, 3 * c.count, 0);
        for (int i = 0; i < rows.nefc; ) {
            int k = rows.id[i];
            switch (rows.type[i]) {
                case Rows.CONTACT_FRICTIONLESS -> {
                    d.contactForce[3 * k] = newton.force(i);
                    i += 1;
                }
                case Rows.CONTACT_PYRAMIDAL -> {
                    double f0 = newton.force(i), f1 = newton.force(i + 1), f2 = newton.force(i + 2),
                            f3 = newton.force(i + 3);
                    d.contactForce[3 * k] = f0 + f1 + f2 + f3;
                    d.contactForce[3 * k + 1] = (f0 - f1) * c.friction[5 * k];
                    d.contactForce[3 * k + 2] = (f2 - f3) * c.friction[5 * k + 1];
                    i += 4;
                }
                default -> i += 1; // joint limit
            }
        }
    }

    /**
     * Whether Newton may start from the warm start (the previous step's qacc) when it is cheaper than qacc_smooth,
     * as MuJoCo does. Off by default: the solve is exact, so the answer is the same either way (to ~1e-13), and on
     * the public oracle sets starting from qacc_smooth takes fewer iterations (mean Newton iterations per step,
     * over all 300 records, rowless ones included, warm vs cold: humanoid 3.1 vs 2.1, walker 2.4 vs 1.8, cheetah
     * 1.2 vs 1.0).
     */
    public void setUseWarmstart(boolean on) { useWarmstart = on; }

    /** Contacts found by the last {@link #apply}. */
    public Contacts contacts() { return contacts; }

    /** Constraint rows of the last {@link #apply}. */
    public Rows rows() { return rows; }

    /** The solver (iterations, row forces) of the last {@link #apply}. */
    public NewtonSolver newton() { return newton; }
}
