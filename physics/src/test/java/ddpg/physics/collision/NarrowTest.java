package ddpg.physics.collision;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each narrow-phase function on a configuration whose answer is worked out by hand in the comments. */
class NarrowTest {
    static final double EPS = 1e-14;
    static final double[] IDENTITY = {1, 0, 0, 0, 1, 0, 0, 0, 1};
    /** Local z along world x. */
    static final double[] Z_TO_X = {0, 0, 1, 0, 1, 0, -1, 0, 0};
    /** Local z along world y. */
    static final double[] Z_TO_Y = {1, 0, 0, 0, 0, 1, 0, -1, 0};

    static double[] mats(double[]... ms) {
        double[] r = new double[9 * ms.length];
        for (int i = 0; i < ms.length; i++) System.arraycopy(ms[i], 0, r, 9 * i, 9);
        return r;
    }

    static double[] frame(Contacts c, int i) { return java.util.Arrays.copyOfRange(c.frame, 9 * i, 9 * i + 9); }
    static double[] pos(Contacts c, int i) { return java.util.Arrays.copyOfRange(c.pos, 3 * i, 3 * i + 3); }

    @Test
    void planeSphere() {
        // sphere r 0.5 centred 0.3 above the z=0 plane: 0.2 deep, contact point midway: z = 0.3 - (0.5 - 0.1)
        double[] xpos = {0, 0, 0, 1, 2, 0.3}, size = {0, 0, 0, 0.5, 0, 0};
        Contacts c = new Contacts(2);
        assertEquals(1, Narrow.planeSphere(xpos, mats(IDENTITY, IDENTITY), size, 0, 1, 0, c));
        assertEquals(-0.2, c.dist[0], EPS);
        assertArrayEquals(new double[]{1, 2, -0.1}, pos(c, 0), EPS);
        // normal +z; default tangent y (normal's y is 0); second tangent z x y = -x
        assertArrayEquals(new double[]{0, 0, 1, 0, 1, 0, -1, 0, 0}, frame(c, 0), EPS);
        // lifted clear of the plane: nothing
        xpos[5] = 0.6;
        assertEquals(0, Narrow.planeSphere(xpos, mats(IDENTITY, IDENTITY), size, 0, 1, 0, c));
        assertEquals(1, c.count);
    }

    @Test
    void planeCapsuleLyingFlatGivesTwoContacts() {
        // capsule along x, half-length 1, radius 0.2, axis 0.1 above the plane: both caps 0.1 deep
        double[] xpos = {0, 0, 0, 0, 0, 0.1}, size = {0, 0, 0, 0.2, 1, 0};
        Contacts c = new Contacts(2);
        assertEquals(2, Narrow.planeCapsule(xpos, mats(IDENTITY, Z_TO_X), size, 0, 1, 0, c));
        assertEquals(-0.1, c.dist[0], EPS);
        assertEquals(-0.1, c.dist[1], EPS);
        assertArrayEquals(new double[]{1, 0, -0.05}, pos(c, 0), EPS);   // +axis cap first
        assertArrayEquals(new double[]{-1, 0, -0.05}, pos(c, 1), EPS);
        // first tangent = capsule axis (x); second = z x x = y
        assertArrayEquals(new double[]{0, 0, 1, 1, 0, 0, 0, 1, 0}, frame(c, 0), EPS);
    }

    @Test
    void planeCapsuleTiltedTouchesWithOneCap() {
        // capsule axis tilted 45 degrees in the x-z plane: caps at heights 0.5 +- sqrt(0.5); only the lower one
        // (the -axis cap, at z = 0.5 - 0.70710678) reaches below r = 0.1
        double s = Math.sqrt(0.5);
        double[] rot = {s, 0, s, 0, 1, 0, -s, 0, s};   // local z -> (s, 0, s)
        double[] xpos = {0, 0, 0, 0, 0, 0.5}, size = {0, 0, 0, 0.1, 1, 0};
        Contacts c = new Contacts(2);
        assertEquals(1, Narrow.planeCapsule(xpos, mats(IDENTITY, rot), size, 0, 1, 0, c));
        assertEquals(0.5 - s - 0.1, c.dist[0], EPS);
        // tangent: axis (s,0,s) minus its normal part -> (1,0,0)
        assertArrayEquals(new double[]{0, 0, 1, 1, 0, 0, 0, 1, 0}, frame(c, 0), EPS);
    }

    @Test
    void uprightCapsuleOnAPlaneUsesTheXAxisAsTangent() {
        // capsule axis exactly along the normal: nothing of the axis is left in the tangent plane. Real MuJoCo 2.2.2
        // (mjref, capsule standing on the floor) reports the lower cap with frame (0,0,1 | 1,0,0 | 0,1,0)
        double[] xpos = {0, 0, 0, 0.3, 0.2, 0.29}, size = {0, 0, 0, 0.1, 0.2, 0};
        double[] down = {1, 0, 0, 0, -1, 0, 0, 0, -1};   // local z -> world -z, as MuJoCo compiles fromto along +z
        Contacts c = new Contacts(2);
        assertEquals(1, Narrow.planeCapsule(xpos, mats(IDENTITY, down), size, 0, 1, 0, c));
        assertEquals(-0.01, c.dist[0], 1e-12);
        assertArrayEquals(new double[]{0, 0, 1, 1, 0, 0, 0, 1, 0}, frame(c, 0), EPS);
    }

