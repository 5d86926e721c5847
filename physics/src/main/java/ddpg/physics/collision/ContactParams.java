package ddpg.physics.collision;

import ddpg.physics.model.Model;

/**
 * Combines the two geoms' contact parameters into the contact's, with MuJoCo's rules: if the priorities differ the
 * higher-priority geom's condim/friction/solref/solimp are taken as they are; otherwise condim and each friction
 * coefficient are the maximum of the two and solref/solimp are averaged with weights from solmix. margin and gap
 * are always the maximum of the two.
 */
public final class ContactParams {
    private static final double MINVAL = 1e-15;

    private ContactParams() {}

    /** Fills dim, friction, solref, solimp, margin, gap of contact c from geoms g1, g2. */
    public static void combine(Model m, int g1, int g2, Contacts out, int c) {
        out.geom1[c] = g1;
        out.geom2[c] = g2;
        out.margin[c] = Math.max(m.geomMargin[g1], m.geomMargin[g2]);
        out.gap[c] = Math.max(m.geomGap[g1], m.geomGap[g2]);
        int p1 = m.geomPriority.length > g1 ? m.geomPriority[g1] : 0;
        int p2 = m.geomPriority.length > g2 ? m.geomPriority[g2] : 0;
        if (p1 != p2) {
            int g = p1 > p2 ? g1 : g2;
            out.dim[c] = m.geomCondim[g];
            setFriction(out, c, m.geomFriction[3 * g], m.geomFriction[3 * g + 1], m.geomFriction[3 * g + 2]);
            System.arraycopy(m.geomSolref, 2 * g, out.solref, 2 * c, 2);
            System.arraycopy(m.geomSolimp, 5 * g, out.solimp, 5 * c, 5);
            return;
        }
        out.dim[c] = Math.max(m.geomCondim[g1], m.geomCondim[g2]);
        setFriction(out, c, Math.max(m.geomFriction[3 * g1], m.geomFriction[3 * g2]),
                Math.max(m.geomFriction[3 * g1 + 1], m.geomFriction[3 * g2 + 1]),
                Math.max(m.geomFriction[3 * g1 + 2], m.geomFriction[3 * g2 + 2]));
        double s1 = m.geomSolmix[g1], s2 = m.geomSolmix[g2];
        double mix;
        if (s1 < MINVAL && s2 < MINVAL) mix = 0.5;
        else if (s1 < MINVAL) mix = 0;
        else if (s2 < MINVAL) mix = 1;
        else mix = s1 / (s1 + s2);
        boolean standard = m.geomSolref[2 * g1] > 0 && m.geomSolref[2 * g2] > 0;
        for (int k = 0; k < 2; k++) {
            double a = m.geomSolref[2 * g1 + k], b = m.geomSolref[2 * g2 + k];
            // (timeconst, dampratio) pairs mix; direct (-stiffness, -damping) pairs take the softer one
            out.solref[2 * c + k] = standard ? mix * a + (1 - mix) * b : Math.min(a, b);
        }
        for (int k = 0; k < 5; k++) {
            out.solimp[5 * c + k] = mix * m.geomSolimp[5 * g1 + k] + (1 - mix) * m.geomSolimp[5 * g2 + k];
        }
    }

    private static void setFriction(Contacts out, int c, double slide, double torsion, double roll) {
        int o = 5 * c;
        out.friction[o] = slide;
        out.friction[o + 1] = slide;
        out.friction[o + 2] = torsion;
        out.friction[o + 3] = roll;
        out.friction[o + 4] = roll;
    }
}
