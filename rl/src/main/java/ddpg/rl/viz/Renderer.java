package ddpg.rl.viz;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;

/**
 * A small software renderer: one ray per pixel, intersected analytically with every geom whose screen-space bounds
 * contain the pixel (so a pixel costs a handful of cheap tests, not one per geom). Shading is Lambert from a key light
 * (with a hard shadow ray) plus a headlight and ambient, like MuJoCo's default lighting, in a few flat bands per
 * material ({@link #SHADE_STEP}); misses see a sky gradient.
 * Pixels on an edge (a different geom or shadow state than a neighbour) are re-sampled with four rays, which
 * antialiases silhouettes for a fraction of the cost of full supersampling; the floor's checker is filtered
 * analytically instead.
 *
 * <p>A frame is split into bands of rows traced in parallel ({@link #threads}); the result does not depend on the
 * thread count. A Renderer is not itself thread-safe: one per caller thread.
 */
public final class Renderer {
    public static final int DEFAULT_WIDTH = 320, DEFAULT_HEIGHT = 240;

    // Lighting (tuned by eye to resemble the Control Suite's look).
    static final double AMBIENT = 0.30, HEADLIGHT = 0.40, KEY = 0.55, SPECULAR = 0.18; // highlight exponent 24
    /**
     * Light on bodies is rounded to steps of this much (of 0.3..1.25), the highlight to steps of half its peak: a
     * limb is then a few flat bands, not a different colour every pixel, and a GIF stores a band as one run (a
     * random-policy walker under a camera that never moves: 998 KB smooth, 609 KB banded). At 0.15 the bands still
     * read as shading.
     */
    static final double SHADE_STEP = 0.15, SPECULAR_STEP = SPECULAR / 2;
    static final double PLANE_HEADLIGHT = 0.6;
    static final double[] TO_LIGHT = Vec.normalize(new double[] {0.35, -0.45, 1}); // slightly in front and to the side
    // The Control Suite's "grid" texture: two blues.
    static final float[] CHECKER_A = {0.12f, 0.22f, 0.33f}, CHECKER_B = {0.22f, 0.33f, 0.45f};
    static final double CHECKER_STEPS = 1; // shades between the two blues on each side of their mean
    static final float[] SKY_TOP = {0.42f, 0.60f, 0.80f}, SKY_BOTTOM = {0.02f, 0.03f, 0.05f};

    private final int width, height;
    private double checkerSize = 0.5;

    // ---- per-frame state, prepared in render() ----
    private int n;
    private int[] type = new int[0];
    private double[][] size = new double[0][], gpos = new double[0][], mat = new double[0][];
    private double[][] camLocal = new double[0][]; // camera position in each geom's frame
    private float[][] color = new float[0][];
    private boolean[] checker = new boolean[0];
    private double[] bound = new double[0];
    private double[] rx0 = new double[0], rx1 = new double[0], ry0 = new double[0], ry1 = new double[0];
    private double ox, oy, oz, focal;
    // one sphere around every shadow caster: most floor pixels' shadow rays miss it and skip the per-geom tests
    private double castX, castY, castZ, castR = -1;
    /** Pixels re-sampled as edges in the last frame (for tests and tuning). */
    private int lastEdgePixels;
    private double[] right, up, fwd;

    private int threads = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    private Scratch[] scratch = new Scratch[0];

    /** One worker's scratch: its hit records, the last colour and edge key it traced. */
    private static final class Scratch {
        final RayGeomIntersection.Hit hitA = new RayGeomIntersection.Hit(), hitB = new RayGeomIntersection.Hit();
        final RayGeomIntersection.Hit shadowHit = new RayGeomIntersection.Hit();
        final double[] rgb = new double[3];
        double rayLength; // of the unnormalised direction forward + u right + v up of the ray traced last
        int key;
    }

    public Renderer(int width, int height) {
        if (width < 8 || height < 8 || width > 8192 || height > 8192) {
            throw new IllegalArgumentException("image size " + width + "x" + height + " out of range (8..8192 pixels a side)");
        }
        this.width = width;
        this.height = height;
    }

