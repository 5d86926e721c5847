package ddpg.physics.constraint;

import ddpg.physics.model.Model;

/** Checks that the compile-time inverse weights the regulariser needs are present. */
final class InvWeights {
    private InvWeights() {}

    static void ensure(Model m) {
        if (m.bodyInvweight0.length < 2 * m.nbody || m.dofInvweight0.length < m.nv) {
            throw new IllegalArgumentException(m.source + ": model has no body_invweight0/dof_invweight0; the "
                    + "compiler must compute them (mj_setConst) before constraints can be simulated");
        }
    }
}
