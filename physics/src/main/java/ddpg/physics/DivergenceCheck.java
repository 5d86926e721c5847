package ddpg.physics;

import ddpg.physics.model.Model;

/**
 * The simulator's divergence test, run once at the end of every step: any NaN or infinity, or a magnitude no
 * physical motion of these models reaches. MuJoCo only catches values beyond 1e10; the tighter defaults report a
 * blow-up within a few steps instead of after it has spread. For scale: over all public oracle rollouts and
 * transitions (random controls) the largest |qvel| is 71 (humanoid) and the largest |qacc| about 5e3.
 */
public final class DivergenceCheck {
    public static final double DEFAULT_MAX_POS = 1e4, DEFAULT_MAX_VEL = 1e4, DEFAULT_MAX_ACC = 1e9;

    private final Model m;
    private final double maxPos, maxVel, maxAcc;
    private final int[] qposJoint;

    public DivergenceCheck(Model m) { this(m, DEFAULT_MAX_POS, DEFAULT_MAX_VEL, DEFAULT_MAX_ACC); }

    public DivergenceCheck(Model m, double maxPos, double maxVel, double maxAcc) {
        this.m = m;
        this.maxPos = maxPos;
        this.maxVel = maxVel;
        this.maxAcc = maxAcc;
        qposJoint = new int[m.nq];
        for (int j = 0; j < m.njnt; j++) {
            int n = switch (m.jntType[j]) {
                case Model.JNT_FREE -> 7;
                case Model.JNT_BALL -> 4;
                default -> 1;
            };
            for (int k = 0; k < n; k++) qposJoint[m.jntQposadr[j] + k] = j;
        }
    }

    /** Throws {@link SimulationDivergedException} naming the first offending entry; qacc may be null. */
    public void check(double time, double[] qpos, double[] qvel, double[] qacc) {
        int i = bad(qpos, maxPos);
        if (i >= 0) throw fail(time, "qpos", i, qposJoint[i], qpos[i], maxPos);
        i = bad(qvel, maxVel);
        if (i >= 0) throw fail(time, "qvel", i, m.dofJntid[i], qvel[i], maxVel);
        if (qacc != null) {
            i = bad(qacc, maxAcc);
            if (i >= 0) throw fail(time, "qacc", i, m.dofJntid[i], qacc[i], maxAcc);
        }
    }

    private static int bad(double[] v, double limit) {
        for (int i = 0; i < v.length; i++) {
            if (!(Math.abs(v[i]) <= limit)) return i;   // also catches NaN
        }
        return -1;
    }

    private SimulationDivergedException fail(double time, String what, int i, int joint, double value, double limit) {
        String name = joint < m.jntName.length && m.jntName[joint] != null && !m.jntName[joint].isEmpty()
                ? m.jntName[joint] : "#" + joint;
        String model = m.name == null || m.name.isEmpty() ? m.source : m.name;
        return new SimulationDivergedException(model, time, what, i, name, value, limit);
    }
}
