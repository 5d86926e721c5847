package ddpg.physics.constraint;

import ddpg.physics.model.Data;
import ddpg.physics.model.Model;

/**
 * The constraint stage of the pipeline (collision detection, constraint rows, solver): the only place where qacc may
 * differ from qaccSmooth. {@link ConstraintSolver} is the real one, {@link #NONE} turns constraints off.
 *
 * <p>Contract: {@link #apply} runs after all smooth stages, so these are current in {@code d}: qpos/qvel, poses
 * (xpos, xmat, xanchor, xaxis, geomXpos, geomXmat, ...), the dense mass matrix qM, qfrcSmooth and qaccSmooth, and
 * qaccWarmstart (the previous step's qacc). It must set {@code d.qacc}, {@code d.qfrcConstraint}, {@code d.ncon},
 * {@code d.nefc} and the contact arrays ({@code d.contactGeom1 ... d.contactForce}, sized with
 * {@link Data#ensureContactCapacity}; touch and force sensors read them), and should not allocate in the steady
 * state.
 */
public interface ConstraintStage {
    void apply(Model m, Data d);

    /** No constraints at all: qacc = qaccSmooth. */
    ConstraintStage NONE = (m, d) -> {
        System.arraycopy(d.qaccSmooth, 0, d.qacc, 0, m.nv);
        java.util.Arrays.fill(d.qfrcConstraint, 0);
        d.ncon = 0;
        d.nefc = 0;
    };
}