    @Test
    void planeBoxReportsTheLowerCornersInBitOrder() {
        // box half-sizes (0.3, 0.2, 0.1) level, centre 0.095 above the plane: its four bottom corners are 0.005 deep,
        // in corner-bit order -x-y, +x-y, -x+y, +x+y; the contact point is half the depth above each corner
        double[] xpos = {0, 0, 0, 0, 0, 0.095}, size = {0, 0, 0, 0.3, 0.2, 0.1};
        Contacts c = new Contacts(2);
        assertEquals(4, Narrow.planeBox(xpos, mats(IDENTITY, IDENTITY), size, 0, 1, 0, c));
        double[][] corners = {{-0.3, -0.2}, {0.3, -0.2}, {-0.3, 0.2}, {0.3, 0.2}};
        for (int k = 0; k < 4; k++) {
            assertEquals(-0.005, c.dist[k], EPS);
            assertArrayEquals(new double[]{corners[k][0], corners[k][1], -0.0025}, pos(c, k), EPS);
        }
        // sunk completely (centre 0.5 below): still only the four corners of the lower half
        xpos[5] = -0.5;
        c.clear();
        assertEquals(4, Narrow.planeBox(xpos, mats(IDENTITY, IDENTITY), size, 0, 1, 0, c));
        for (int k = 0; k < 4; k++) assertEquals(-0.6, c.dist[k], EPS);
    }

    @Test
    void sphereSphere() {
        // centres 5 apart along (0.6, 0.8, 0), radii 1 and 4.5: 0.5 overlap, point 1 - 0.25 along the normal
        double[] xpos = {0, 0, 0, 3, 4, 0}, size = {1, 0, 0, 4.5, 0, 0};
        Contacts c = new Contacts(2);
        assertEquals(1, Narrow.sphereSphere(xpos, size, 0, 1, 0, c));
        assertEquals(-0.5, c.dist[0], EPS);
        assertArrayEquals(new double[]{0.45, 0.6, 0}, pos(c, 0), EPS);
        // normal's y = 0.8 >= 0.5: tangent from world z; second tangent n x z = (0.8, -0.6, 0)
        assertArrayEquals(new double[]{0.6, 0.8, 0, 0, 0, 1, 0.8, -0.6, 0}, frame(c, 0), EPS);
    }

    @Test
    void sphereCapsuleNearTheCap() {
        // capsule along x (h 1, r 0.3) at the origin; sphere r 0.3 at (1.2, 0, 0.3): closest segment point is the
        // end (1,0,0); centre distance sqrt(0.04 + 0.09)
        double[] xpos = {1.2, 0, 0.3, 0, 0, 0}, size = {0.3, 0, 0, 0.3, 1, 0};
        Contacts c = new Contacts(2);
        assertEquals(1, Narrow.sphereCapsule(xpos, mats(IDENTITY, Z_TO_X), size, 0, 1, 0, c));
        double len = Math.sqrt(0.13);
        assertEquals(len - 0.6, c.dist[0], EPS);
        double nx = -0.2 / len, nz = -0.3 / len;
        assertArrayEquals(new double[]{nx, 0, nz}, java.util.Arrays.copyOf(frame(c, 0), 3), EPS);
        double fwd = 0.3 + (len - 0.6) / 2;
        assertArrayEquals(new double[]{1.2 + fwd * nx, 0, 0.3 + fwd * nz}, pos(c, 0), EPS);
    }

    @Test
    void capsuleCapsuleCrossing() {
        // capsule 1 along x at the origin, capsule 2 along y centred at (0.5, 0, 0.15), both r 0.1: closest points
        // (0.5,0,0) and (0.5,0,0.15), 0.05 deep, normal +z, contact point at z = 0.075
        double[] xpos = {0, 0, 0, 0.5, 0, 0.15}, size = {0.1, 1, 0, 0.1, 1, 0};
        Contacts c = new Contacts(2);
        assertEquals(1, Narrow.capsuleCapsule(xpos, mats(Z_TO_X, Z_TO_Y), size, 0, 1, 0, c));
        assertEquals(-0.05, c.dist[0], EPS);
        assertArrayEquals(new double[]{0.5, 0, 0.075}, pos(c, 0), EPS);
        assertArrayEquals(new double[]{0, 0, 1, 0, 1, 0, -1, 0, 0}, frame(c, 0), EPS);
    }

