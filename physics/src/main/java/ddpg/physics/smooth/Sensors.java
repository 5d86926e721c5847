package ddpg.physics.smooth;

import ddpg.physics.model.Data;
import ddpg.physics.model.Model;

/**
 * Sensors used by the Control Suite models: {@code subtreelinvel} (linear velocity of a body's subtree centre of
 * mass, MuJoCo's mj_subtreeVel: momentum of the subtree / its mass) and {@code subtreecom}. A positive cutoff
 * clamps the output to [-cutoff, cutoff]. Other sensor types are rejected by {@link #check}.
 */
public final class Sensors {
    private final Model m;
    private final boolean needsVel;

    public Sensors(Model m) {
        this.m = m;
        check(m);
        boolean v = false;
        for (int s = 0; s < m.nsensor; s++) v |= m.sensorType[s] == Model.SENS_SUBTREELINVEL;
        needsVel = v;
    }

    public static void check(Model m) {
        for (int s = 0; s < m.nsensor; s++) {
            int t = m.sensorType[s];
            if (t != Model.SENS_SUBTREELINVEL && t != Model.SENS_SUBTREECOM) {
                throw new IllegalArgumentException(m.source + ": sensor " + s + " has type " + t
                        + " which is not supported (only subtreelinvel and subtreecom)");
            }
        }
    }

    /** subtree_linvel of every body: sum over the subtree of m_i v_com,i, divided by the subtree mass. */
    public void subtreeVel(Data d) {
        double[] lv = d.subtreeLinvel;
        for (int b = 0; b < m.nbody; b++) {
            int r = m.bodyRootid[b];
            // velocity of the body's com: v_ref + w x (xipos - ref)
            double cx = d.xipos[3 * b] - d.subtreeCom[3 * r], cy = d.xipos[3 * b + 1] - d.subtreeCom[3 * r + 1],
                    cz = d.xipos[3 * b + 2] - d.subtreeCom[3 * r + 2];
            int o = 6 * b;
            double wx = d.cvel[o], wy = d.cvel[o + 1], wz = d.cvel[o + 2];
            double mass = m.bodyMass[b];
            lv[3 * b] = mass * (d.cvel[o + 3] + wy * cz - wz * cy);
            lv[3 * b + 1] = mass * (d.cvel[o + 4] + wz * cx - wx * cz);
            lv[3 * b + 2] = mass * (d.cvel[o + 5] + wx * cy - wy * cx);
        }
        for (int b = m.nbody - 1; b > 0; b--) {
            int p = m.bodyParentid[b];
            for (int k = 0; k < 3; k++) lv[3 * p + k] += lv[3 * b + k];
        }
        for (int b = 0; b < m.nbody; b++) {
            double sm = m.bodySubtreemass[b];
            if (sm < 1e-15) continue;
            for (int k = 0; k < 3; k++) lv[3 * b + k] /= sm;
        }
    }

    /** Position and velocity sensors, in model order. */
    public void compute(Data d) {
        if (needsVel) subtreeVel(d);
        for (int s = 0; s < m.nsensor; s++) {
            int adr = m.sensorAdr[s], obj = m.sensorObjid[s];
            double[] src = m.sensorType[s] == Model.SENS_SUBTREELINVEL ? d.subtreeLinvel : d.subtreeCom;
            double cut = m.sensorCutoff.length > s ? m.sensorCutoff[s] : 0;
            for (int k = 0; k < 3; k++) {
                double v = src[3 * obj + k];
                if (cut > 0) v = Math.max(-cut, Math.min(cut, v));
                d.sensordata[adr + k] = v;
            }
        }
    }
}
