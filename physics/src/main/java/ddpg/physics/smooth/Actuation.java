package ddpg.physics.smooth;

import ddpg.physics.model.Data;
import ddpg.physics.model.Model;

/**
 * Actuator forces (MuJoCo's mj_transmission + mj_fwdActuation for motors on hinge/slide joints): length = gear q,
 * moment = gear; force = gain ctrl + bias(length, velocity) with ctrl clamped to ctrlrange when ctrllimited and
 * force clamped to forcerange when forcelimited; {@code qfrc_actuator = moment * force}. Anything else (activation
 * dynamics, tendon/site transmissions, joint transmissions on free/ball joints) is rejected by {@link #check}.
 */
public final class Actuation {
    /** mjtGain/mjtBias/mjtDyn codes handled here. */
    private static final int GAIN_FIXED = 0, BIAS_NONE = 0, BIAS_AFFINE = 1, DYN_NONE = 0;
    private final Model m;

    public Actuation(Model m) {
        this.m = m;
        check(m);
    }

    public static void check(Model m) {
        for (int a = 0; a < m.nu; a++) {
            String who = m.source + ": actuator " + a + (a < m.actuatorName.length ? " '" + m.actuatorName[a] + "'" : "");
            if (m.actuatorTrntype[a] != Model.TRN_JOINT) {
                throw new IllegalArgumentException(who + ": only joint transmissions are supported");
            }
            int t = m.jntType[m.actuatorTrnid[2 * a]];
            if (t != Model.JNT_HINGE && t != Model.JNT_SLIDE) {
                throw new IllegalArgumentException(who + ": only hinge or slide joints can be actuated");
            }
            if (m.actuatorDyntype[a] != DYN_NONE || m.actuatorGaintype[a] != GAIN_FIXED
                    || (m.actuatorBiastype[a] != BIAS_NONE && m.actuatorBiastype[a] != BIAS_AFFINE)) {
                throw new IllegalArgumentException(who + ": only motor-like actuators (no dynamics, fixed gain, "
                        + "affine bias) are supported");
            }
        }
    }

    /** Transmission: actuator lengths and moment arms (position stage). */
    public void transmission(Data d) {
        final double[] moment = d.actuatorMoment, length = d.actuatorLength, qpos = d.qpos, gearPrm = m.actuatorGear;
        final int[] trnid = m.actuatorTrnid, qposadr = m.jntQposadr, dofadr = m.jntDofadr;
        final int nu = m.nu, nv = m.nv;
        java.util.Arrays.fill(moment, 0, nu * nv, 0);
        for (int a = 0; a < nu; a++) {
            int j = trnid[2 * a];
            double gear = gearPrm[6 * a];
            length[a] = gear * qpos[qposadr[j]];
            moment[a * nv + dofadr[j]] = gear;
        }
    }

    /** Forces (after the velocity stage). */
    public void compute(Data d) {
        final double[] qfrc = d.qfrcActuator, velocity = d.actuatorVelocity, force = d.actuatorForce,
                length = d.actuatorLength, ctrl = d.ctrl, qvel = d.qvel;
        final double[] gearPrm = m.actuatorGear, ctrlrange = m.actuatorCtrlrange, forcerange = m.actuatorForcerange,
                gainprm = m.actuatorGainprm, biasprm = m.actuatorBiasprm;
        final boolean[] ctrllimited = m.actuatorCtrllimited, forcelimited = m.actuatorForcelimited;
        final int[] trnid = m.actuatorTrnid, dofadr = m.jntDofadr, biastype = m.actuatorBiastype;
        final int nu = m.nu;
        java.util.Arrays.fill(qfrc, 0, m.nv, 0);
        boolean off = (m.optDisableflags & Model.DSBL_ACTUATION) != 0;
        boolean clamp = (m.optDisableflags & Model.DSBL_CLAMPCTRL) == 0;
        for (int a = 0; a < nu; a++) {
            int dof = dofadr[trnid[2 * a]];
            double gear = gearPrm[6 * a];
            velocity[a] = gear * qvel[dof];
            if (off) {
                force[a] = 0;
                continue;
            }
            double u = ctrl[a];
            if (clamp && ctrllimited[a]) u = Math.max(ctrlrange[2 * a], Math.min(ctrlrange[2 * a + 1], u));
            double f = gainprm[10 * a] * u;
            if (biastype[a] == BIAS_AFFINE) {
                f += biasprm[10 * a] + biasprm[10 * a + 1] * length[a] + biasprm[10 * a + 2] * velocity[a];
            }
            if (forcelimited[a]) f = Math.max(forcerange[2 * a], Math.min(forcerange[2 * a + 1], f));
            force[a] = f;
            qfrc[dof] += gear * f;
        }
    }
}
