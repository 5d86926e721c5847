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
 *
 * <p>On a 2-dof model a step spends a third of its time here, so the shortcuts that depend only on the model are
 * found once, in the constructor, from the model's numbers at that time (a world parent, zero offsets, identity
 * rotations, joints at the frame origin or along a frame axis, element frames equal to the body or inertial frame):
 * they leave out multiplications by exact zeros and ones, never change a value (at most the sign of a zero), and
 * assume that those fields of the model stay as they are. Elements of the world body are the exception: their model
 * pose is read at every call (a task may move them; the reacher moves its target).
 */
public final class Kinematics {
    private final Model m;

    /**
     * Frame shortcuts found once (exact comparisons), like MuJoCo's *_sameframe: they skip quaternion work. WORLD:
     * an element of the world body, whose frame is the identity (placed by {@link #placeWorld}).
     */
    private static final int GENERAL = 0, BODY_FRAME = 1, INERTIAL_FRAME = 2, BODY_ROTATION = 3, WORLD = 4;
    /** Joint axis along +x, +y, +z (a column of the frame's rotation), or general. */
    private static final int AXIS_X = 0, AXIS_Y = 1, AXIS_Z = 2, AXIS_GENERAL = 3;
    private final int[] geomFrame, siteFrame, axisKind;
    private final boolean[] inertialIsBody, inertialSameRotation, jointAtOrigin, posZero, quatIdentity;
    /**
     * Elements of the world body and of the other bodies. World elements never move with qpos: their poses are
     * written for a new Data and again only when their model position or orientation changes (compared at every
     * call). {@code world*From} holds the model pose (3 + 4 numbers per element) that the poses in
     * {@link #worldPosesOf} were made from.
     */
    private final int[] worldGeoms, worldSites, bodyGeoms, bodySites;
    private final double[] worldGeomFrom, worldSiteFrom;
    private Data worldPosesOf;

    public Kinematics(Model m) {
        this.m = m;
        geomFrame = new int[m.ngeom];
        for (int g = 0; g < m.ngeom; g++) geomFrame[g] = frameKind(m, m.geomBodyid[g], m.geomPos, m.geomQuat, g);
        siteFrame = new int[m.nsite];
        for (int s = 0; s < m.nsite; s++) siteFrame[s] = frameKind(m, m.siteBodyid[s], m.sitePos, m.siteQuat, s);
        inertialIsBody = new boolean[m.nbody];
        for (int b = 0; b < m.nbody; b++) inertialIsBody[b] = isZero(m.bodyIpos, 3 * b) && isIdentity(m.bodyIquat, 4 * b);
        inertialSameRotation = new boolean[m.nbody];
        for (int b = 0; b < m.nbody; b++) inertialSameRotation[b] = isIdentity(m.bodyIquat, 4 * b);
        posZero = new boolean[m.nbody];
        quatIdentity = new boolean[m.nbody];
        for (int b = 0; b < m.nbody; b++) {
            posZero[b] = isZero(m.bodyPos, 3 * b);
            quatIdentity[b] = isIdentity(m.bodyQuat, 4 * b);
        }
        worldGeoms = elements(m.geomBodyid, m.ngeom, true);
        worldSites = elements(m.siteBodyid, m.nsite, true);
        bodyGeoms = elements(m.geomBodyid, m.ngeom, false);
        bodySites = elements(m.siteBodyid, m.nsite, false);
        worldGeomFrom = new double[7 * worldGeoms.length];
        worldSiteFrom = new double[7 * worldSites.length];
        jointAtOrigin = new boolean[m.njnt];
        axisKind = new int[m.njnt];
        for (int j = 0; j < m.njnt; j++) {
            jointAtOrigin[j] = isZero(m.jntPos, 3 * j);
            double ax = m.jntAxis[3 * j], ay = m.jntAxis[3 * j + 1], az = m.jntAxis[3 * j + 2];
            axisKind[j] = ax == 1 && ay == 0 && az == 0 ? AXIS_X : ax == 0 && ay == 1 && az == 0 ? AXIS_Y
                    : ax == 0 && ay == 0 && az == 1 ? AXIS_Z : AXIS_GENERAL;
        }
    }

    /** Indices of the elements of the world body ({@code world}), or of the other bodies. */
    private static int[] elements(int[] bodyId, int n, boolean world) {
        int k = 0;
        for (int i = 0; i < n; i++) if ((bodyId[i] == 0) == world) k++;
        int[] out = new int[k];
        k = 0;
        for (int i = 0; i < n; i++) if ((bodyId[i] == 0) == world) out[k++] = i;
        return out;
    }

