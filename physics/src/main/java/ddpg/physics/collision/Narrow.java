package ddpg.physics.collision;

/**
 * Narrow phase: one function per pair of geom types, on world poses only ({@code xpos} ngeom x 3, {@code xmat}
 * ngeom x 9 row-major, {@code size} ngeom x 3 as in {@code Model.geomSize}). Each appends 0, 1 or 2 contacts to
 * {@code out} (distance, midpoint, frame with the normal from the first geom towards the second) and returns how
 * many. A contact is reported when the signed distance is at most {@code margin}.
 *
 * <p>Conventions (MuJoCo's): a plane is the infinite plane through its origin with normal = its local z axis; a
 * sphere has radius size[0]; a capsule is a segment along its local z axis of half-length size[1], inflated by
 * radius size[0]. Everything reduces to "sphere against plane" or "sphere against sphere" at the closest points.
 */
public final class Narrow {
    private Narrow() {}

    /** Plane g1, sphere g2. */
    public static int planeSphere(double[] xpos, double[] xmat, double[] size, int plane, int sphere, double margin,
                                  Contacts out) {
        return sphereOnPlane(xpos, xmat, plane, xpos[3 * sphere], xpos[3 * sphere + 1], xpos[3 * sphere + 2],
                size[3 * sphere], 0, 0, 0, margin, out);
    }

    /**
     * Plane g1, capsule g2: the two cap spheres are tested separately, so a capsule lying on the plane gives two
     * contacts (first the cap at +axis, then at -axis). The capsule axis is the first tangent of both frames.
     */
    public static int planeCapsule(double[] xpos, double[] xmat, double[] size, int plane, int capsule, double margin,
                                   Contacts out) {
        double r = size[3 * capsule], h = size[3 * capsule + 1];
        double ax = xmat[9 * capsule + 2], ay = xmat[9 * capsule + 5], az = xmat[9 * capsule + 8];
        double cx = xpos[3 * capsule], cy = xpos[3 * capsule + 1], cz = xpos[3 * capsule + 2];
        int n = sphereOnPlane(xpos, xmat, plane, cx + h * ax, cy + h * ay, cz + h * az, r, ax, ay, az, margin, out);
        n += sphereOnPlane(xpos, xmat, plane, cx - h * ax, cy - h * ay, cz - h * az, r, ax, ay, az, margin, out);
        return n;
    }

    /**
     * Plane g1, box g2 (half-sizes size[0..2]): one contact per corner within the margin, at most four. Corners are
     * visited in bit order (bit k set = +size along box axis k), skipping the four on the half of the box that faces
     * away from the plane, so a deeply sunk box reports its four deepest corners. (This is what MuJoCo 2.2.2 does on
     * hand-made configurations run through mjref: a level box gives its four bottom corners (-x-y, +x-y, -x+y,
     * +x+y); a sunk box tilted 45 degrees about x gives corners 0, 1, 4, 5.) The frame is the plane normal,
     * completed as usual.
     */
    public static int planeBox(double[] xpos, double[] xmat, double[] size, int plane, int box, double margin,
                               Contacts out) {
        double nx = xmat[9 * plane + 2], ny = xmat[9 * plane + 5], nz = xmat[9 * plane + 8];
        int r = 9 * box;
        double cx = xpos[3 * box], cy = xpos[3 * box + 1], cz = xpos[3 * box + 2];
        double centre = nx * (cx - xpos[3 * plane]) + ny * (cy - xpos[3 * plane + 1]) + nz * (cz - xpos[3 * plane + 2]);
        int n = 0;
        for (int i = 0; i < 8 && n < 4; i++) {
            double vx = 0, vy = 0, vz = 0;
            for (int k = 0; k < 3; k++) {
                double e = ((i >> k) & 1) != 0 ? size[3 * box + k] : -size[3 * box + k];
                vx += e * xmat[r + k];
                vy += e * xmat[r + 3 + k];
                vz += e * xmat[r + 6 + k];
            }
            double ld = nx * vx + ny * vy + nz * vz;
            if (ld > 0) continue;                   // upper half: never among the deepest four
            double dist = centre + ld;
            if (dist > margin) continue;
            double back = dist / 2;
            out.add(dist, cx + vx - back * nx, cy + vy - back * ny, cz + vz - back * nz, nx, ny, nz, 0, 0, 0);
            n++;
        }
        return n;
    }

