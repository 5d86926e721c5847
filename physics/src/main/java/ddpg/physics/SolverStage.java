package ddpg.physics;

import ddpg.physics.collision.Contacts;
import ddpg.physics.constraint.ConstraintSolver;
import ddpg.physics.constraint.NewtonSolver;
import ddpg.physics.constraint.Rows;
import ddpg.physics.model.Data;
import ddpg.physics.model.Model;

/**
 * {@link ConstraintStage} backed by {@link ConstraintSolver} (contacts, joint limits, Newton solver). Also
 * publishes the contacts and their forces in the contact frame into Data (MuJoCo's mj_contactForce: for a
 * pyramidal contact with edge forces f0..f3 on {@code n +- mu1 t1}, {@code n +- mu2 t2}, the normal force is
 * their sum and the tangential forces are {@code mu1 (f0 - f1)}, {@code mu2 (f2 - f3)}).
 */
public final class SolverStage implements ConstraintStage {
    private final ConstraintSolver solver;

    public SolverStage(Model m) { this.solver = new ConstraintSolver(m); }

    public ConstraintSolver solver() { return solver; }

    @Override
    public void apply(Model m, Data d) {
        solver.setTime(d.time); // so a divergence report says when
        solver.solve(d.qpos, d.qvel, d.xpos, d.xmat, d.geomXpos, d.geomXmat, d.qM, d.qaccSmooth, d.qaccWarmstart,
                d.qacc, d.qfrcConstraint);
        Contacts c = solver.contacts();
        Rows rows = solver.rows();
        NewtonSolver newton = solver.newton();
        d.ncon = c.count;
        d.nefc = rows.nefc;
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
        for (int i = 0; i < rows.nefc; i++) {
            int k = rows.id[i];
            double f = newton.force(i);
            if (rows.type[i] == Rows.CONTACT_FRICTIONLESS) {
                d.contactForce[3 * k] += f;
            } else if (rows.type[i] == Rows.CONTACT_PYRAMIDAL) {
                // rows of one contact are consecutive: n + mu1 t1, n - mu1 t1, n + mu2 t2, n - mu2 t2
                int edge = edgeIndex(rows, i);
                d.contactForce[3 * k] += f;
                double mu = c.friction[5 * k + (edge < 2 ? 0 : 1)];
                d.contactForce[3 * k + 1 + edge / 2] += (edge % 2 == 0 ? mu : -mu) * f;
            }
        }
    }

    /** Position of row i among the consecutive rows of its contact (0..3). */
    private static int edgeIndex(Rows rows, int i) {
        int e = 0;
        while (i - e - 1 >= 0 && rows.id[i - e - 1] == rows.id[i] && rows.type[i - e - 1] == Rows.CONTACT_PYRAMIDAL) e++;
        return e;
    }
}
