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
        java.util.Arrays.fill(d.actuatorMoment, 0);
        for (int a = 0; a < m.nu; a++) {
            int j = m.actuatorTrnid[2 * a];
            double gear = m.actuatorGear[6 * a];
            d.actuatorLength[a] = gear * d.qpos[m.jntQposadr[j]];
            d.actuatorMoment[a * m.nv + m.jntDofadr[j]] = gear;
        }
    }

    /** Forces (after the velocity stage). */
    public void compute(Data d) {
        java.util.Arrays.fill(d.qfrcActuator, 0);
        boolean off = (m.optDisableflags & Model.DSBL_ACTUATION) != 0;
        boolean clamp = (m.optDisableflags & Model.DSBL_CLAMPCTRL) == 0;
        for (int a = 0; a < m.nu; a++) {
            int j = m.actuatorTrnid[2 * a], dof = m.jntDofadr[j];
            double gear = m.actuatorGear[6 * a];
            d.actuatorVelocity[a] = gear * d.qvel[dof];
            if (off) {
                d.actuatorForce[a] = 0;
                continue;
            }
            double u = d.ctrl[a];
            if (clamp && m.actuatorCtrllimited[a]) {
                u = Math.max(m.actuatorCtrlrange[2 * a], Math.min(m.actuatorCtrlrange[2 * a + 1], u));
            }
            double force = m.actuatorGainprm[10 * a] * u;
            if (m.actuatorBiastype[a] == BIAS_AFFINE) {
                force += m.actuatorBiasprm[10 * a] + m.actuatorBiasprm[10 * a + 1] * d.actuatorLength[a]
                        + m.actuatorBiasprm[10 * a + 2] * d.actuatorVelocity[a];
            }
            if (m.actuatorForcelimited[a]) {
                force = Math.max(m.actuatorForcerange[2 * a], Math.min(m.actuatorForcerange[2 * a + 1], force));
            }
            d.actuatorForce[a] = force;
            d.qfrcActuator[dof] += gear * force;
        }
    }
}