    /**
     * Plane g1, cylinder g2 (radius size[0], half-height size[1]): up to four rim points, each reported when within
     * the margin, in this order: the deepest point of the lower disc, the same point on the other disc, and the lower
     * disc's points 120 degrees either side of the deepest one. Worked out in the cylinder's frame, as MuJoCo 2.2.2
     * does (found with mjref on hand-made configurations): the deepest direction is the normal's in-disc component
     * reversed (the cylinder's x axis when it stands upright), the lower disc is the -z one unless the normal points
     * down the axis, and the 120-degree points turn counter-clockwise about the axis pointing away from the plane.
     */
    public static int planeCylinder(double[] xpos, double[] xmat, double[] size, int plane, int cyl, double margin,
                                    Contacts out) {
        double nx = xmat[9 * plane + 2], ny = xmat[9 * plane + 5], nz = xmat[9 * plane + 8];
        int r = 9 * cyl;
        // normal in the cylinder frame (R' n)
        double lx = xmat[r] * nx + xmat[r + 3] * ny + xmat[r + 6] * nz;
        double ly = xmat[r + 1] * nx + xmat[r + 4] * ny + xmat[r + 7] * nz;
        double lz = xmat[r + 2] * nx + xmat[r + 5] * ny + xmat[r + 8] * nz;
        double rad = size[3 * cyl], h = size[3 * cyl + 1];
        double vx = -lx, vy = -ly, vn = Math.sqrt(vx * vx + vy * vy);
        if (vn < 1e-15) { vx = 1; vy = 0; } else { vx /= vn; vy /= vn; }
        double sgn = lz >= 0 ? 1 : -1;              // lower disc at z = -sgn h
        double c = -0.5, sn = sgn * Math.sqrt(3) / 2;  // cos and signed sin of 120 degrees
        int n = 0;
        n += rimPoint(xpos, xmat, plane, cyl, rad * vx, rad * vy, -sgn * h, nx, ny, nz, margin, out);
        n += rimPoint(xpos, xmat, plane, cyl, rad * vx, rad * vy, sgn * h, nx, ny, nz, margin, out);
        n += rimPoint(xpos, xmat, plane, cyl, rad * (c * vx - sn * vy), rad * (sn * vx + c * vy), -sgn * h, nx, ny, nz,
                margin, out);
        n += rimPoint(xpos, xmat, plane, cyl, rad * (c * vx + sn * vy), rad * (-sn * vx + c * vy), -sgn * h, nx, ny,
                nz, margin, out);
        return n;
    }

    /** The cylinder-frame point (px, py, pz) of geom g against plane p with normal n. */
    private static int rimPoint(double[] xpos, double[] xmat, int p, int g, double px, double py, double pz,
                                double nx, double ny, double nz, double margin, Contacts out) {
        int r = 9 * g;
        double wx = xpos[3 * g] + xmat[r] * px + xmat[r + 1] * py + xmat[r + 2] * pz;
        double wy = xpos[3 * g + 1] + xmat[r + 3] * px + xmat[r + 4] * py + xmat[r + 5] * pz;
        double wz = xpos[3 * g + 2] + xmat[r + 6] * px + xmat[r + 7] * py + xmat[r + 8] * pz;
        double dist = nx * (wx - xpos[3 * p]) + ny * (wy - xpos[3 * p + 1]) + nz * (wz - xpos[3 * p + 2]);
        if (dist > margin) return 0;
        double back = dist / 2;
        out.add(dist, wx - back * nx, wy - back * ny, wz - back * nz, nx, ny, nz, 0, 0, 0);
        return 1;
    }

    /** Sphere g1, sphere g2. */
    public static int sphereSphere(double[] xpos, double[] size, int s1, int s2, double margin, Contacts out) {
        return spheres(xpos[3 * s1], xpos[3 * s1 + 1], xpos[3 * s1 + 2], size[3 * s1],
                xpos[3 * s2], xpos[3 * s2 + 1], xpos[3 * s2 + 2], size[3 * s2], margin, out);
    }