    private static int frameKind(Model m, int body, double[] pos, double[] quat, int i) {
        if (body == 0) return WORLD;
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
        // Written with local scalars instead of scratch arrays (a 2-dof model spends most of a step here), doing the
        // same arithmetic in the same order as Rot.quatMul / quatToMat / matVec / normalizeQuat. The shortcuts (a
        // world parent, a zero offset, an identity rotation, a joint at the frame origin or along a frame axis) leave
        // out only multiplications by an exact 0 or 1 and additions of the resulting zeros, so every value is the
        // same as the full computation's (at most the sign of a zero differs).
        final double[] qpos = d.qpos, qpos0 = m.qpos0, xpos = d.xpos, xquat = d.xquat, xmat = d.xmat,
                xipos = d.xipos, ximat = d.ximat, xanchor = d.xanchor, xaxis = d.xaxis;
        final double[] bodyPos = m.bodyPos, bodyQuat = m.bodyQuat, bodyIpos = m.bodyIpos, bodyIquat = m.bodyIquat,
                jntPos = m.jntPos, jntAxis = m.jntAxis;
        final int[] parentId = m.bodyParentid, bodyJntadr = m.bodyJntadr, bodyJntnum = m.bodyJntnum,
                jntType = m.jntType, jntQposadr = m.jntQposadr;
        // world body
        xpos[0] = xpos[1] = xpos[2] = 0;
        xquat[0] = 1;
        xquat[1] = xquat[2] = xquat[3] = 0;
        Rot.quatToMat(xquat, 0, xmat, 0);
        xipos[0] = xipos[1] = xipos[2] = 0;
        Rot.quatToMat(xquat, 0, ximat, 0);

        final int nbody = m.nbody;
        for (int b = 1; b < nbody; b++) {
            final int p = parentId[b], p3 = 3 * p, p4 = 4 * p, p9 = 9 * p, b3 = 3 * b, b4 = 4 * b, b9 = 9 * b;
            // parent frame composed with the body's fixed offset: pos = xpos[p] + xmat[p] body_pos,
            // quat = xquat[p] * body_quat
            double px, py, pz;
            if (posZero[b]) {
                px = xpos[p3];
                py = xpos[p3 + 1];
                pz = xpos[p3 + 2];
            } else if (p == 0) {
                px = bodyPos[b3];
                py = bodyPos[b3 + 1];
                pz = bodyPos[b3 + 2];
            } else {
                double ox = bodyPos[b3], oy = bodyPos[b3 + 1], oz = bodyPos[b3 + 2];
                px = xpos[p3] + (xmat[p9] * ox + xmat[p9 + 1] * oy + xmat[p9 + 2] * oz);
                py = xpos[p3 + 1] + (xmat[p9 + 3] * ox + xmat[p9 + 4] * oy + xmat[p9 + 5] * oz);
                pz = xpos[p3 + 2] + (xmat[p9 + 6] * ox + xmat[p9 + 7] * oy + xmat[p9 + 8] * oz);
            }
            double qw, qx, qy, qz;
            if (quatIdentity[b]) {
                qw = xquat[p4];
                qx = xquat[p4 + 1];
                qy = xquat[p4 + 2];
                qz = xquat[p4 + 3];
            } else if (p == 0) {
                qw = bodyQuat[b4];
                qx = bodyQuat[b4 + 1];
                qy = bodyQuat[b4 + 2];
                qz = bodyQuat[b4 + 3];
            } else {
                double aw = xquat[p4], ax = xquat[p4 + 1], ay = xquat[p4 + 2], az = xquat[p4 + 3];
                double bw = bodyQuat[b4], bx = bodyQuat[b4 + 1], by = bodyQuat[b4 + 2], bz = bodyQuat[b4 + 3];
                qw = aw * bw - ax * bx - ay * by - az * bz;
                qx = aw * bx + ax * bw + ay * bz - az * by;
                qy = aw * by - ax * bz + ay * bw + az * bx;
                qz = aw * bz + ax * by - ay * bx + az * bw;
            }

            final int j0 = bodyJntadr[b], j1 = j0 + bodyJntnum[b];
            for (int j = j0; j < j1; j++) {
                final int qa = jntQposadr[j], type = jntType[j], j3 = 3 * j;
                if (type == Model.JNT_FREE) {
                    Rot.normalizeQuat(qpos, qa + 3);
                    px = qpos[qa];
                    py = qpos[qa + 1];
                    pz = qpos[qa + 2];
                    qw = qpos[qa + 3];
                    qx = qpos[qa + 4];
                    qy = qpos[qa + 5];
                    qz = qpos[qa + 6];
                    xanchor[j3] = px;
                    xanchor[j3 + 1] = py;
                    xanchor[j3 + 2] = pz;
                    xaxis[j3] = 0;
                    xaxis[j3 + 1] = 0;
                    xaxis[j3 + 2] = 1;
                    continue;
                }
                // anchor and axis in the current (partially moved) frame, R = mat(quat): anchor = pos + R jnt_pos,
                // axis = R jnt_axis
                final boolean atOrigin = jointAtOrigin[j];
                final int kind = axisKind[j];
                final double ux = jntAxis[j3], uy = jntAxis[j3 + 1], uz = jntAxis[j3 + 2];
                final double anx, any, anz, wx, wy, wz;
                {
                    double ww = qw * qw, xx = qx * qx, yy = qy * qy, zz = qz * qz;
                    if (atOrigin && kind != AXIS_GENERAL) { // only one column of R is needed
                        anx = px;
                        any = py;
                        anz = pz;
                        if (kind == AXIS_X) {
                            wx = ww + xx - yy - zz;
                            wy = 2 * (qx * qy + qw * qz);
                            wz = 2 * (qx * qz - qw * qy);
                        } else if (kind == AXIS_Y) {
                            wx = 2 * (qx * qy - qw * qz);
                            wy = ww - xx + yy - zz;
                            wz = 2 * (qy * qz + qw * qx);
                        } else {
                            wx = 2 * (qx * qz + qw * qy);
                            wy = 2 * (qy * qz - qw * qx);
                            wz = ww - xx - yy + zz;
                        }
                    } else {
                        double r0 = ww + xx - yy - zz, r4 = ww - xx + yy - zz, r8 = ww - xx - yy + zz;
                        double r1 = 2 * (qx * qy - qw * qz), r2 = 2 * (qx * qz + qw * qy);
                        double r3 = 2 * (qx * qy + qw * qz), r5 = 2 * (qy * qz - qw * qx);
                        double r6 = 2 * (qx * qz - qw * qy), r7 = 2 * (qy * qz + qw * qx);
                        if (atOrigin) {
                            anx = px;
                            any = py;
                            anz = pz;
                        } else {
                            double jx = jntPos[j3], jy = jntPos[j3 + 1], jz = jntPos[j3 + 2];
                            anx = px + (r0 * jx + r1 * jy + r2 * jz);
                            any = py + (r3 * jx + r4 * jy + r5 * jz);
                            anz = pz + (r6 * jx + r7 * jy + r8 * jz);
                        }
                        switch (kind) {
                            case AXIS_X -> { wx = r0; wy = r3; wz = r6; }
                            case AXIS_Y -> { wx = r1; wy = r4; wz = r7; }
                            case AXIS_Z -> { wx = r2; wy = r5; wz = r8; }
                            default -> {
                                wx = r0 * ux + r1 * uy + r2 * uz;
                                wy = r3 * ux + r4 * uy + r5 * uz;
                                wz = r6 * ux + r7 * uy + r8 * uz;
                            }
                        }
                    }
                }
                xanchor[j3] = anx;
                xanchor[j3 + 1] = any;
                xanchor[j3 + 2] = anz;
                xaxis[j3] = wx;
                xaxis[j3 + 1] = wy;
                xaxis[j3 + 2] = wz;
                if (type == Model.JNT_SLIDE) {
                    double dq = qpos[qa] - qpos0[qa];
                    px += wx * dq;
                    py += wy * dq;
                    pz += wz * dq;
                    continue;
                }
                if (type == Model.JNT_HINGE) {
                    // quat := normalize(quat * (cos(angle/2), axis sin(angle/2))), as Rot.quatRotateLocal
                    double angle = qpos[qa] - qpos0[qa];
                    double sn = Math.sin(0.5 * angle);
                    double bw = Math.cos(0.5 * angle), bx = ux * sn, by = uy * sn, bz = uz * sn;
                    double nw = qw * bw - qx * bx - qy * by - qz * bz;
                    double nx = qw * bx + qx * bw + qy * bz - qz * by;
                    double ny = qw * by - qx * bz + qy * bw + qz * bx;
                    double nz = qw * bz + qx * by - qy * bx + qz * bw;
                    double n = Math.sqrt(nw * nw + nx * nx + ny * ny + nz * nz);
                    if (n < 1e-15) {
                        qw = 1;
                        qx = qy = qz = 0;
                    } else {
                        double inv = 1 / n;
                        qw = nw * inv;
                        qx = nx * inv;
                        qy = ny * inv;
                        qz = nz * inv;
                    }
                } else { // ball
                    Rot.normalizeQuat(qpos, qa);
                    double bw = qpos[qa], bx = qpos[qa + 1], by = qpos[qa + 2], bz = qpos[qa + 3];
                    double nw = qw * bw - qx * bx - qy * by - qz * bz;
                    double nx = qw * bx + qx * bw + qy * bz - qz * by;
                    double ny = qw * by - qx * bz + qy * bw + qz * bx;
                    double nz = qw * bz + qx * by - qy * bx + qz * bw;
                    qw = nw;
                    qx = nx;
                    qy = ny;
                    qz = nz;
                }
                // rotation about the anchor: keep the anchor where it is (pos = anchor - R' jnt_pos)
                if (atOrigin) continue; // anchor = frame origin: nothing moves
                double ww = qw * qw, xx = qx * qx, yy = qy * qy, zz = qz * qz;
                double jx = jntPos[j3], jy = jntPos[j3 + 1], jz = jntPos[j3 + 2];
                px = anx - ((ww + xx - yy - zz) * jx + 2 * (qx * qy - qw * qz) * jy + 2 * (qx * qz + qw * qy) * jz);
                py = any - (2 * (qx * qy + qw * qz) * jx + (ww - xx + yy - zz) * jy + 2 * (qy * qz - qw * qx) * jz);
                pz = anz - (2 * (qx * qz - qw * qy) * jx + 2 * (qy * qz + qw * qx) * jy + (ww - xx - yy + zz) * jz);
            }
            // normalise, as Rot.normalizeQuat
            {
                double n = Math.sqrt(qw * qw + qx * qx + qy * qy + qz * qz);
                if (n < 1e-15) {
                    qw = 1;
                    qx = qy = qz = 0;
                } else {
                    double inv = 1 / n;
                    qw *= inv;
                    qx *= inv;
                    qy *= inv;
                    qz *= inv;
                }
            }
            xpos[b3] = px;
            xpos[b3 + 1] = py;
            xpos[b3 + 2] = pz;
            xquat[b4] = qw;
            xquat[b4 + 1] = qx;
            xquat[b4 + 2] = qy;
            xquat[b4 + 3] = qz;
            double m0, m1, m2, m3, m4, m5, m6, m7, m8;
            {
                double ww = qw * qw, xx = qx * qx, yy = qy * qy, zz = qz * qz;
                m0 = ww + xx - yy - zz;
                m4 = ww - xx + yy - zz;
                m8 = ww - xx - yy + zz;
                m1 = 2 * (qx * qy - qw * qz);
                m2 = 2 * (qx * qz + qw * qy);
                m3 = 2 * (qx * qy + qw * qz);
                m5 = 2 * (qy * qz - qw * qx);
                m6 = 2 * (qx * qz - qw * qy);
                m7 = 2 * (qy * qz + qw * qx);
            }
            xmat[b9] = m0;
            xmat[b9 + 1] = m1;
            xmat[b9 + 2] = m2;
            xmat[b9 + 3] = m3;
            xmat[b9 + 4] = m4;
            xmat[b9 + 5] = m5;
            xmat[b9 + 6] = m6;
            xmat[b9 + 7] = m7;
            xmat[b9 + 8] = m8;

            // inertial frame: xipos = pos + xmat body_ipos, ximat = mat(quat * body_iquat)
            if (inertialIsBody[b]) {
                xipos[b3] = px;
                xipos[b3 + 1] = py;
                xipos[b3 + 2] = pz;
            } else {
                double ix = bodyIpos[b3], iy = bodyIpos[b3 + 1], iz = bodyIpos[b3 + 2];
                xipos[b3] = px + (m0 * ix + m1 * iy + m2 * iz);
                xipos[b3 + 1] = py + (m3 * ix + m4 * iy + m5 * iz);
                xipos[b3 + 2] = pz + (m6 * ix + m7 * iy + m8 * iz);
            }
            if (inertialSameRotation[b]) {
                ximat[b9] = m0;
                ximat[b9 + 1] = m1;
                ximat[b9 + 2] = m2;
                ximat[b9 + 3] = m3;
                ximat[b9 + 4] = m4;
                ximat[b9 + 5] = m5;
                ximat[b9 + 6] = m6;
                ximat[b9 + 7] = m7;
                ximat[b9 + 8] = m8;
            } else {
                double bw = bodyIquat[b4], bx = bodyIquat[b4 + 1], by = bodyIquat[b4 + 2], bz = bodyIquat[b4 + 3];
                Rot.quatToMat(qw * bw - qx * bx - qy * by - qz * bz, qw * bx + qx * bw + qy * bz - qz * by,
                        qw * by - qx * bz + qy * bw + qz * bx, qw * bz + qx * by - qy * bx + qz * bw, ximat, b9);
            }
        }
        placeAll(bodyGeoms, geomFrame, m.geomBodyid, m.geomPos, m.geomQuat, d.geomXpos, d.geomXmat, d);
        placeAll(bodySites, siteFrame, m.siteBodyid, m.sitePos, m.siteQuat, d.siteXpos, d.siteXmat, d);
        boolean fresh = d != worldPosesOf;
        placeWorld(worldGeoms, worldGeomFrom, m.geomPos, m.geomQuat, d.geomXpos, d.geomXmat, fresh);
        placeWorld(worldSites, worldSiteFrom, m.sitePos, m.siteQuat, d.siteXpos, d.siteXmat, fresh);
        worldPosesOf = d;
    }

