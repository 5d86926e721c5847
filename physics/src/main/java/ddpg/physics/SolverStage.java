package ddpg.physics;

import ddpg.physics.constraint.ConstraintSolver;
import ddpg.physics.model.Data;
import ddpg.physics.model.Model;

/** {@link ConstraintStage} backed by {@link ConstraintSolver} (contacts, joint limits, Newton solver). */
public final class SolverStage implements ConstraintStage {
    private final ConstraintSolver solver;

    public SolverStage(Model m) { this.solver = new ConstraintSolver(m); }

    public ConstraintSolver solver() { return solver; }

    @Override
    public void apply(Model m, Data d) {
        solver.solve(d.qpos, d.qvel, d.xpos, d.xmat, d.geomXpos, d.geomXmat, d.qM, d.qaccSmooth, d.qaccWarmstart,
                d.qacc, d.qfrcConstraint);
        d.ncon = solver.contacts().count;
        d.nefc = solver.rows().nefc;
    }
}
