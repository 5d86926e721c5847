package ddpg.rl.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RendererTest {
    static final double[] I = {1, 0, 0, 0, 1, 0, 0, 0, 1};
    static final float[] RED = {0.9f, 0.1f, 0.1f, 1}, GREEN = {0.1f, 0.9f, 0.1f, 1};

    /** Cartpole's fixed camera: at (0, -4, 1) looking along +y, z up, fovy 45. */
    static Camera sideCamera() {
        return Camera.fromXyAxes(new double[] {0, -4, 1}, new double[] {1, 0, 0}, new double[] {0, 0, 1}, 45);
    }

    static SceneGeom floor() {
        return new SceneGeom(SceneGeom.PLANE, new double[] {4, 4, 0.2}, new double[] {0, 0, 0}, I, new float[] {.5f, .5f, .5f, 1});
    }

    @Test
    void aSphereLandsWhereThePinholeMathSays() {
        // Sphere of radius 0.2 at (1, 0, 1.5): 4 m in front, 1 m right, 0.5 m up of the camera.
        SceneGeom ball = new SceneGeom(SceneGeom.SPHERE, new double[] {0.2, 0, 0}, new double[] {1, 0, 1.5}, I, RED);
        BufferedImage img = new Renderer(320, 240).render(List.of(floor(), ball), sideCamera());
        double f = 120 / Math.tan(Math.toRadians(22.5)); // focal length in pixels: half-height / tan(fovy/2)
        double cx = 160 + f * 1 / 4, cy = 120 - f * 0.5 / 4; // = (232.4, 84.2)
        double radiusPx = f * 0.2 / 4; // ~14.5 px
        int[] box = redBoundingBox(img);
        assertTrue(box != null, "the sphere is visible");
        assertEquals(cx, (box[0] + box[1] + 1) / 2.0, 1.5, "centre x");
        assertEquals(cy, (box[2] + box[3] + 1) / 2.0, 1.5, "centre y");
        assertEquals(2 * radiusPx, box[1] - box[0] + 1, 3.0, "diameter");
        // The camera's own projection agrees with the hand computation.
        double[] p = sideCamera().project(new double[] {1, 0, 1.5}, 320, 240);
        assertEquals(cx, p[0], 1e-9);
        assertEquals(cy, p[1], 1e-9);
        assertEquals(4, p[2], 1e-9);
        // Lit from above: the top of the ball is brighter than its bottom.
        int top = img.getRGB((int) cx, (int) (cy - radiusPx * 0.6)), bottom = img.getRGB((int) cx, (int) (cy + radiusPx * 0.6));
        assertTrue(PlotTest.red(top) > PlotTest.red(bottom), "shaded: top " + Integer.toHexString(top) + " bottom " + Integer.toHexString(bottom));
    }

    @Test
    void theImageIsNotBlankAndHasSkyAndFloor() {
        BufferedImage img = new Renderer(160, 120).render(List.of(floor()), sideCamera());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) colours.add(img.getRGB(x, y));
        assertTrue(colours.size() > 20, "gradient sky and checker floor give many colours, got " + colours.size());
        int sky = img.getRGB(80, 2), floor = img.getRGB(80, 118);
        assertTrue(PlotTest.blue(sky) > PlotTest.red(sky), "sky is blue-ish");
        assertTrue(sky != floor);
    }

    @Test
    void everyGeomTypeIsDrawnAtTheCentre() {
        int[] types = {SceneGeom.SPHERE, SceneGeom.CAPSULE, SceneGeom.ELLIPSOID, SceneGeom.CYLINDER, SceneGeom.BOX};
        Camera cam = Camera.lookAt(new double[] {0, -3, 0.5}, new double[] {0, 0, 0}, new double[] {0, 0, 1}, 45);
        for (int type : types) {
            SceneGeom g = new SceneGeom(type, new double[] {0.3, 0.3, 0.3}, new double[] {0, 0, 0}, I, GREEN);
            BufferedImage img = new Renderer(64, 48).render(List.of(g), cam);
            int c = img.getRGB(32, 24), corner = img.getRGB(1, 1);
            assertTrue(PlotTest.green(c) > 2 * PlotTest.red(c) && PlotTest.green(c) > 60, "type " + type + " centre " + Integer.toHexString(c));
            assertTrue(PlotTest.green(corner) < PlotTest.blue(corner) + 10, "type " + type + " corner is sky");
        }
    }

    @Test
    void planesAreOneSidedAndBounded() {
        // From below, a plane facing up is invisible, as in MuJoCo.
        Camera below = Camera.lookAt(new double[] {0, -3, -1}, new double[] {0, 0, 0}, new double[] {0, 0, 1}, 45);
        SceneGeom plane = new SceneGeom(SceneGeom.PLANE, new double[] {0, 0, 1}, new double[] {0, 0, 0}, I, GREEN, false);
        BufferedImage fromBelow = new Renderer(64, 48).render(List.of(plane), below);
        BufferedImage sky = new Renderer(64, 48).render(List.of(), below);
        assertEquals(sky.getRGB(32, 10), fromBelow.getRGB(32, 10));
        // Looking straight down at a 0.1 m plane from 1 m: only the middle of the image is plane.
        Camera top = Camera.fromXyAxes(new double[] {0, 0, 1}, new double[] {1, 0, 0}, new double[] {0, 1, 0}, 45);
        SceneGeom small = new SceneGeom(SceneGeom.PLANE, new double[] {0.1, 0.1, 1}, new double[] {0, 0, 0}, I, GREEN, false);
        BufferedImage img = new Renderer(64, 48).render(List.of(small), top);
        assertTrue(PlotTest.green(img.getRGB(32, 24)) > 150, "plane in the middle");
        assertTrue(PlotTest.green(img.getRGB(2, 24)) < 120, "sky at the side");
    }

    @Test
    void theRotationMatrixOrientsGeoms() {
        // A long thin box along local x, rotated 90 degrees about z, lies along world y: seen from above it is tall.
        double[] rotZ90 = {0, -1, 0, 1, 0, 0, 0, 0, 1}; // columns: local x -> world y
        SceneGeom bar = new SceneGeom(SceneGeom.BOX, new double[] {0.3, 0.02, 0.02}, new double[] {0, 0, 0}, rotZ90, RED);
        Camera top = Camera.fromXyAxes(new double[] {0, 0, 1.5}, new double[] {1, 0, 0}, new double[] {0, 1, 0}, 45);
        int[] box = redBoundingBox(new Renderer(160, 120).render(List.of(bar), top));
        assertTrue(box[3] - box[2] > 5 * (box[1] - box[0]), "taller than wide: " + java.util.Arrays.toString(box));
    }

    @Test
    void shadowsDarkenTheFloorUnderAGeom() {
        Camera top = Camera.fromXyAxes(new double[] {0, 0, 3}, new double[] {1, 0, 0}, new double[] {0, 1, 0}, 45);
        SceneGeom plane = new SceneGeom(SceneGeom.PLANE, new double[] {0, 0, 1}, new double[] {0, 0, 0}, I, GREEN, false);
        SceneGeom ball = new SceneGeom(SceneGeom.SPHERE, new double[] {0.1, 0, 0}, new double[] {0, 0, 1}, I, RED);
        BufferedImage lit = new Renderer(160, 120).render(List.of(plane), top);
        BufferedImage shadowed = new Renderer(160, 120).render(List.of(plane, ball), top);
        // The shadow centre: from the ball along -TO_LIGHT down to z = 0.
        double[] l = Renderer.TO_LIGHT;
        double[] s = {-l[0] / l[2], -l[1] / l[2], 0};
        double[] p = top.project(s, 160, 120);
        int x = (int) p[0], y = (int) p[1];
        assertTrue(PlotTest.green(shadowed.getRGB(x, y)) < PlotTest.green(lit.getRGB(x, y)) - 30, "shadow at " + x + "," + y);
    }

    @Test
    void theCheckerHasThreeShadesSoACameraMovingAFractionOfAPixelRepaintsLittle() {
        // An endless checker floor under the walker's camera (2 m behind, 1.3 m up, 30 degrees down): no sky, no shadow.
        SceneGeom floor = new SceneGeom(SceneGeom.PLANE, new double[] {0, 0, 0.2}, new double[] {0, 0, 0}, I, RED, true);
        double c60 = Math.cos(Math.toRadians(60)), s60 = Math.sin(Math.toRadians(60));
        Camera cam = Camera.fromXyAxes(new double[] {0.1, -2, 1.3}, new double[] {1, 0, 0}, new double[] {0, c60, s60}, 45);
        Renderer r = new Renderer(160, 120);
        BufferedImage a = r.render(List.of(floor), cam), b = r.render(List.of(floor), cam.translated(new double[] {0.002, 0, 0}));
        Set<Integer> shades = new HashSet<>();
        int changed = 0;
        for (int y = 0; y < 120; y++) {
            for (int x = 0; x < 160; x++) {
                shades.add(a.getRGB(x, y));
                if (a.getRGB(x, y) != b.getRGB(x, y)) changed++;
            }
        }
        assertEquals(2 * (int) Renderer.CHECKER_STEPS + 1, shades.size(), "the two blues and the shades between them");
        // 2 mm is a quarter of a pixel or less on screen: most edge pixels keep their shade.
        assertTrue(changed < 800, "pixels repainted: " + changed); // 145; 1976 with a continuous filter
    }

    @Test
    void linesRunningAwayFromALowCameraStaySharp() {
        // A camera 0.4 m above the floor looking level (cheetah's view): the checker's lines that run away from it are
        // filtered by the pixel's footprint across them, not along the view, so in the quarter of the picture nearest
        // the camera one blue turns into the other through at most 2 pixels of their mean (3 with one footprint for
        // both directions, 1.99 on average against 1.03).
        SceneGeom floor = new SceneGeom(SceneGeom.PLANE, new double[] {0, 0, 0.2}, new double[] {0, 0, 0}, I, RED, true);
        Camera low = Camera.fromXyAxes(new double[] {0.1, -3, 0.4}, new double[] {1, 0, 0}, new double[] {0, 0, 1}, 45);
        BufferedImage img = new Renderer(320, 240).render(List.of(floor), low);
        int[] shades = commonestThree(img, 180, 240);
        int dark = shades[0], mean = shades[1], light = shades[2];
        int transitions = 0, midPixels = 0;
        for (int y = 180; y < 240; y++) {
            for (int x = 1; x < 320; x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != mean) continue;
                int from = img.getRGB(x - 1, y) & 0xFFFFFF, end = x;
                while (end < 320 && (img.getRGB(end, y) & 0xFFFFFF) == mean) end++;
                int to = end < 320 ? img.getRGB(end, y) & 0xFFFFFF : -1;
                if ((from == dark && to == light) || (from == light && to == dark)) {
                    assertTrue(end - x <= 2, (end - x) + " pixels of the mean at " + x + "," + y);
                    transitions++;
                    midPixels += end - x;
                }
                x = end;
            }
        }
        assertTrue(transitions > 50, "transitions seen: " + transitions);
        assertTrue(midPixels < 1.5 * transitions, "mean pixels per transition: " + (double) midPixels / transitions);
    }

    @Test
    void bodiesAreShadedInAFewFlatBands() {
        // A lit sphere: inside its silhouette a handful of colours (light rounded to SHADE_STEP, the highlight to half
        // its peak), each a band a GIF stores as runs.
        SceneGeom ball = new SceneGeom(SceneGeom.SPHERE, new double[] {0.3, 0, 0}, new double[] {0, 0, 0}, I, new float[] {0.9f, 0.5f, 0.2f, 1});
        Camera cam = Camera.lookAt(new double[] {0, -2, 0.3}, new double[] {0, 0, 0}, new double[] {0, 0, 1}, 45);
        BufferedImage img = new Renderer(160, 120).render(List.of(ball), cam);
        Set<Integer> inside = new HashSet<>();
        for (int y = 1; y < 119; y++) {
            for (int x = 1; x < 159; x++) {
                boolean ball3x3 = true; // the pixel and its neighbours are all on the ball (orange, not sky)
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int c = img.getRGB(x + dx, y + dy);
                        if (PlotTest.red(c) < PlotTest.blue(c) + 40) ball3x3 = false;
                    }
                }
                if (ball3x3) inside.add(img.getRGB(x, y));
            }
        }
        assertTrue(inside.size() >= 3 && inside.size() <= 8, "colours inside the ball: " + inside.size());
    }

    @Test
    void theImageDoesNotDependOnTheThreadCount() {
        Camera cam = Camera.lookAt(new double[] {0.5, -3, 1.2}, new double[] {0, 0, 0.3}, new double[] {0, 0, 1}, 45);
        List<SceneGeom> scene = List.of(floor(),
                new SceneGeom(SceneGeom.CAPSULE, new double[] {0.1, 0.4, 0}, new double[] {0, 0, 0.6}, I, RED),
                new SceneGeom(SceneGeom.BOX, new double[] {0.2, 0.2, 0.2}, new double[] {0.7, 0.3, 0.2}, I, GREEN));
        BufferedImage one = new Renderer(97, 61).threads(1).render(scene, cam);
        BufferedImage three = new Renderer(97, 61).threads(3).render(scene, cam);
        for (int y = 0; y < 61; y++) for (int x = 0; x < 97; x++) assertEquals(one.getRGB(x, y), three.getRGB(x, y), x + "," + y);
    }

    @Test
    void badGeomsAndSizesAreClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SceneGeom(1, new double[3], new double[3], I, RED));
        assertTrue(e.getMessage().contains("geom type 1 cannot be drawn"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SceneGeom(2, new double[3], new double[2], I, RED));
        assertThrows(IllegalArgumentException.class, () -> new Renderer(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new Renderer().threads(0));
        assertThrows(IllegalArgumentException.class,
                () -> new Renderer(64, 48).render(List.of(), sideCamera(), new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB)));
    }

    /** The three commonest colours of rows [y0, y1), darkest first: on a checker floor, one blue, their mean, the other. */
    private static int[] commonestThree(BufferedImage img, int y0, int y1) {
        java.util.Map<Integer, Integer> count = new java.util.HashMap<>();
        for (int y = y0; y < y1; y++) for (int x = 0; x < img.getWidth(); x++) count.merge(img.getRGB(x, y) & 0xFFFFFF, 1, Integer::sum);
        return count.entrySet().stream().sorted((p, q) -> q.getValue() - p.getValue()).limit(3).mapToInt(java.util.Map.Entry::getKey)
                .boxed().sorted(java.util.Comparator.comparingInt(PlotTest::blue)).mapToInt(Integer::intValue).toArray();
    }

    /** {minX, maxX, minY, maxY} of the strongly red pixels, or null. */
    static int[] redBoundingBox(BufferedImage img) {
        int[] b = {Integer.MAX_VALUE, -1, Integer.MAX_VALUE, -1};
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if (PlotTest.red(p) > 70 && PlotTest.red(p) > 2.5 * PlotTest.green(p) && PlotTest.red(p) > 2.5 * PlotTest.blue(p)) {
                    b[0] = Math.min(b[0], x);
                    b[1] = Math.max(b[1], x);
                    b[2] = Math.min(b[2], y);
                    b[3] = Math.max(b[3], y);
                }
            }
        }
        return b[1] < 0 ? null : b;
    }
}
