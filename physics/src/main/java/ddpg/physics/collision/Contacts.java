package ddpg.physics.collision;

/**
 * The contact list of one simulation step, laid out like MuJoCo's {@code mjData.contact} but as flat parallel
 * arrays (contact c occupies {@code pos[3c..3c+2]}, {@code frame[9c..9c+8]}, ...). Preallocated and reused every
 * step; it only grows (doubling) if a step finds more contacts than ever before.
 *
 * <p>Frame: row-major 3x3, {@code frame[9c..9c+2]} is the normal pointing from geom1 towards geom2, the next two
 * rows are the tangents. {@code dist} is the signed distance (negative = penetration); {@code pos} is the point
 * midway between the two surfaces.
 */
public final class Contacts {
    public int count;
    public double[] dist, pos, frame;
    public int[] geom1, geom2, dim;
    /** Combined contact parameters: friction (5 per contact: slide, slide, torsion, roll, roll), solref (2),
     *  solimp (5), margin, gap. */
    public double[] friction, solref, solimp, margin, gap;

    public Contacts(int capacity) {
        allocate(Math.max(capacity, 4));
    }

    private void allocate(int cap) {
        dist = grow(dist, cap);
        pos = grow(pos, 3 * cap);
        frame = grow(frame, 9 * cap);
        geom1 = grow(geom1, cap);
        geom2 = grow(geom2, cap);
        dim = grow(dim, cap);
        friction = grow(friction, 5 * cap);
        solref = grow(solref, 2 * cap);
        solimp = grow(solimp, 5 * cap);
        margin = grow(margin, cap);
        gap = grow(gap, cap);
    }

    public int capacity() { return dist.length; }

    public void clear() { count = 0; }

    /**
     * Appends a contact with its geometry (normal n, optional first tangent t: zero vector = let
     * {@link ContactFrame} choose) and returns its index; geoms and parameters are filled by the caller.
     */
    public int add(double dist, double px, double py, double pz, double nx, double ny, double nz,
                   double tx, double ty, double tz) {
        if (count == this.dist.length) allocate(2 * count);
        int c = count++;
        this.dist[c] = dist;
        pos[3 * c] = px; pos[3 * c + 1] = py; pos[3 * c + 2] = pz;
        ContactFrame.fill(frame, 9 * c, nx, ny, nz, tx, ty, tz);
        return c;
    }

    /** Removes the contacts with index >= n (used when a pair's narrow phase is rejected after the fact). */
    public void truncate(int n) { count = Math.min(count, n); }

    private static double[] grow(double[] a, int n) {
        double[] b = new double[n];
        if (a != null) System.arraycopy(a, 0, b, 0, Math.min(a.length, n));
        return b;
    }

    private static int[] grow(int[] a, int n) {
        int[] b = new int[n];
        if (a != null) System.arraycopy(a, 0, b, 0, Math.min(a.length, n));
        return b;
    }
}
