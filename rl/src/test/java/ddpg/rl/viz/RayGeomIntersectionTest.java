package ddpg.rl.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Ray-geom intersections against hand-computed hit distances and normals. */
class RayGeomIntersectionTest {
    final RayGeomIntersection.Hit h = new RayGeomIntersection.Hit();
    static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void sphere() {
        assertEquals(4.0, RayGeomIntersection.sphere(1, 0, 0, 0, 5, 0, 0, -1, h), 1e-12);
        assertEquals(1.0, h.nz, 1e-12);
        assertEquals(INF, RayGeomIntersection.sphere(1, 0, 0, 1.01, 5, 0, 0, -1, h)); // misses by 1 cm
        assertEquals(INF, RayGeomIntersection.sphere(1, 0, 0, 0, 5, 0, 0, 1, h));     // pointing away
    }

    @Test
    void capsuleSideAndCaps() {
        // r 0.5, half-length 1 along z. From the side at z = 0.3: the cylinder wall at x = -0.5.
        assertEquals(2.5, RayGeomIntersection.capsule(0.5, 1, -3, 0, 0.3, 1, 0, 0, h), 1e-12);
        assertEquals(-1.0, h.nx, 1e-12);
        // From above along the axis: the top of the upper hemisphere, z = 1.5.
        assertEquals(3.5, RayGeomIntersection.capsule(0.5, 1, 0, 0, 5, 0, 0, -1, h), 1e-12);
        assertEquals(1.0, h.nz, 1e-12);
        // From the side at z = 1.3, above the wall: the hemisphere, x = -sqrt(0.25 - 0.09) = -0.4.
        assertEquals(2.6, RayGeomIntersection.capsule(0.5, 1, -3, 0, 1.3, 1, 0, 0, h), 1e-12);
        assertEquals(INF, RayGeomIntersection.capsule(0.5, 1, -3, 0, 1.6, 1, 0, 0, h));
    }

    @Test
    void cylinderSideAndFlatCap() {
        assertEquals(2.5, RayGeomIntersection.cylinder(0.5, 1, -3, 0, 0, 1, 0, 0, h), 1e-12);
        assertEquals(4.0, RayGeomIntersection.cylinder(0.5, 1, 0.2, 0, 5, 0, 0, -1, h), 1e-12); // cap at z = 1
        assertEquals(1.0, h.nz, 1e-12);
        assertEquals(INF, RayGeomIntersection.cylinder(0.5, 1, -3, 0, 1.3, 1, 0, 0, h));      // a capsule would be hit here
        assertEquals(4.0, RayGeomIntersection.cylinder(0.5, 1, 0, 0, -5, 0, 0, 1, h), 1e-12);   // bottom cap from below
        assertEquals(-1.0, h.nz, 1e-12);
    }

    @Test
    void ellipsoidAndBox() {
        assertEquals(3.0, RayGeomIntersection.ellipsoid(2, 1, 0.5, -5, 0, 0, 1, 0, 0, h), 1e-12);
        assertEquals(-1.0, h.nx, 1e-12);
        assertEquals(4.5, RayGeomIntersection.ellipsoid(2, 1, 0.5, 0, 0, 5, 0, 0, -1, h), 1e-12);
        assertEquals(2.0, RayGeomIntersection.box(1, 2, 3, 0, -4, 0.5, 0, 1, 0, h), 1e-12);
        assertEquals(-1.0, h.ny, 1e-12);
        // Diagonal ray into the corner region: enters through x = -1 at t where y is still inside.
        double s = Math.sqrt(0.5);
        assertEquals(Math.sqrt(2) * 1, RayGeomIntersection.box(1, 1, 1, -2, -1.5, 0, s, s, 0, h), 1e-12);
        assertEquals(-1.0, h.nx, 1e-12);
        assertEquals(INF, RayGeomIntersection.box(1, 1, 1, -2, 1.5, 0, 1, 0, 0, h));
    }

    @Test
    void planeIsOneSidedAndBounded() {
        assertEquals(2.0, RayGeomIntersection.plane(0, 0, 0.5, 0.5, 2, 0, 0, -1, h), 1e-12);
        assertEquals(0.5, h.px, 1e-12);
        assertEquals(INF, RayGeomIntersection.plane(0, 0, 0, 0, -2, 0, 0, 1, h));  // from below
        assertEquals(INF, RayGeomIntersection.plane(0.4, 0, 0.5, 0, 2, 0, 0, -1, h)); // outside the x half-size
    }
}