    /** Sphere g1, capsule g2: the sphere against the closest point of the capsule's segment. */
    public static int sphereCapsule(double[] xpos, double[] xmat, double[] size, int sphere, int capsule,
                                    double margin, Contacts out) {
        double sx = xpos[3 * sphere], sy = xpos[3 * sphere + 1], sz = xpos[3 * sphere + 2];
        double cx = xpos[3 * capsule], cy = xpos[3 * capsule + 1], cz = xpos[3 * capsule + 2];
        double ax = xmat[9 * capsule + 2], ay = xmat[9 * capsule + 5], az = xmat[9 * capsule + 8];
        double h = size[3 * capsule + 1];
        double t = clamp(ax * (sx - cx) + ay * (sy - cy) + az * (sz - cz), h);
        return spheres(sx, sy, sz, size[3 * sphere], cx + t * ax, cy + t * ay, cz + t * az, size[3 * capsule],
                margin, out);
    }

    /**
     * Capsule g1, capsule g2: spheres at the closest points of the two segments; exactly parallel capsules get a
     * contact at each end of their overlap instead ({@link #parallelCapsules}).
     */
    public static int capsuleCapsule(double[] xpos, double[] xmat, double[] size, int c1, int c2, double margin,
                                     Contacts out) {
        double ax = xmat[9 * c1 + 2], ay = xmat[9 * c1 + 5], az = xmat[9 * c1 + 8];
        double bx = xmat[9 * c2 + 2], by = xmat[9 * c2 + 5], bz = xmat[9 * c2 + 8];
        double h1 = size[3 * c1 + 1], h2 = size[3 * c2 + 1];
        double dx = xpos[3 * c1] - xpos[3 * c2], dy = xpos[3 * c1 + 1] - xpos[3 * c2 + 1],
                dz = xpos[3 * c1 + 2] - xpos[3 * c2 + 2];
        // segment points P(s) = c1 + s a, Q(t) = c2 + t b with unit a, b; stationarity: s = b.a t - a.d,
        // t = b.d + a.b s.
        double ab = ax * bx + ay * by + az * bz, ad = ax * dx + ay * dy + az * dz, bd = bx * dx + by * dy + bz * dz;
        double denom = 1 - ab * ab;
        if (denom < PARALLEL) {
            int n = parallelCapsules(xpos, size, c1, c2, ax, ay, az, bx, by, bz, h1, h2, margin, out);
            if (n >= 0) return n;
        }
        double s = denom >= PARALLEL ? clamp((ab * bd - ad) / denom, h1) : 0;
        double t = bd + ab * s;
        if (t < -h2 || t > h2) {
            t = clamp(t, h2);
            s = clamp(ab * t - ad, h1);
        }
        // if the axes intersect, the normal is their cross product (checked with mjref), not undefined
        double cx = ay * bz - az * by, cy = az * bx - ax * bz, cz = ax * by - ay * bx;
        double cn = Math.sqrt(cx * cx + cy * cy + cz * cz);
        if (cn > 0) { cx /= cn; cy /= cn; cz /= cn; } else { cx = 1; cy = 0; cz = 0; }
        return spheres(xpos[3 * c1] + s * ax, xpos[3 * c1 + 1] + s * ay, xpos[3 * c1 + 2] + s * az, size[3 * c1],
                xpos[3 * c2] + t * bx, xpos[3 * c2 + 1] + t * by, xpos[3 * c2 + 2] + t * bz, size[3 * c2],
                margin, cx, cy, cz, out);
    }

    /** sin^2 of the angle between two capsule axes below which MuJoCo 2.2.2 treats them as parallel. */
    static final double PARALLEL = 1e-15;

