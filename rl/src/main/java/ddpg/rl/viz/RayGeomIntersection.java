package ddpg.rl.viz;

/**
 * Ray-geom intersection in the geom's own frame (centre at the origin, MuJoCo's axis conventions). Each method
 * returns the smallest ray parameter t > {@link #EPS} at which the ray o + t d enters the surface, or +infinity, and
 * leaves the local surface normal (unit) and hit point in the {@link Hit} it is given.
 */
final class RayGeomIntersection {
    static final double EPS = 1e-6;
    static final double INF = Double.POSITIVE_INFINITY;

    /** Scratch output of one intersection: local normal and local hit point. */
    static final class Hit {
        double nx, ny, nz, px, py, pz;

        void set(double nx, double ny, double nz, double ox, double oy, double oz, double dx, double dy, double dz, double t) {
            this.nx = nx;
            this.ny = ny;
            this.nz = nz;
            px = ox + t * dx;
            py = oy + t * dy;
            pz = oz + t * dz;
        }
    }

    private RayGeomIntersection() {}

    static double intersect(int type, double[] s, double ox, double oy, double oz, double dx, double dy, double dz, Hit h) {
        return switch (type) {
            case SceneGeom.SPHERE -> sphere(s[0], 0, ox, oy, oz, dx, dy, dz, h);
            case SceneGeom.CAPSULE -> capsule(s[0], s[1], ox, oy, oz, dx, dy, dz, h);
            case SceneGeom.CYLINDER -> cylinder(s[0], s[1], ox, oy, oz, dx, dy, dz, h);
            case SceneGeom.ELLIPSOID -> ellipsoid(s[0], s[1], s[2], ox, oy, oz, dx, dy, dz, h);
            case SceneGeom.BOX -> box(s[0], s[1], s[2], ox, oy, oz, dx, dy, dz, h);
            case SceneGeom.PLANE -> plane(s[0], s[1], ox, oy, oz, dx, dy, dz, h);
            default -> INF;
        };
    }

    /** Sphere of radius r centred at (0, 0, cz). */
    static double sphere(double r, double cz, double ox, double oy, double oz, double dx, double dy, double dz, Hit h) {
        double qz = oz - cz;
        double a = dx * dx + dy * dy + dz * dz;
        double b = ox * dx + oy * dy + qz * dz; // half of the usual b
        double c = ox * ox + oy * oy + qz * qz - r * r;
        double disc = b * b - a * c;
        if (disc < 0) return INF;
        double t = (-b - Math.sqrt(disc)) / a;
        if (t <= EPS) return INF; // behind, or starting inside: rays from inside see nothing
        h.set(0, 0, 0, ox, oy, oz, dx, dy, dz, t);
        h.nx = h.px / r;
        h.ny = h.py / r;
        h.nz = (h.pz - cz) / r;
        return t;
    }

    /** Capsule: a cylinder of radius r along z over [-hl, hl] with hemispherical ends. */
    static double capsule(double r, double hl, double ox, double oy, double oz, double dx, double dy, double dz, Hit h) {
        double t = sideOfCylinder(r, hl, ox, oy, oz, dx, dy, dz, h);
        if (t < INF) return t;
        // Missed the side within [-hl, hl]: the nearest hit, if any, is the nearer entry into one of the end spheres.
        double top = sphereT(r, hl, ox, oy, oz, dx, dy, dz), bottom = sphereT(r, -hl, ox, oy, oz, dx, dy, dz);
        if (top == INF && bottom == INF) return INF;
        return sphere(r, top <= bottom ? hl : -hl, ox, oy, oz, dx, dy, dz, h);
    }

    /** Just the entry parameter of {@link #sphere}, without touching a Hit. */
    private static double sphereT(double r, double cz, double ox, double oy, double oz, double dx, double dy, double dz) {
        double qz = oz - cz;
        double a = dx * dx + dy * dy + dz * dz;
        double b = ox * dx + oy * dy + qz * dz;
        double c = ox * ox + oy * oy + qz * qz - r * r;
        double disc = b * b - a * c;
        if (disc < 0) return INF;
        double t = (-b - Math.sqrt(disc)) / a;
        return t <= EPS ? INF : t;
    }