    @Test
    void capsuleCapsuleEndToEnd() {
        // collinear-free case where both closest points are clamped to segment ends: capsule 1 along x centred at
        // the origin (h 1), capsule 2 along y centred at (2.1, 1.05, 0) (h 1): its -y end (2.1, 0.05, 0) against
        // capsule 1's +x end (1, 0, 0); distance sqrt(1.21 + 0.0025) - 2 r
        double[] xpos = {0, 0, 0, 2.1, 1.05, 0}, size = {0.6, 1, 0, 0.6, 1, 0};
        Contacts c = new Contacts(2);
        assertEquals(1, Narrow.capsuleCapsule(xpos, mats(Z_TO_X, Z_TO_Y), size, 0, 1, 0, c));
        assertEquals(Math.sqrt(1.21 + 0.0025) - 1.2, c.dist[0], EPS);
    }

    @Test
    void parallelCapsulesTouchAtBothEndsOfTheOverlap() {
        // both along x, r 0.1: [-0.5, 0.5] at z = 0 and [-0.2, 0.8] at z = 0.19 (0.01 deep). Real MuJoCo 2.2.2 (mjref
        // on this configuration) reports x = 0.5 (first capsule's +end over the second) then x = -0.2 (second's
        // -end over the first), both at z = 0.095
        double[] xpos = {0, 0, 0, 0.3, 0, 0.19}, size = {0.1, 0.5, 0, 0.1, 0.5, 0};
        Contacts c = new Contacts(2);
        assertEquals(2, Narrow.capsuleCapsule(xpos, mats(Z_TO_X, Z_TO_X), size, 0, 1, 0, c));
        assertArrayEquals(new double[]{0.5, 0, 0.095}, pos(c, 0), 1e-12);
        assertArrayEquals(new double[]{-0.2, 0, 0.095}, pos(c, 1), 1e-12);
        assertEquals(-0.01, c.dist[0], 1e-12);
        assertEquals(-0.01, c.dist[1], 1e-12);
        // the second capsule covering the first: the first one's ends, -end first (MuJoCo: x = -0.5, then 0.5)
        double[] longer = {0, 0, 0, 0.3, 0, 0.19}, sizes2 = {0.1, 0.5, 0, 0.1, 1, 0};
        c.clear();
        assertEquals(2, Narrow.capsuleCapsule(longer, mats(Z_TO_X, Z_TO_X), sizes2, 0, 1, 0, c));
        assertEquals(-0.5, c.pos[0], 1e-12);
        assertEquals(0.5, c.pos[3], 1e-12);
        // tilted by 1e-3 rad: not parallel any more, one contact at the closest points
        double t = 1e-3;
        double[] tilted = {Math.sin(t), 0, Math.cos(t), 0, 1, 0, -Math.cos(t), 0, Math.sin(t)};
        c.clear();
        assertEquals(1, Narrow.capsuleCapsule(xpos, mats(Z_TO_X, tilted), size, 0, 1, 0, c));
    }

    @Test
    void degenerateCentresFollowMuJoCo() {
        // each case run through real MuJoCo 2.2.2 with mjref: coincident sphere centres -> normal +x; capsule axes
        // that intersect -> normal = axis1 x axis2 (capsules along -x and -y crossing at one point: +z)
        double[] same = {0, 0, 1, 0, 0, 1}, radii = {0.1, 0, 0, 0.2, 0, 0};
        Contacts c = new Contacts(2);
        assertEquals(1, Narrow.sphereSphere(same, radii, 0, 1, 0, c));
        assertEquals(-0.3, c.dist[0], EPS);
        assertArrayEquals(new double[]{-0.05, 0, 1}, pos(c, 0), EPS);
        assertArrayEquals(new double[]{1, 0, 0}, java.util.Arrays.copyOf(frame(c, 0), 3), EPS);
        double[] alongMinusX = {0, 0, -1, 0, 1, 0, 1, 0, 0}, alongMinusY = {1, 0, 0, 0, 0, -1, 0, 1, 0};
        double[] crossing = {3, 0, 1, 3, 0, 1}, caps = {0.1, 0.3, 0, 0.1, 0.3, 0};
        c.clear();
        assertEquals(1, Narrow.capsuleCapsule(crossing, mats(alongMinusX, alongMinusY), caps, 0, 1, 0, c));
        assertEquals(-0.2, c.dist[0], EPS);
        assertArrayEquals(new double[]{0, 0, 1}, java.util.Arrays.copyOf(frame(c, 0), 3), EPS);
    }

    @Test
    void marginKeepsNearMissesAndRejectsFartherOnes() {
        double[] xpos = {0, 0, 0, 0, 0, 0.55}, size = {0, 0, 0, 0.5, 0, 0};
        Contacts c = new Contacts(2);
        assertEquals(0, Narrow.planeSphere(xpos, mats(IDENTITY, IDENTITY), size, 0, 1, 0.04, c));
        assertEquals(1, Narrow.planeSphere(xpos, mats(IDENTITY, IDENTITY), size, 0, 1, 0.06, c));
        assertEquals(0.05, c.dist[0], EPS);
    }

    @Test
    void bufferGrowsPastItsCapacity() {
        Contacts c = new Contacts(4);
        for (int i = 0; i < 9; i++) c.add(-i, i, 0, 0, 0, 0, 1, 0, 0, 0);
        assertEquals(9, c.count);
        assertEquals(-8, c.dist[8]);
        assertEquals(8, c.pos[24]);
    }
}
