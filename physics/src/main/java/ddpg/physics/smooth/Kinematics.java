package ddpg.physics.smooth;

import ddpg.physics.math.Rot;
import ddpg.physics.model.Data;
import ddpg.physics.model.Model;

/**
 * Forward kinematics (MuJoCo's mj_kinematics): world poses of bodies, their inertial frames, joint anchors and axes,
 * geoms and sites, from qpos.
 *
 * <p>Each body starts from its parent's frame moved by body_pos/body_quat, then its joints act in model order, each
 * in the frame left by the previous one: a slide translates along its axis by (q - qpos0), a hinge rotates by
 * (q - qpos0) about its axis through its anchor, a free joint sets the pose directly from qpos (world frame), a ball
 * joint rotates by its quaternion about its anchor. Free/ball quaternions are normalised in place in qpos, as
 * MuJoCo 2.2.2 does.
 */
public final class Kinematics {
    private final Model m;
    private final double[] pos = new double[3], quat = new double[4], tmp = new double[8], v = new double[3],
            rmat = new double[9];

    /** Frame shortcuts found once (exact comparisons), like MuJoCo's *_sameframe: they skip quaternion work. */
    private static final int GENERAL = 0, BODY_FRAME = 1, INERTIAL_FRAME = 2, BODY_ROTATION = 3;
    private final int[] geomFrame, siteFrame;
    private final boolean[] inertialIsBody, jointAtOrigin;

    public Kinematics(Model m) {
        this.m = m;
        geomFrame = new int[m.ngeom];
        for (int g = 0; g < m.ngeom; g++) geomFrame[g] = frameKind(m, m.geomBodyid[g], m.geomPos, m.geomQuat, g);
        siteFrame = new int[m.nsite];
        for (int s = 0; s < m.nsite; s++) siteFrame[s] = frameKind(m, m.siteBodyid[s], m.sitePos, m.siteQuat, s);
        inertialIsBody = new boolean[m.nbody];
        for (int b = 0; b < m.nbody; b++) inertialIsBody[b] = isZero(m.bodyIpos, 3 * b) && isIdentity(m.bodyIquat, 4 * b);
        jointAtOrigin = new boolean[m.njnt];
        for (int j = 0; j < m.njnt; j++) jointAtOrigin[j] = isZero(m.jntPos, 3 * j);
    }

    private static int frameKind(Model m, int body, double[] pos, double[] quat, int i) {
        boolean ident = isIdentity(quat, 4 * i);
        if (isZero(pos, 3 * i) && ident) return BODY_FRAME;
        boolean samePos = pos[3 * i] == m.bodyIpos[3 * body] && pos[3 * i + 1] == m.bodyIpos[3 * body + 1]
                && pos[3 * i + 2] == m.bodyIpos[3 * body + 2];
        boolean sameQuat = true;
        for (int k = 0; k < 4; k++) sameQuat &= quat[4 * i + k] == m.bodyIquat[4 * body + k];
        if (samePos && sameQuat) return INERTIAL_FRAME;
        return ident ? BODY_ROTATION : GENERAL;
    }

    private static boolean isZero(double[] v, int o) { return v[o] == 0 && v[o + 1] == 0 && v[o + 2] == 0; }

    private static boolean isIdentity(double[] q, int o) {
        return q[o] == 1 && q[o + 1] == 0 && q[o + 2] == 0 && q[o + 3] == 0;
    }

