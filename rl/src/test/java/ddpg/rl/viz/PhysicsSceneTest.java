package ddpg.rl.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.physics.Simulator;
import ddpg.physics.mjcf.Models;
import ddpg.physics.model.Model;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PhysicsSceneTest {
    /** A walker after some random-control steps (seeded), so bodies are rotated and moved. */
    static Simulator walkerAfterRandomSteps() {
        Simulator sim = new Simulator(Models.builtin("walker"));
        sim.reset();
        Random r = new Random(7);
        for (int s = 0; s < 200; s++) {
            for (int i = 0; i < sim.model.nu; i++) sim.data.ctrl[i] = 2 * r.nextDouble() - 1;
            sim.step();
        }
        sim.forward();
        return sim;
    }

    /** A built-in model at its reset state, positions computed. */
    static Simulator atReset(String model) {
        Simulator sim = new Simulator(Models.builtin(model));
        sim.reset();
        sim.forward();
        return sim;
    }

    @Test
    void geomPosesFromBodiesMatchTheSimulatorsGeomPoses() {
        Simulator sim = walkerAfterRandomSteps();
        List<SceneGeom> a = PhysicsScene.fromData(sim.model, sim.data);
        List<SceneGeom> b = PhysicsScene.fromBodyPoses(sim.model, sim.data.xpos, sim.data.xmat);
        assertEquals(sim.model.ngeom, a.size());
        for (int g = 0; g < a.size(); g++) {
            for (int k = 0; k < 3; k++) assertEquals(a.get(g).pos()[k], b.get(g).pos()[k], 1e-12, "geom " + g + " pos");
            for (int k = 0; k < 9; k++) assertEquals(a.get(g).mat()[k], b.get(g).mat()[k], 1e-12, "geom " + g + " mat");
        }
    }

    @Test
    void floorsGetTheCheckerAndThinWallsDoNot() {
        Simulator sim = atReset("walker");
        Model walker = sim.model;
        List<SceneGeom> w = PhysicsScene.fromData(walker, sim.data);
        assertTrue(w.get(walker.geomId("floor")).checker());
        Simulator rs = atReset("reacher");
        Model reacher = rs.model;
        List<SceneGeom> r = PhysicsScene.fromData(reacher, rs.data);
        assertTrue(r.get(reacher.geomId("ground")).checker());
        assertFalse(r.get(reacher.geomId("wall_x")).checker());
        assertEquals(0.6f, r.get(reacher.geomId("target")).rgba()[0], 1e-6f, "material colour from the model");
    }

    @Test
    void theWalkersTorsoIsWhereTheCameraMathSays() {
        Simulator sim = atReset("walker");
        Model m = sim.model;
        TaskView view = TaskView.of("walker-run", m);
        BufferedImage img = view.renderer(320, 240).render(PhysicsScene.fromData(m, sim.data), view.cameraAt(sim.data.xpos));
        // By hand: the camera sits 2 m behind and 0.7 m above the torso, pitched 30 degrees down. The torso centre, seen
        // from there, is (0, 2, -0.7) away: right 0, up 2 sin30 - 0.7 cos30 = 0.3938, forward 2 cos30 + 0.7 sin30 = 2.082.
        double f = 120 / Math.tan(Math.toRadians(22.5));
        int x = 160, y = (int) Math.round(120 - f * 0.3938 / 2.082); // 65
        assertSelfColoured(img.getRGB(x, y), "torso centre (" + x + "," + y + ")");
        // The torso is 0.07 m in radius: 0.2 m to the side is background.
        int side = (int) Math.round(160 + f * 0.2 / 2.082);
        int bg = img.getRGB(side, y);
        assertFalse(isSelfColoured(bg), "beside the torso: " + Integer.toHexString(bg));
    }

    @Test
    void theTrackingCameraFollowsTheTorso() {
        Model m = Models.builtin("walker");
        Simulator sim = new Simulator(m);
        sim.reset();
        sim.data.qpos[m.jntQposadr[m.jointId("rootx")]] = 3.3; // walked 3.3 m forward
        sim.forward();
        TaskView view = TaskView.of("walker", m);
        BufferedImage img = view.renderer(320, 240).render(PhysicsScene.fromData(m, sim.data), view.cameraAt(sim.data.xpos));
        assertSelfColoured(img.getRGB(160, 65), "torso still centred");
        TaskView fixed = TaskView.of("cartpole", Models.builtin("cartpole"));
        assertEquals(-1, fixed.trackBody());
        assertThrows(IllegalArgumentException.class, () -> TaskView.of("pendulum-swingup", m));
    }

    @Test
    void theWalkersTrackIsDrawnAtItsMjcfSizeWithTheSkyBeyondIt() {
        Simulator sim = atReset("walker");
        Model m = sim.model;
        List<SceneGeom> scene = PhysicsScene.fromData(m, sim.data);
        int floor = m.geomId("floor");
        assertEquals(250, scene.get(floor).size()[0], 1e-12, "half-length as in walker.xml");
        assertEquals(0.8, scene.get(floor).size()[1], 1e-12, "half-width as in walker.xml");
        // The same scene with an endless floor: the two pictures agree on the strip and differ beyond its far edge.
        List<SceneGeom> endless = new java.util.ArrayList<>(scene);
        SceneGeom f = scene.get(floor);
        endless.set(floor, new SceneGeom(f.type(), new double[] {0, 0, f.size()[2]}, f.pos(), f.mat(), f.rgba(), true));
        TaskView view = TaskView.of("walker-run", m);
        Camera cam = view.cameraAt(sim.data.xpos);
        BufferedImage strip = view.renderer(320, 240).render(scene, cam);
        BufferedImage open = view.renderer(320, 240).render(endless, cam);
        double x = sim.data.xpos[3 * m.bodyId("torso")] + 0.3;
        double[] on = cam.project(new double[] {x, 0.4, 0}, 320, 240);
        double[] beyond = cam.project(new double[] {x, 1.6, 0}, 320, 240);
        assertEquals(open.getRGB((int) on[0], (int) on[1]), strip.getRGB((int) on[0], (int) on[1]), "on the track");
        int sky = strip.getRGB((int) beyond[0], (int) beyond[1]), floorThere = open.getRGB((int) beyond[0], (int) beyond[1]);
        assertTrue(sky != floorThere, "0.8 m beyond the track's far edge: sky " + Integer.toHexString(sky)
                + ", an endless floor " + Integer.toHexString(floorThere));
    }

    @Test
    void theReachersTargetIsDrawnWhereTheTaskPutIt() {
        ddpg.physics.env.ControlSuiteEnv env = ddpg.physics.env.Tasks.make("reacher-hard");
        env.reset(4);
        double[] target = env.target();
        Model m = env.model();
        List<SceneGeom> scene = PhysicsScene.fromBodyPoses(m, env.physics().xpos(), env.physics().xmat());
        SceneGeom drawn = scene.get(m.geomId("target"));
        assertEquals(target[0], drawn.pos()[0], 1e-12);
        assertEquals(target[1], drawn.pos()[1], 1e-12);
        assertEquals(0.015, drawn.size()[0], 1e-12, "reacher-hard's small target");
        // Seen from the fixed top camera, the target's pixel is target-coloured (.6 .3 .3: red, green = blue).
        TaskView view = TaskView.of("reacher-hard", m);
        double[] p = view.cameraAt(env.physics().xpos()).project(drawn.pos(), 320, 240);
        int rgb = view.renderer(320, 240).render(scene, view.cameraAt(env.physics().xpos())).getRGB((int) p[0], (int) p[1]);
        int finger = m.bodyId("finger");
        assertTrue(Math.hypot(target[0] - env.physics().xpos()[3 * finger], target[1] - env.physics().xpos()[3 * finger + 1]) > 0.05,
                "seed 4 leaves the finger away from the target (so nothing covers it)");
        assertTrue(PlotTest.red(rgb) > PlotTest.green(rgb) + 30 && Math.abs(PlotTest.green(rgb) - PlotTest.blue(rgb)) < 25,
                "target colour at its projection, got " + Integer.toHexString(rgb));
    }

    @Test
    void wrongArraySizesAreClearErrors() {
        Model m = Models.builtin("cartpole");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PhysicsScene.fromGeomPoses(m, new double[3], new double[9 * m.ngeom]));
        assertTrue(e.getMessage().contains("geomXpos has 3 numbers"), e.getMessage());
    }

    /** The Control Suite's "self" colour (.7, .5, .3), lit: red above green above blue. */
    static boolean isSelfColoured(int rgb) {
        int r = PlotTest.red(rgb), g = PlotTest.green(rgb), b = PlotTest.blue(rgb);
        return r > g + 20 && g > b + 15;
    }

    static void assertSelfColoured(int rgb, String where) {
        assertTrue(isSelfColoured(rgb), where + ": " + Integer.toHexString(rgb));
    }
}
