package ddpg.physics.smooth;

import ddpg.physics.model.Data;
import ddpg.physics.model.Model;

/**
 * The sensors used by the Control Suite models, computed after the constraint stage:
 * <ul>
 * <li>{@code subtreelinvel}, {@code subtreecom}: of a body's subtree (mj_subtreeVel: momentum / mass);</li>
 * <li>{@code velocimeter}, {@code gyro}: linear and angular velocity of a site, in the site frame;</li>
 * <li>{@code accelerometer}: linear acceleration of a site (gravity included as an upward acceleration, plus the
 *     w x v term that turns a spatial acceleration into a classical one), in the site frame;</li>
 * <li>{@code force}, {@code torque}: the joint force on the site's body subtree ({@link RnePost} cfrcInt), moved to
 *     the site point, in the site frame;</li>
 * <li>{@code touch}: sum of the positive normal forces of the contacts that involve the site's body and whose
 *     point lies inside the site's volume.</li>
 * </ul>
 * A positive cutoff clamps each output to [-cutoff, cutoff] (touch: to [0, cutoff]). Other types are rejected by
 * {@link #check}.
 */
public final class Sensors {
    private static final int SITE_SPHERE = 2, SITE_CAPSULE = 3, SITE_ELLIPSOID = 4, SITE_CYLINDER = 5,
            SITE_BOX = 6;
    private final Model m;
    private final boolean needsSubtreeVel, needsRnePost;
    private final RnePost rnePost;
    private final double[] v = new double[6], w = new double[3];

    public Sensors(Model m) {
        this.m = m;
        check(m);
        boolean sv = false, post = false;
        for (int s = 0; s < m.nsensor; s++) {
            int t = m.sensorType[s];
            sv |= t == Model.SENS_SUBTREELINVEL;
            post |= t == Model.SENS_ACCELEROMETER || t == Model.SENS_FORCE || t == Model.SENS_TORQUE;
        }
        needsSubtreeVel = sv;
        needsRnePost = post;
        rnePost = new RnePost(m);
    }

    public static void check(Model m) {
        for (int s = 0; s < m.nsensor; s++) {
            int t = m.sensorType[s];
            boolean ok = t == Model.SENS_SUBTREELINVEL || t == Model.SENS_SUBTREECOM || t == Model.SENS_TOUCH
                    || t == Model.SENS_ACCELEROMETER || t == Model.SENS_VELOCIMETER || t == Model.SENS_GYRO
                    || t == Model.SENS_FORCE || t == Model.SENS_TORQUE;
            if (!ok) {
                throw new IllegalArgumentException(m.source + ": sensor " + s + " has type " + t + ", which is not "
                        + "supported (subtreelinvel, subtreecom, touch, accelerometer, velocimeter, gyro, force, "
                        + "torque)");
            }
        }
    }