    public void compute(Data d) {
        double[] qpos = d.qpos;
        // world body
        d.xpos[0] = d.xpos[1] = d.xpos[2] = 0;
        d.xquat[0] = 1;
        d.xquat[1] = d.xquat[2] = d.xquat[3] = 0;
        Rot.quatToMat(d.xquat, 0, d.xmat, 0);
        d.xipos[0] = d.xipos[1] = d.xipos[2] = 0;
        Rot.quatToMat(d.xquat, 0, d.ximat, 0);

        for (int b = 1; b < m.nbody; b++) {
            int p = m.bodyParentid[b];
            // parent frame composed with the body's fixed offset
            Rot.matVec(d.xmat, 9 * p, m.bodyPos, 3 * b, v, 0);
            pos[0] = d.xpos[3 * p] + v[0];
            pos[1] = d.xpos[3 * p + 1] + v[1];
            pos[2] = d.xpos[3 * p + 2] + v[2];
            Rot.quatMul(d.xquat, 4 * p, m.bodyQuat, 4 * b, quat, 0);

            int j0 = m.bodyJntadr[b], nj = m.bodyJntnum[b];
            for (int j = j0; j < j0 + nj; j++) {
                int qa = m.jntQposadr[j];
                int type = m.jntType[j];
                if (type == Model.JNT_FREE) {
                    Rot.normalizeQuat(qpos, qa + 3);
                    pos[0] = qpos[qa];
                    pos[1] = qpos[qa + 1];
                    pos[2] = qpos[qa + 2];
                    System.arraycopy(qpos, qa + 3, quat, 0, 4);
                    System.arraycopy(pos, 0, d.xanchor, 3 * j, 3);
                    d.xaxis[3 * j] = 0;
                    d.xaxis[3 * j + 1] = 0;
                    d.xaxis[3 * j + 2] = 1;
                    continue;
                }
                // anchor and axis in the current (partially moved) frame
                Rot.quatToMat(quat, 0, rmat, 0);
                anchorAndAxis(d, j);
                if (type == Model.JNT_SLIDE) {
                    double dq = qpos[qa] - m.qpos0[qa];
                    pos[0] += d.xaxis[3 * j] * dq;
                    pos[1] += d.xaxis[3 * j + 1] * dq;
                    pos[2] += d.xaxis[3 * j + 2] * dq;
                } else {
                    if (type == Model.JNT_HINGE) {
                        double angle = qpos[qa] - m.qpos0[qa];
                        Rot.quatRotateLocal(quat, 0, m.jntAxis[3 * j], m.jntAxis[3 * j + 1], m.jntAxis[3 * j + 2],
                                angle, tmp);
                    } else { // ball
                        Rot.normalizeQuat(qpos, qa);
                        Rot.quatMul(quat, 0, qpos, qa, tmp, 0);
                        System.arraycopy(tmp, 0, quat, 0, 4);
                    }
                    // rotation about the anchor: keep the anchor where it is
                    if (jointAtOrigin[j]) continue; // anchor = frame origin: nothing moves
                    Rot.quatToMat(quat, 0, rmat, 0);
                    Rot.matVec(rmat, 0, m.jntPos, 3 * j, v, 0);
                    pos[0] = d.xanchor[3 * j] - v[0];
                    pos[1] = d.xanchor[3 * j + 1] - v[1];
                    pos[2] = d.xanchor[3 * j + 2] - v[2];
                }
            }
            Rot.normalizeQuat(quat, 0);
            System.arraycopy(pos, 0, d.xpos, 3 * b, 3);
            System.arraycopy(quat, 0, d.xquat, 4 * b, 4);
            Rot.quatToMat(quat, 0, d.xmat, 9 * b);

            // inertial frame
            if (inertialIsBody[b]) {
                System.arraycopy(pos, 0, d.xipos, 3 * b, 3);
                System.arraycopy(d.xmat, 9 * b, d.ximat, 9 * b, 9);
                continue;
            }
            Rot.matVec(d.xmat, 9 * b, m.bodyIpos, 3 * b, v, 0);
            d.xipos[3 * b] = pos[0] + v[0];
            d.xipos[3 * b + 1] = pos[1] + v[1];
            d.xipos[3 * b + 2] = pos[2] + v[2];
            Rot.quatMul(quat, 0, m.bodyIquat, 4 * b, tmp, 0);
            Rot.quatToMat(tmp, 0, d.ximat, 9 * b);
        }
        for (int g = 0; g < m.ngeom; g++) {
            place(geomFrame[g], m.geomBodyid[g], m.geomPos, m.geomQuat, g, d.geomXpos, d.geomXmat, d);
        }
        for (int s = 0; s < m.nsite; s++) {
            place(siteFrame[s], m.siteBodyid[s], m.sitePos, m.siteQuat, s, d.siteXpos, d.siteXmat, d);
        }
    }

    /** xanchor = R * jnt_pos + pos, xaxis = R * jnt_axis in the current frame (R in rmat, origin in pos). */
    private void anchorAndAxis(Data d, int j) {
        Rot.matVec(rmat, 0, m.jntPos, 3 * j, v, 0);
        d.xanchor[3 * j] = pos[0] + v[0];
        d.xanchor[3 * j + 1] = pos[1] + v[1];
        d.xanchor[3 * j + 2] = pos[2] + v[2];
        Rot.matVec(rmat, 0, m.jntAxis, 3 * j, d.xaxis, 3 * j);
    }

    private void place(int kind, int body, double[] lpos, double[] lquat, int i, double[] outPos, double[] outMat,
                       Data d) {
        switch (kind) {
            case BODY_FRAME -> {
                System.arraycopy(d.xpos, 3 * body, outPos, 3 * i, 3);
                System.arraycopy(d.xmat, 9 * body, outMat, 9 * i, 9);
                return;
            }
            case INERTIAL_FRAME -> {
                System.arraycopy(d.xipos, 3 * body, outPos, 3 * i, 3);
                System.arraycopy(d.ximat, 9 * body, outMat, 9 * i, 9);
                return;
            }
            case BODY_ROTATION -> System.arraycopy(d.xmat, 9 * body, outMat, 9 * i, 9);
            default -> {
                Rot.quatMul(d.xquat, 4 * body, lquat, 4 * i, tmp, 0);
                Rot.quatToMat(tmp, 0, outMat, 9 * i);
            }
        }
        Rot.matVec(d.xmat, 9 * body, lpos, 3 * i, v, 0);
        outPos[3 * i] = d.xpos[3 * body] + v[0];
        outPos[3 * i + 1] = d.xpos[3 * body + 1] + v[1];
        outPos[3 * i + 2] = d.xpos[3 * body + 2] + v[2];
    }
}