    public Renderer() {
        this(DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    public int width() { return width; }

    /** How many pixels of the last frame were edges, re-sampled with four rays (a cost and quality diagnostic). */
    public int lastEdgePixels() { return lastEdgePixels; }

    public int height() { return height; }

    /** Side of one checker square on planes, in metres (the Control Suite's grid is 0.5 m for the walkers). */
    public Renderer checkerSize(double metres) {
        if (!(metres > 0)) throw new IllegalArgumentException("checker size must be > 0, got " + metres);
        this.checkerSize = metres;
        return this;
    }

    /** Draws {@code geoms} seen from {@code camera} into a new RGB image. */
    public BufferedImage render(List<SceneGeom> geoms, Camera camera) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        render(geoms, camera, img);
        return img;
    }

    /** Draws into {@code target} (TYPE_INT_RGB, this renderer's size), reusing it frame after frame. */
    public void render(List<SceneGeom> geoms, Camera camera, BufferedImage target) {
        if (target.getType() != BufferedImage.TYPE_INT_RGB || target.getWidth() != width || target.getHeight() != height) {
            throw new IllegalArgumentException("target must be a " + width + "x" + height + " TYPE_INT_RGB image");
        }
        prepare(geoms, camera);
        int[] px = ((DataBufferInt) target.getRaster().getDataBuffer()).getData();
        int[] key = new int[width * height];
        boolean[] edge = new boolean[width * height];
        int bands = Math.min(threads, height);
        if (scratch.length < bands) {
            scratch = new Scratch[bands];
            for (int b = 0; b < bands; b++) scratch[b] = new Scratch();
        }
        // Pixels are independent, so bands of rows run in parallel and the picture is the same for any thread count.
        forEachBand(bands, (sc, j0, j1) -> primaryRays(sc, j0, j1, px, key));
        for (int j = 0; j < height; j++) {
            for (int i = 0; i < width; i++) {
                int k = j * width + i;
                if (i + 1 < width && key[k] != key[k + 1]) edge[k] = edge[k + 1] = true;
                if (j + 1 < height && key[k] != key[k + width]) edge[k] = edge[k + width] = true;
            }
        }
        forEachBand(bands, (sc, j0, j1) -> edgeRays(sc, j0, j1, px, edge));
        int count = 0;
        for (boolean e : edge) if (e) count++;
        lastEdgePixels = count;
    }

    /** Worker threads for one frame (default: the machine's cores, at most 8); 1 renders on the caller's thread. */
    public Renderer threads(int count) {
        if (count < 1) throw new IllegalArgumentException("threads must be at least 1, got " + count);
        this.threads = count;
        return this;
    }

    private interface Band {
        void run(Scratch sc, int rowFrom, int rowTo);
    }

    private void forEachBand(int bands, Band work) {
        if (bands == 1) {
            work.run(scratch[0], 0, height);
            return;
        }
        java.util.stream.IntStream.range(0, bands).parallel()
                .forEach(b -> work.run(scratch[b], b * height / bands, (b + 1) * height / bands));
    }

    private void primaryRays(Scratch sc, int j0, int j1, int[] px, int[] key) {
        for (int j = j0; j < j1; j++) {
            for (int i = 0; i < width; i++) {
                trace(sc, i + 0.5, j + 0.5);
                px[j * width + i] = pack(sc.rgb[0], sc.rgb[1], sc.rgb[2]);
                key[j * width + i] = sc.key;
            }
        }
    }

    /** Edge pixels: four rays each instead of one. */
    private void edgeRays(Scratch sc, int j0, int j1, int[] px, boolean[] edge) {
        for (int j = j0; j < j1; j++) {
            for (int i = 0; i < width; i++) {
                if (!edge[j * width + i]) continue;
                double r = 0, g = 0, b = 0;
                for (int s = 0; s < 4; s++) {
                    // rotated-grid offsets: better edge coverage than a square 2x2 grid
                    trace(sc, i + SUB_X[s], j + SUB_Y[s]);
                    r += sc.rgb[0];
                    g += sc.rgb[1];
                    b += sc.rgb[2];
                }
                px[j * width + i] = pack(r / 4, g / 4, b / 4);
            }
        }
    }

    private static final double[] SUB_X = {0.375, 0.875, 0.125, 0.625}, SUB_Y = {0.125, 0.375, 0.625, 0.875};

    private void prepare(List<SceneGeom> geoms, Camera cam) {
        if (type.length < geoms.size()) grow(geoms.size());
        right = cam.right();
        up = cam.up();
        fwd = cam.forward();
        ox = cam.pos()[0];
        oy = cam.pos()[1];
        oz = cam.pos()[2];
        focal = cam.focal(height);
        n = 0;
        for (SceneGeom g : geoms) {
            if (g.rgba()[3] <= 0.01f) continue; // invisible, as in MuJoCo
            int k = n++;
            type[k] = g.type();
            size[k] = g.size();
            gpos[k] = g.pos();
            mat[k] = g.mat();
            color[k] = g.rgba();
            checker[k] = g.checker() && g.type() == SceneGeom.PLANE;
            bound[k] = g.boundingRadius();
            double[] m = g.mat();
            double ex = ox - g.pos()[0], ey = oy - g.pos()[1], ez = oz - g.pos()[2];
            camLocal[k] = new double[] {
                m[0] * ex + m[3] * ey + m[6] * ez, m[1] * ex + m[4] * ey + m[7] * ez, m[2] * ex + m[5] * ey + m[8] * ez};
            screenBounds(k, cam);
        }
        casterBounds();
    }

    /** The sphere around all non-plane geoms (castR < 0 when there are none; infinite radii never occur here). */
    private void casterBounds() {
        int count = 0;
        double sx = 0, sy = 0, sz = 0;
        for (int k = 0; k < n; k++) {
            if (type[k] == SceneGeom.PLANE) continue;
            sx += gpos[k][0];
            sy += gpos[k][1];
            sz += gpos[k][2];
            count++;
        }
        castR = -1;
        if (count == 0) return;
        castX = sx / count;
        castY = sy / count;
        castZ = sz / count;
        for (int k = 0; k < n; k++) {
            if (type[k] == SceneGeom.PLANE) continue;
            double dx = gpos[k][0] - castX, dy = gpos[k][1] - castY, dz = gpos[k][2] - castZ;
            castR = Math.max(castR, Math.sqrt(dx * dx + dy * dy + dz * dz) + bound[k]);
        }
    }

    /**
     * Conservative screen rectangle of geom k: the projection of its oriented bounding box (tight even for the long thin
     * capsules of a cartpole rail, which a bounding sphere would spread over the whole screen). The whole screen when
     * the box reaches behind the camera; nothing when the geom is unbounded (planes are tested everywhere).
     */
    private void screenBounds(int k, Camera cam) {
        rx0[k] = ry0[k] = Double.NEGATIVE_INFINITY;
        rx1[k] = ry1[k] = Double.POSITIVE_INFINITY;
        double[] e = halfExtents(type[k], size[k]);
        if (e == null) return;
        double[] m = mat[k], p = gpos[k], c = cam.pos();
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        int behind = 0;
        for (int corner = 0; corner < 8; corner++) {
            double sx = (corner & 1) == 0 ? -e[0] : e[0], sy = (corner & 2) == 0 ? -e[1] : e[1], sz = (corner & 4) == 0 ? -e[2] : e[2];
            double wx = p[0] + m[0] * sx + m[1] * sy + m[2] * sz - c[0];
            double wy = p[1] + m[3] * sx + m[4] * sy + m[5] * sz - c[1];
            double wz = p[2] + m[6] * sx + m[7] * sy + m[8] * sz - c[2];
            double z = wx * fwd[0] + wy * fwd[1] + wz * fwd[2];
            if (z <= 1e-3) {
                behind++;
                continue;
            }
            double x = wx * right[0] + wy * right[1] + wz * right[2], y = wx * up[0] + wy * up[1] + wz * up[2];
            double px = width / 2.0 + focal * x / z, py = height / 2.0 - focal * y / z;
            x0 = Math.min(x0, px);
            x1 = Math.max(x1, px);
            y0 = Math.min(y0, py);
            y1 = Math.max(y1, py);
        }
        if (behind == 8) { // entirely behind the camera: never drawn
            rx0[k] = ry0[k] = Double.POSITIVE_INFINITY;
            return;
        }
        if (behind > 0) return; // straddles the camera plane: test everywhere
        rx0[k] = x0 - 1;
        rx1[k] = x1 + 1;
        ry0[k] = y0 - 1;
        ry1[k] = y1 + 1;
    }

    /** Half-extents of a geom's bounding box in its own frame; null for an unbounded plane. */
    static double[] halfExtents(int type, double[] s) {
        return switch (type) {
            case SceneGeom.SPHERE -> new double[] {s[0], s[0], s[0]};
            case SceneGeom.CAPSULE -> new double[] {s[0], s[0], s[1] + s[0]};
            case SceneGeom.CYLINDER -> new double[] {s[0], s[0], s[1]};
            case SceneGeom.ELLIPSOID, SceneGeom.BOX -> new double[] {s[0], s[1], s[2]};
            default -> s[0] > 0 && s[1] > 0 ? new double[] {s[0], s[1], 0} : null;
        };
    }

    /** Colour seen through image point (sx, sy) into {@code sc.rgb}; its edge key into {@code sc.key}. */
    private void trace(Scratch sc, double sx, double sy) {
        double u = (sx - width / 2.0) / focal, v = (height / 2.0 - sy) / focal;
        double dx = fwd[0] + u * right[0] + v * up[0];
        double dy = fwd[1] + u * right[1] + v * up[1];
        double dz = fwd[2] + u * right[2] + v * up[2];
        double inv = 1 / Math.sqrt(dx * dx + dy * dy + dz * dz);
        sc.rayLength = 1 / inv;
        dx *= inv;
        dy *= inv;
        dz *= inv;

        double best = Double.POSITIVE_INFINITY;
        int bestK = -1;
        RayGeomIntersection.Hit cur = sc.hitA, kept = sc.hitB;
        for (int k = 0; k < n; k++) {
            if (sx < rx0[k] || sx > rx1[k] || sy < ry0[k] || sy > ry1[k]) continue;
            double r = bound[k];
            if (r < Double.POSITIVE_INFINITY) { // cheap reject: the ray passes farther than the bounding radius
                double[] c = gpos[k];
                double cx = c[0] - ox, cy = c[1] - oy, cz = c[2] - oz;
                double along = cx * dx + cy * dy + cz * dz;
                if (cx * cx + cy * cy + cz * cz - along * along > r * r) continue;
            }
            double[] m = mat[k], o = camLocal[k];
            double lx = m[0] * dx + m[3] * dy + m[6] * dz;
            double ly = m[1] * dx + m[4] * dy + m[7] * dz;
            double lz = m[2] * dx + m[5] * dy + m[8] * dz;
            double t = RayGeomIntersection.intersect(type[k], size[k], o[0], o[1], o[2], lx, ly, lz, cur);
            if (t < best) {
                best = t;
                bestK = k;
                RayGeomIntersection.Hit swap = kept;
                kept = cur;
                cur = swap;
            }
        }
        if (bestK < 0) {
            sky(sc.rgb, dz);
            sc.key = -1;
            return;
        }
        shade(sc, bestK, kept, best, dx, dy, dz);
    }

    private void shade(Scratch sc, int k, RayGeomIntersection.Hit h, double t, double dx, double dy, double dz) {
        double[] m = mat[k];
        double nx = m[0] * h.nx + m[1] * h.ny + m[2] * h.nz;
        double ny = m[3] * h.nx + m[4] * h.ny + m[5] * h.nz;
        double nz = m[6] * h.nx + m[7] * h.ny + m[8] * h.nz;
        if (nx * dx + ny * dy + nz * dz > 0) { // seen from inside (should not happen for closed shapes): face the eye
            nx = -nx;
            ny = -ny;
            nz = -nz;
        }
        double px = ox + t * dx, py = oy + t * dy, pz = oz + t * dz;

        double ar, ag, ab;
        if (checker[k]) {
            // Rounded to 3 shades (the two blues and their mean): an edge pixel then keeps its shade while the camera
            // moves a fraction of a pixel, and a row of floor is a few long runs (9 shades: walker GIFs 10% larger).
            double contrast = checkerContrast(sc, k, h, t, nx, ny, nz, dx, dy, dz);
            double mix = 0.5 - 0.5 * Math.round(contrast * CHECKER_STEPS) / CHECKER_STEPS;
            ar = CHECKER_A[0] + mix * (CHECKER_B[0] - CHECKER_A[0]);
            ag = CHECKER_A[1] + mix * (CHECKER_B[1] - CHECKER_A[1]);
            ab = CHECKER_A[2] + mix * (CHECKER_B[2] - CHECKER_A[2]);
        } else {
            ar = color[k][0];
            ag = color[k][1];
            ab = color[k][2];
        }

        double lambertKey = nx * TO_LIGHT[0] + ny * TO_LIGHT[1] + nz * TO_LIGHT[2];
        boolean shadowed = lambertKey > 0 && occluded(sc, k, px + nx * 1e-4, py + ny * 1e-4, pz + nz * 1e-4);
        int lit = lambertKey > 0 && !shadowed ? 1 : 0;
        // Planes get a constant headlight term: a flat floor then has only its two square colours (and shadows), which
        // a GIF compresses several times better while the camera moves, and it looks the same to the eye.
        double head = type[k] == SceneGeom.PLANE ? PLANE_HEADLIGHT : -(nx * dx + ny * dy + nz * dz);
        double diffuse = AMBIENT + HEADLIGHT * Math.max(0, head) + KEY * Math.max(0, lambertKey) * lit;
        // Blinn-Phong highlight from the key light: a little gloss reads as "3D" at low resolution.
        double hx = TO_LIGHT[0] - dx, hy = TO_LIGHT[1] - dy, hz = TO_LIGHT[2] - dz;
        double hn = Math.sqrt(hx * hx + hy * hy + hz * hz);
        double spec = 0;
        if (lit == 1 && !checker[k]) {
            double c = Math.max(0, (nx * hx + ny * hy + nz * hz) / hn);
            double c2 = c * c, c8 = c2 * c2 * c2 * c2;
            spec = SPECULAR * c8 * c8 * c8; // c^24 by squaring: Math.pow costs more than the rest of the shading
        }
        if (type[k] != SceneGeom.PLANE) { // planes are flat already: a constant headlight
            diffuse = Math.round(diffuse / SHADE_STEP) * SHADE_STEP;
            spec = Math.round(spec / SPECULAR_STEP) * SPECULAR_STEP;
        }
        sc.rgb[0] = ar * diffuse + spec;
        sc.rgb[1] = ag * diffuse + spec;
        sc.rgb[2] = ab * diffuse + spec;
        sc.key = (k << 1) | (shadowed ? 1 : 0); // a shadow's border is an edge; the smooth terminator is not
    }

    /**
     * The checker at the hit point, +1 on one colour, -1 on the other, box-filtered over the pixel's footprint on the
     * plane: squares far away blend into their mean instead of aliasing (no extra rays needed). The footprint is
     * measured along each of the plane's axes (how far the hit point moves per pixel step across and up the screen),
     * so lines running away from the camera stay sharp while the squares foreshorten along them. Either side is capped
     * at the footprint of a plane seen 81 degrees off its normal (cosine 0.15): nearer the horizon the true footprint
     * would wash the pattern out, the cap keeps a trace of it to the horizon.
     */
    private double checkerContrast(Scratch sc, int k, RayGeomIntersection.Hit h, double t,
                                   double nx, double ny, double nz, double dx, double dy, double dz) {
        // Hit point p = eye + s D, D = forward + u right + v up, s = t / |D|; d/du of p is s (right - D (right.n)/(D.n)),
        // and a pixel step is 1/focal in u and v. In the normalised direction d = D/|D|:
        double dn = nx * dx + ny * dy + nz * dz, perPixel = t / (focal * sc.rayLength);
        double rn = (right[0] * nx + right[1] * ny + right[2] * nz) / dn, un = (up[0] * nx + up[1] * ny + up[2] * nz) / dn;
        // the hit point's move for one pixel step across (a) and up (b) the screen
        double ax = perPixel * (right[0] - dx * rn), ay = perPixel * (right[1] - dy * rn), az = perPixel * (right[2] - dz * rn);
        double bx = perPixel * (up[0] - dx * un), by = perPixel * (up[1] - dy * un), bz = perPixel * (up[2] - dz * un);
        double[] m = mat[k]; // columns: the plane's x and y axes in the world
        double widest = t / (focal * checkerSize * 0.15);
        double wx = Math.abs(ax * m[0] + ay * m[3] + az * m[6]) + Math.abs(bx * m[0] + by * m[3] + bz * m[6]);
        double wy = Math.abs(ax * m[1] + ay * m[4] + az * m[7]) + Math.abs(bx * m[1] + by * m[4] + bz * m[7]);
        wx = Math.min(widest, wx / checkerSize);
        wy = Math.min(widest, wy / checkerSize);
        return filteredSquareWave(h.px / checkerSize, wx + 1e-4) * filteredSquareWave(h.py / checkerSize, wy + 1e-4);
    }

    /** Whether anything but geom {@code self} (and planes, which cast no shadows here) blocks the key light. */
    private boolean occluded(Scratch sc, int self, double px, double py, double pz) {
        double lx = TO_LIGHT[0], ly = TO_LIGHT[1], lz = TO_LIGHT[2];
        if (castR < 0 || !rayNearSphere(px, py, pz, castX, castY, castZ, castR)) return false;
        for (int k = 0; k < n; k++) {
            if (k == self || type[k] == SceneGeom.PLANE) continue;
            double[] c = gpos[k];
            double cx = c[0] - px, cy = c[1] - py, cz = c[2] - pz;
            double along = cx * lx + cy * ly + cz * lz;
            double r = bound[k];
            if (along < -r) continue;
            double perp2 = cx * cx + cy * cy + cz * cz - along * along;
            if (perp2 > r * r) continue;
            double[] m = mat[k];
            double ex = -cx, ey = -cy, ez = -cz; // shadow-ray origin relative to the geom
            double lox = m[0] * ex + m[3] * ey + m[6] * ez, loy = m[1] * ex + m[4] * ey + m[7] * ez, loz = m[2] * ex + m[5] * ey + m[8] * ez;
            double ldx = m[0] * lx + m[3] * ly + m[6] * lz, ldy = m[1] * lx + m[4] * ly + m[7] * lz, ldz = m[2] * lx + m[5] * ly + m[8] * lz;
            double t = RayGeomIntersection.intersect(type[k], size[k], lox, loy, loz, ldx, ldy, ldz, sc.shadowHit);
            if (t < Double.POSITIVE_INFINITY) return true;
        }
        return false;
    }


    /**
     * The square wave +1 on [0, 1), -1 on [1, 2) (period 2), averaged over [x - w/2, x + w/2]: the difference of its
     * integral, a triangle wave, across the window, divided by the window.
     */
    static double filteredSquareWave(double x, double w) {
        return 2 * (Math.abs(fract((x - 0.5 * w) / 2) - 0.5) - Math.abs(fract((x + 0.5 * w) / 2) - 0.5)) / w;
    }

    private static double fract(double v) {
        return v - Math.floor(v);
    }

    /** Whether the ray from p towards the light passes within r of c. */
    private static boolean rayNearSphere(double px, double py, double pz, double cx, double cy, double cz, double r) {
        double dx = cx - px, dy = cy - py, dz = cz - pz;
        double along = dx * TO_LIGHT[0] + dy * TO_LIGHT[1] + dz * TO_LIGHT[2];
        if (along < -r) return false;
        return dx * dx + dy * dy + dz * dz - along * along <= r * r;
    }

    /** MuJoCo's gradient skybox: light blue above, darkening through the horizon to near black below. */
    private static void sky(double[] rgb, double dz) {
        double f = Math.max(0, Math.min(1, (dz + 0.45) / 1.0));
        f = f * f * (3 - 2 * f); // smoothstep
        for (int c = 0; c < 3; c++) rgb[c] = SKY_BOTTOM[c] + f * (SKY_TOP[c] - SKY_BOTTOM[c]);
    }

    private static int pack(double r, double g, double b) {
        return (channel(r) << 16) | (channel(g) << 8) | channel(b);
    }

    private static int channel(double v) {
        int c = (int) (v * 255 + 0.5);
        return c < 0 ? 0 : Math.min(c, 255);
    }

    private void grow(int cap) {
        type = new int[cap];
        size = new double[cap][];
        gpos = new double[cap][];
        mat = new double[cap][];
        camLocal = new double[cap][];
        color = new float[cap][];
        checker = new boolean[cap];
        bound = new double[cap];
        rx0 = new double[cap];
        rx1 = new double[cap];
        ry0 = new double[cap];
        ry1 = new double[cap];
    }
}
