package ddpg.physics.collision;

import ddpg.physics.model.Model;

/**
 * Which geom pairs get a narrow-phase test. Everything that does not depend on the pose is decided once per model:
 * contype/conaffinity compatibility, geoms of the same weld body (bodies joined without joints count as one), a
 * weld body and its parent weld body (unless one of them is the world, or the parent filter is disabled), explicit
 * {@code <exclude>} body pairs, and whether a narrow-phase function exists. At run time only a bounding-sphere test
 * remains (plane: distance of the other geom's centre from the plane).
 *
 * <p>Order: body pairs (b1 &lt; b2) in lexicographic order, then the geoms of b1 by the geoms of b2 in model
 * order, each pair written with the lower geom type first, which is the order MuJoCo lists its contacts in.
 */
public final class BroadPhase {
    /** Candidate pairs; g1 has the lower (or equal) geom type. */
    final int[] pairG1, pairG2;
    final int npair;

    public BroadPhase(Model m) {
        int cap = m.ngeom * m.ngeom / 2 + 1;
        int[] a = new int[cap], b = new int[cap];
        int n = 0;
        for (int b1 = 0; b1 < m.nbody; b1++) {
            for (int b2 = b1 + 1; b2 < m.nbody; b2++) {
                if (!bodiesMayCollide(m, b1, b2)) continue;
                for (int i = 0; i < m.bodyGeomnum[b1]; i++) {
                    int g1 = m.bodyGeomadr[b1] + i;
                    for (int j = 0; j < m.bodyGeomnum[b2]; j++) {
                        int g2 = m.bodyGeomadr[b2] + j;
                        if (!compatible(m, g1, g2)) continue;
                        int lo = m.geomType[g1] <= m.geomType[g2] ? g1 : g2, hi = lo == g1 ? g2 : g1;
                        if (!Collision.supported(m.geomType[lo], m.geomType[hi])) {
                            if (m.geomType[lo] == Model.GEOM_PLANE && m.geomType[hi] == Model.GEOM_PLANE) continue;
                            throw new IllegalArgumentException(m.source + ": no collision function for geom pair "
                                    + name(m, lo) + " / " + name(m, hi) + " (types " + m.geomType[lo] + ", "
                                    + m.geomType[hi] + "); set contype/conaffinity so they cannot collide");
                        }
                        a[n] = lo;
                        b[n] = hi;
                        n++;
                    }
                }
            }
        }
        pairG1 = java.util.Arrays.copyOf(a, n);
        pairG2 = java.util.Arrays.copyOf(b, n);
        npair = n;
    }

    /** Number of candidate pairs after the static filters. */
    public int candidatePairs() { return npair; }

    static boolean compatible(Model m, int g1, int g2) {
        return (m.geomContype[g1] & m.geomConaffinity[g2]) != 0 || (m.geomContype[g2] & m.geomConaffinity[g1]) != 0;
    }

    static boolean bodiesMayCollide(Model m, int b1, int b2) {
        int w1 = m.bodyWeldid[b1], w2 = m.bodyWeldid[b2];
        if (w1 == w2) return false;
        if ((m.optDisableflags & Model.DSBL_FILTERPARENT) == 0 && w1 != 0 && w2 != 0) {
            int p1 = m.bodyWeldid[m.bodyParentid[w1]], p2 = m.bodyWeldid[m.bodyParentid[w2]];
            if (p1 == w2 || p2 == w1) return false;
        }
        for (int k = 0; k < m.excludeBody1.length; k++) {
            int e1 = m.excludeBody1[k], e2 = m.excludeBody2[k];
            if ((e1 == b1 && e2 == b2) || (e1 == b2 && e2 == b1)) return false;
        }
        return true;
    }

    /** Bounding-sphere overlap of pair k (margin included). */
    boolean overlaps(Model m, double[] gxpos, double[] gxmat, int g1, int g2, double margin) {
        if (m.geomType[g1] == Model.GEOM_PLANE) {
            double d = gxmat[9 * g1 + 2] * (gxpos[3 * g2] - gxpos[3 * g1])
                    + gxmat[9 * g1 + 5] * (gxpos[3 * g2 + 1] - gxpos[3 * g1 + 1])
                    + gxmat[9 * g1 + 8] * (gxpos[3 * g2 + 2] - gxpos[3 * g1 + 2]);
            return d <= m.geomRbound[g2] + margin;
        }
        double dx = gxpos[3 * g1] - gxpos[3 * g2], dy = gxpos[3 * g1 + 1] - gxpos[3 * g2 + 1],
                dz = gxpos[3 * g1 + 2] - gxpos[3 * g2 + 2];
        double r = m.geomRbound[g1] + m.geomRbound[g2] + margin;
        return dx * dx + dy * dy + dz * dz <= r * r;
    }

    private static String name(Model m, int g) {
        return g < m.geomName.length && m.geomName[g] != null && !m.geomName[g].isEmpty() ? m.geomName[g] : "#" + g;
    }
}