    /** subtree_linvel of every body: sum over the subtree of m_i v_com,i, divided by the subtree mass. */
    public void subtreeVel(Data d) {
        double[] lv = d.subtreeLinvel;
        for (int b = 0; b < m.nbody; b++) {
            pointVelocity(d, b, d.xipos, 3 * b);
            double mass = m.bodyMass[b];
            lv[3 * b] = mass * v[3];
            lv[3 * b + 1] = mass * v[4];
            lv[3 * b + 2] = mass * v[5];
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

    /** All sensors, in model order. Needs the full forward pass (constraints included). */
    public void compute(Data d) { compute(d, true); }

    /**
     * Position and velocity sensors only (mj_step1's sensorPos + sensorVel); acceleration-stage sensors
     * (accelerometer, force, torque, touch) keep their last values.
     */
    public void computePositionAndVelocity(Data d) { compute(d, false); }

    private static boolean isAccStage(int type) {
        return type == Model.SENS_ACCELEROMETER || type == Model.SENS_FORCE || type == Model.SENS_TORQUE
                || type == Model.SENS_TOUCH;
    }

    private void compute(Data d, boolean withAcc) {
        if (m.nsensor == 0) return;
        if (needsSubtreeVel) subtreeVel(d);
        if (needsRnePost && withAcc) rnePost.compute(d);
        for (int s = 0; s < m.nsensor; s++) {
            if (!withAcc && isAccStage(m.sensorType[s])) continue;
            int adr = m.sensorAdr[s], obj = m.sensorObjid[s];
            double[] out = d.sensordata;
            switch (m.sensorType[s]) {
                case Model.SENS_SUBTREELINVEL -> System.arraycopy(d.subtreeLinvel, 3 * obj, out, adr, 3);
                case Model.SENS_SUBTREECOM -> System.arraycopy(d.subtreeCom, 3 * obj, out, adr, 3);
                case Model.SENS_VELOCIMETER -> {
                    pointVelocity(d, m.siteBodyid[obj], d.siteXpos, 3 * obj);
                    toSite(d, obj, v[3], v[4], v[5], out, adr);
                }
                case Model.SENS_GYRO -> {
                    pointVelocity(d, m.siteBodyid[obj], d.siteXpos, 3 * obj);
                    toSite(d, obj, v[0], v[1], v[2], out, adr);
                }
                case Model.SENS_ACCELEROMETER -> accelerometer(d, obj, out, adr);
                case Model.SENS_FORCE, Model.SENS_TORQUE -> forceTorque(d, obj, m.sensorType[s] == Model.SENS_FORCE,
                        out, adr);
                case Model.SENS_TOUCH -> out[adr] = touch(d, obj);
                default -> throw new IllegalStateException("unchecked sensor type " + m.sensorType[s]);
            }
            double cut = m.sensorCutoff.length > s ? m.sensorCutoff[s] : 0;
            if (cut > 0) {
                double lo = m.sensorType[s] == Model.SENS_TOUCH ? 0 : -cut;
                for (int k = 0; k < m.sensorDim[s]; k++) out[adr + k] = Math.max(lo, Math.min(cut, out[adr + k]));
            }
        }
    }

    /** v := (angular; linear velocity at point p) of body b. */
    private void pointVelocity(Data d, int b, double[] p, int pi) {
        int r = m.bodyRootid[b], o = 6 * b;
        double cx = p[pi] - d.subtreeCom[3 * r], cy = p[pi + 1] - d.subtreeCom[3 * r + 1],
                cz = p[pi + 2] - d.subtreeCom[3 * r + 2];
        double wx = d.cvel[o], wy = d.cvel[o + 1], wz = d.cvel[o + 2];
        v[0] = wx;
        v[1] = wy;
        v[2] = wz;
        v[3] = d.cvel[o + 3] + wy * cz - wz * cy;
        v[4] = d.cvel[o + 4] + wz * cx - wx * cz;
        v[5] = d.cvel[o + 5] + wx * cy - wy * cx;
    }

    private void accelerometer(Data d, int site, double[] out, int adr) {
        int b = m.siteBodyid[site], r = m.bodyRootid[b], o = 6 * b;
        pointVelocity(d, b, d.siteXpos, 3 * site);
        double cx = d.siteXpos[3 * site] - d.subtreeCom[3 * r], cy = d.siteXpos[3 * site + 1] - d.subtreeCom[3 * r + 1],
                cz = d.siteXpos[3 * site + 2] - d.subtreeCom[3 * r + 2];
        double ax = d.cacc[o], ay = d.cacc[o + 1], az = d.cacc[o + 2];
        double lx = d.cacc[o + 3] + ay * cz - az * cy;
        double ly = d.cacc[o + 4] + az * cx - ax * cz;
        double lz = d.cacc[o + 5] + ax * cy - ay * cx;
        // classical acceleration of the point: spatial acceleration + w x v
        lx += v[1] * v[5] - v[2] * v[4];
        ly += v[2] * v[3] - v[0] * v[5];
        lz += v[0] * v[4] - v[1] * v[3];
        toSite(d, site, lx, ly, lz, out, adr);
    }

    private void forceTorque(Data d, int site, boolean force, double[] out, int adr) {
        int b = m.siteBodyid[site], r = m.bodyRootid[b], o = 6 * b;
        double fx = d.cfrcInt[o + 3], fy = d.cfrcInt[o + 4], fz = d.cfrcInt[o + 5];
        if (force) {
            toSite(d, site, fx, fy, fz, out, adr);
            return;
        }
        // torque about the site point: n_p = n_O - (p - O) x f
        double cx = d.siteXpos[3 * site] - d.subtreeCom[3 * r], cy = d.siteXpos[3 * site + 1] - d.subtreeCom[3 * r + 1],
                cz = d.siteXpos[3 * site + 2] - d.subtreeCom[3 * r + 2];
        double nx = d.cfrcInt[o] - (cy * fz - cz * fy);
        double ny = d.cfrcInt[o + 1] - (cz * fx - cx * fz);
        double nz = d.cfrcInt[o + 2] - (cx * fy - cy * fx);
        toSite(d, site, nx, ny, nz, out, adr);
    }

    private double touch(Data d, int site) {
        int b = m.siteBodyid[site];
        double sum = 0;
        for (int c = 0; c < d.ncon; c++) {
            if (m.geomBodyid[d.contactGeom1[c]] != b && m.geomBodyid[d.contactGeom2[c]] != b) continue;
            double fn = d.contactForce[3 * c];
            if (fn <= 0) continue;
            if (insideSite(d, site, d.contactPos, 3 * c)) sum += fn;
        }
        return sum;
    }

    /** Whether world point p lies inside the site's volume (site frame: R^T (p - site pos)). */
    private boolean insideSite(Data d, int site, double[] p, int pi) {
        toSite(d, site, p[pi] - d.siteXpos[3 * site], p[pi + 1] - d.siteXpos[3 * site + 1],
                p[pi + 2] - d.siteXpos[3 * site + 2], w, 0);
        double s0 = m.siteSize[3 * site], s1 = m.siteSize[3 * site + 1], s2 = m.siteSize[3 * site + 2];
        double x = w[0], y = w[1], z = w[2];
        return switch (m.siteType[site]) {
            case SITE_SPHERE -> x * x + y * y + z * z <= s0 * s0;
            case SITE_CAPSULE -> {
                double zc = Math.max(-s1, Math.min(s1, z));
                yield x * x + y * y + (z - zc) * (z - zc) <= s0 * s0;
            }
            case SITE_ELLIPSOID -> (x / s0) * (x / s0) + (y / s1) * (y / s1) + (z / s2) * (z / s2) <= 1;
            case SITE_CYLINDER -> x * x + y * y <= s0 * s0 && Math.abs(z) <= s1;
            case SITE_BOX -> Math.abs(x) <= s0 && Math.abs(y) <= s1 && Math.abs(z) <= s2;
            default -> false;
        };
    }

    /** out[adr..adr+2] = R_site^T (x, y, z). */
    private static void toSite(Data d, int site, double x, double y, double z, double[] out, int adr) {
        double[] R = d.siteXmat;
        int o = 9 * site;
        out[adr] = R[o] * x + R[o + 3] * y + R[o + 6] * z;
        out[adr + 1] = R[o + 1] * x + R[o + 4] * y + R[o + 7] * z;
        out[adr + 2] = R[o + 2] * x + R[o + 5] * y + R[o + 8] * z;
    }
}
