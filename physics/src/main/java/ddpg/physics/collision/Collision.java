package ddpg.physics.collision;

import ddpg.physics.model.Model;

/**
 * Collision detection for one model: broad phase, narrow phase per pair type, contact parameters. Holds only the
 * precomputed pair list; {@link #detect} allocates nothing (the contact buffer grows only past its largest size).
 */
public final class Collision {
    private final Model m;
    private final BroadPhase broad;

    public Collision(Model m) {
        this.m = m;
        // with contacts disabled no pair is ever tested, so unsupported geom types do not matter
        this.broad = disabled(m) ? null : new BroadPhase(m);
    }

    /** True when contacts are globally disabled for this model (option flag contact=disable). */
    public boolean disabled() { return broad == null; }

    static boolean disabled(Model m) {
        return (m.optDisableflags & (Model.DSBL_CONTACT | Model.DSBL_CONSTRAINT)) != 0;
    }

    /** Number of geom pairs that survive the static filters (0 with contacts disabled). */
    public int candidatePairs() { return broad == null ? 0 : broad.npair; }

    /** Whether a narrow-phase function exists for geom types t1 &lt;= t2. */
    public static boolean supported(int t1, int t2) {
        switch (t1) {
            case Model.GEOM_PLANE:
                return t2 == Model.GEOM_SPHERE || t2 == Model.GEOM_CAPSULE || t2 == Model.GEOM_BOX
                        || t2 == Model.GEOM_CYLINDER;
            case Model.GEOM_SPHERE: return t2 == Model.GEOM_SPHERE || t2 == Model.GEOM_CAPSULE;
            case Model.GEOM_CAPSULE: return t2 == Model.GEOM_CAPSULE;
            default: return false;
        }
    }

    /**
     * Finds all contacts for the geom world poses {@code gxpos} (ngeom x 3) and {@code gxmat} (ngeom x 9,
     * row-major) and writes them to {@code out} (cleared first), in MuJoCo's order.
     */
    public void detect(double[] gxpos, double[] gxmat, Contacts out) {
        out.clear();
        if (disabled()) return;
        double[] size = m.geomSize;
        for (int k = 0; k < broad.npair; k++) {
            int g1 = broad.pairG1[k], g2 = broad.pairG2[k];
            double margin = Math.max(m.geomMargin[g1], m.geomMargin[g2]);
            if (!broad.overlaps(m, gxpos, gxmat, g1, g2, margin)) continue;
            int first = out.count;
            int n = narrow(gxpos, gxmat, size, g1, g2, margin, out);
            for (int c = first; c < first + n; c++) ContactParams.combine(m, g1, g2, out, c);
        }
    }

    private int narrow(double[] p, double[] r, double[] size, int g1, int g2, double margin, Contacts out) {
        int t1 = m.geomType[g1], t2 = m.geomType[g2];
        if (t1 == Model.GEOM_PLANE) {
            if (t2 == Model.GEOM_SPHERE) return Narrow.planeSphere(p, r, size, g1, g2, margin, out);
            if (t2 == Model.GEOM_BOX) return Narrow.planeBox(p, r, size, g1, g2, margin, out);
            if (t2 == Model.GEOM_CYLINDER) return Narrow.planeCylinder(p, r, size, g1, g2, margin, out);
            return Narrow.planeCapsule(p, r, size, g1, g2, margin, out);
        }
        if (t1 == Model.GEOM_SPHERE) {
            return t2 == Model.GEOM_SPHERE ? Narrow.sphereSphere(p, size, g1, g2, margin, out)
                    : Narrow.sphereCapsule(p, r, size, g1, g2, margin, out);
        }
        return Narrow.capsuleCapsule(p, r, size, g1, g2, margin, out);
    }
}