    /** Entering hit on the side of an infinite cylinder of radius r along z, kept only if |z| <= hl. */
    private static double sideOfCylinder(double r, double hl, double ox, double oy, double oz, double dx, double dy, double dz, Hit h) {
        double a = dx * dx + dy * dy;
        if (a < 1e-18) return INF;
        double b = ox * dx + oy * dy;
        double c = ox * ox + oy * oy - r * r;
        double disc = b * b - a * c;
        if (disc < 0) return INF;
        double t = (-b - Math.sqrt(disc)) / a;
        if (t <= EPS) return INF;
        double z = oz + t * dz;
        if (z < -hl || z > hl) return INF;
        h.set(0, 0, 0, ox, oy, oz, dx, dy, dz, t);
        h.nx = h.px / r;
        h.ny = h.py / r;
        h.nz = 0;
        return t;
    }

    /** Solid cylinder of radius r along z over [-hl, hl], with flat caps. */
    static double cylinder(double r, double hl, double ox, double oy, double oz, double dx, double dy, double dz, Hit h) {
        double best = sideOfCylinder(r, hl, ox, oy, oz, dx, dy, dz, h);
        if (dz != 0) {
            for (int sgn = -1; sgn <= 1; sgn += 2) {
                double t = (sgn * hl - oz) / dz;
                if (t <= EPS || t >= best || dz * sgn > 0) continue; // a cap is entered only from its outside
                double x = ox + t * dx, y = oy + t * dy;
                if (x * x + y * y <= r * r) {
                    best = t;
                    h.set(0, 0, sgn, ox, oy, oz, dx, dy, dz, t);
                }
            }
        }
        return best;
    }

    /** Ellipsoid with semi-axes (a, b, c): a unit sphere after scaling. */
    static double ellipsoid(double a, double b, double c, double ox, double oy, double oz, double dx, double dy, double dz, Hit h) {
        double sx = ox / a, sy = oy / b, sz = oz / c, ex = dx / a, ey = dy / b, ez = dz / c;
        double qa = ex * ex + ey * ey + ez * ez;
        double qb = sx * ex + sy * ey + sz * ez;
        double qc = sx * sx + sy * sy + sz * sz - 1;
        double disc = qb * qb - qa * qc;
        if (disc < 0) return INF;
        double t = (-qb - Math.sqrt(disc)) / qa;
        if (t <= EPS) return INF;
        h.set(0, 0, 0, ox, oy, oz, dx, dy, dz, t);
        double nx = h.px / (a * a), ny = h.py / (b * b), nz = h.pz / (c * c);
        double n = Math.sqrt(nx * nx + ny * ny + nz * nz);
        h.nx = nx / n;
        h.ny = ny / n;
        h.nz = nz / n;
        return t;
    }

    /** Box with half-extents (a, b, c): the slab method. */
    static double box(double a, double b, double c, double ox, double oy, double oz, double dx, double dy, double dz, Hit h) {
        double tNear = Double.NEGATIVE_INFINITY, tFar = INF;
        int axis = -1;
        double[] half = {a, b, c};
        double[] o = {ox, oy, oz}, d = {dx, dy, dz};
        for (int k = 0; k < 3; k++) {
            if (Math.abs(d[k]) < 1e-18) {
                if (o[k] < -half[k] || o[k] > half[k]) return INF;
                continue;
            }
            double t1 = (-half[k] - o[k]) / d[k], t2 = (half[k] - o[k]) / d[k];
            if (t1 > t2) {
                double tmp = t1;
                t1 = t2;
                t2 = tmp;
            }
            if (t1 > tNear) {
                tNear = t1;
                axis = k;
            }
            tFar = Math.min(tFar, t2);
            if (tNear > tFar) return INF;
        }
        if (axis < 0 || tNear <= EPS) return INF;
        double sgn = d[axis] > 0 ? -1 : 1;
        h.set(axis == 0 ? sgn : 0, axis == 1 ? sgn : 0, axis == 2 ? sgn : 0, ox, oy, oz, dx, dy, dz, tNear);
        return tNear;
    }

    /** One-sided plane z = 0 facing +z, limited to |x| <= hx, |y| <= hy (0 = unlimited). */
    static double plane(double hx, double hy, double ox, double oy, double oz, double dx, double dy, double dz, Hit h) {
        if (dz >= 0 || oz <= 0) return INF; // seen from behind or moving away: invisible, as in MuJoCo
        double t = -oz / dz;
        if (t <= EPS) return INF;
        double x = ox + t * dx, y = oy + t * dy;
        if ((hx > 0 && Math.abs(x) > hx) || (hy > 0 && Math.abs(y) > hy)) return INF;
        h.set(0, 0, 1, ox, oy, oz, dx, dy, dz, t);
        return t;
    }
}