    /**
     * Parallel capsules touch along a whole stretch; MuJoCo 2.2.2 then reports one contact per segment end that lies
     * over the other segment: the first capsule's ends (-axis, +axis), then the second's, each against its
     * projection on the other axis. (Observed with mjref on hand-made models: capsules along x over [-0.5, 0.5] and
     * [-0.2, 0.8] give contacts at x = 0.5 and x = -0.2, in that order; parallel means an angle below about 1e-7.)
     * Returns -1 when no end lies over the other segment (side by side without overlap): the general closest-point
     * rule applies then.
     */
    private static int parallelCapsules(double[] xpos, double[] size, int c1, int c2, double ax, double ay, double az,
                                        double bx, double by, double bz, double h1, double h2, double margin,
                                        Contacts out) {
        double p1x = xpos[3 * c1], p1y = xpos[3 * c1 + 1], p1z = xpos[3 * c1 + 2];
        double p2x = xpos[3 * c2], p2y = xpos[3 * c2 + 1], p2z = xpos[3 * c2 + 2];
        double r1 = size[3 * c1], r2 = size[3 * c2];
        int n = 0;
        boolean any = false;
        for (int k = 0; k < 2; k++) {               // ends of the first segment over the second
            double e = k == 0 ? -h1 : h1;
            double ex = p1x + e * ax, ey = p1y + e * ay, ez = p1z + e * az;
            double t = bx * (ex - p2x) + by * (ey - p2y) + bz * (ez - p2z);
            if (t < -h2 || t > h2) continue;
            any = true;
            n += spheres(ex, ey, ez, r1, p2x + t * bx, p2y + t * by, p2z + t * bz, r2, margin, out);
        }
        for (int k = 0; k < 2; k++) {               // ends of the second segment over the first
            double e = k == 0 ? -h2 : h2;
            double ex = p2x + e * bx, ey = p2y + e * by, ez = p2z + e * bz;
            double t = ax * (ex - p1x) + ay * (ey - p1y) + az * (ez - p1z);
            if (t < -h1 || t > h1) continue;
            any = true;
            n += spheres(p1x + t * ax, p1y + t * ay, p1z + t * az, r1, ex, ey, ez, r2, margin, out);
        }
        return any ? n : -1;
    }

    /** A sphere (centre p, radius r) against plane g; (tx,ty,tz) is the tangent hint for the frame. */
    static int sphereOnPlane(double[] xpos, double[] xmat, int plane, double px, double py, double pz, double r,
                             double tx, double ty, double tz, double margin, Contacts out) {
        double nx = xmat[9 * plane + 2], ny = xmat[9 * plane + 5], nz = xmat[9 * plane + 8];
        double dist = nx * (px - xpos[3 * plane]) + ny * (py - xpos[3 * plane + 1]) + nz * (pz - xpos[3 * plane + 2])
                - r;
        if (dist > margin) return 0;
        double back = r + dist / 2;
        out.add(dist, px - back * nx, py - back * ny, pz - back * nz, nx, ny, nz, tx, ty, tz);
        return 1;
    }

    /** Two spheres; the normal points from the first centre to the second (x axis if the centres coincide). */
    static int spheres(double x1, double y1, double z1, double r1, double x2, double y2, double z2, double r2,
                       double margin, Contacts out) {
        return spheres(x1, y1, z1, r1, x2, y2, z2, r2, margin, 1, 0, 0, out);
    }

    /** Two spheres; (fx, fy, fz) is the unit normal used when the centres coincide. */
    static int spheres(double x1, double y1, double z1, double r1, double x2, double y2, double z2, double r2,
                       double margin, double fx, double fy, double fz, Contacts out) {
        double dx = x2 - x1, dy = y2 - y1, dz = z2 - z1;
        double len = Math.sqrt(dx * dx + dy * dy + dz * dz);
        double dist = len - r1 - r2;
        if (dist > margin) return 0;
        double nx, ny, nz;
        if (len > 1e-15) { nx = dx / len; ny = dy / len; nz = dz / len; } else { nx = fx; ny = fy; nz = fz; }
        double fwd = r1 + dist / 2;
        out.add(dist, x1 + fwd * nx, y1 + fwd * ny, z1 + fwd * nz, nx, ny, nz, 0, 0, 0);
        return 1;
    }

    private static double clamp(double v, double h) { return v < -h ? -h : (v > h ? h : v); }
}