    /** World elements: the world frame is the identity, so an element's pose is its own model pose. */
    private static void placeWorld(int[] elements, double[] from, double[] lpos, double[] lquat, double[] outPos,
                                   double[] outMat, boolean fresh) {
        for (int k = 0; k < elements.length; k++) {
            final int i = elements[k], i3 = 3 * i, i4 = 4 * i, f = 7 * k;
            double x = lpos[i3], y = lpos[i3 + 1], z = lpos[i3 + 2];
            double w = lquat[i4], qx = lquat[i4 + 1], qy = lquat[i4 + 2], qz = lquat[i4 + 3];
            if (!fresh && x == from[f] && y == from[f + 1] && z == from[f + 2] && w == from[f + 3]
                    && qx == from[f + 4] && qy == from[f + 5] && qz == from[f + 6]) {
                continue; // written from these numbers already
            }
            outPos[i3] = x;
            outPos[i3 + 1] = y;
            outPos[i3 + 2] = z;
            Rot.quatToMat(w, qx, qy, qz, outMat, 9 * i);
            from[f] = x;
            from[f + 1] = y;
            from[f + 2] = z;
            from[f + 3] = w;
            from[f + 4] = qx;
            from[f + 5] = qy;
            from[f + 6] = qz;
        }
    }

    /** World poses of geoms or sites: frame = body frame, inertial frame, body rotation + offset, or general. */
    private static void placeAll(int[] elements, int[] kinds, int[] bodyId, double[] lpos, double[] lquat,
                                 double[] outPos, double[] outMat, Data d) {
        final double[] xpos = d.xpos, xmat = d.xmat, xquat = d.xquat, xipos = d.xipos, ximat = d.ximat;
        for (int e = 0; e < elements.length; e++) {
            final int i = elements[e];
            final int body = bodyId[i], kind = kinds[i], i3 = 3 * i, i9 = 9 * i, b3 = 3 * body, b9 = 9 * body;
            if (kind == INERTIAL_FRAME) {
                outPos[i3] = xipos[b3];
                outPos[i3 + 1] = xipos[b3 + 1];
                outPos[i3 + 2] = xipos[b3 + 2];
                for (int k = 0; k < 9; k++) outMat[i9 + k] = ximat[b9 + k];
                continue;
            }
            if (kind == BODY_FRAME || kind == BODY_ROTATION) {
                for (int k = 0; k < 9; k++) outMat[i9 + k] = xmat[b9 + k];
                if (kind == BODY_FRAME) {
                    outPos[i3] = xpos[b3];
                    outPos[i3 + 1] = xpos[b3 + 1];
                    outPos[i3 + 2] = xpos[b3 + 2];
                    continue;
                }
            } else {
                final int b4 = 4 * body, i4 = 4 * i;
                double aw = xquat[b4], ax = xquat[b4 + 1], ay = xquat[b4 + 2], az = xquat[b4 + 3];
                double bw = lquat[i4], bx = lquat[i4 + 1], by = lquat[i4 + 2], bz = lquat[i4 + 3];
                Rot.quatToMat(aw * bw - ax * bx - ay * by - az * bz, aw * bx + ax * bw + ay * bz - az * by,
                        aw * by - ax * bz + ay * bw + az * bx, aw * bz + ax * by - ay * bx + az * bw, outMat, i9);
            }
            double x = lpos[i3], y = lpos[i3 + 1], z = lpos[i3 + 2];
            outPos[i3] = xpos[b3] + (xmat[b9] * x + xmat[b9 + 1] * y + xmat[b9 + 2] * z);
            outPos[i3 + 1] = xpos[b3 + 1] + (xmat[b9 + 3] * x + xmat[b9 + 4] * y + xmat[b9 + 5] * z);
            outPos[i3 + 2] = xpos[b3 + 2] + (xmat[b9 + 6] * x + xmat[b9 + 7] * y + xmat[b9 + 8] * z);
        }
    }
}
