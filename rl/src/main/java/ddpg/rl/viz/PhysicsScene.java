package ddpg.rl.viz;

import ddpg.physics.model.Data;
import ddpg.physics.model.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * The drawable geoms of a simulation state: the bridge between {@code ddpg.physics} and the renderer, which knows
 * nothing about physics. Floors (planes larger than a thin strip) get the checker pattern; thin planes such as the
 * reacher's walls are drawn flat. Every plane is drawn at its MJCF size, as MuJoCo draws it (0 = endless): the walker's
 * and the cheetah's 1.6 m wide running tracks are strips with the sky beyond, as in the Control Suite's own films,
 * and a camera that follows a runner along its track then repaints only the strip, not a floor up to the horizon.
 * Colours come from the model (the MJCF loader resolves materials into rgba).
 */
public final class PhysicsScene {
    /** A plane thinner than this (half-size, metres) is a decoration strip, not a floor. */
    static final double FLOOR_MIN_HALF_SIZE = 0.1;

    private PhysicsScene() {}

    /** From a {@link Data} after a forward pass or a step (its geomXpos / geomXmat are current). */
    public static List<SceneGeom> fromData(Model m, Data d) {
        return fromGeomPoses(m, d.geomXpos, d.geomXmat);
    }

    /** From world poses of every geom: positions ngeom x 3, rotations ngeom x 9 row-major. */
    public static List<SceneGeom> fromGeomPoses(Model m, double[] geomXpos, double[] geomXmat) {
        check(m, geomXpos, 3 * m.ngeom, "geomXpos");
        check(m, geomXmat, 9 * m.ngeom, "geomXmat");
        List<SceneGeom> out = new ArrayList<>(m.ngeom);
        for (int g = 0; g < m.ngeom; g++) {
            double[] pos = {geomXpos[3 * g], geomXpos[3 * g + 1], geomXpos[3 * g + 2]};
            double[] mat = new double[9];
            System.arraycopy(geomXmat, 9 * g, mat, 0, 9);
            add(m, g, pos, mat, out);
        }
        return out;
    }

    /**
     * From world poses of the bodies (xpos nbody x 3, xmat nbody x 9), placing each geom by its model offset: for
     * callers that see only body poses (the tasks' {@code TaskPhysics}). Reads {@code geomPos} at call time, so the
     * reacher's moved target is where the task put it.
     */
    public static List<SceneGeom> fromBodyPoses(Model m, double[] xpos, double[] xmat) {
        check(m, xpos, 3 * m.nbody, "xpos");
        check(m, xmat, 9 * m.nbody, "xmat");
        List<SceneGeom> out = new ArrayList<>(m.ngeom);
        for (int g = 0; g < m.ngeom; g++) {
            int b = m.geomBodyid[g];
            double[] bm = new double[9];
            System.arraycopy(xmat, 9 * b, bm, 0, 9);
            double lx = m.geomPos[3 * g], ly = m.geomPos[3 * g + 1], lz = m.geomPos[3 * g + 2];
            double[] pos = {
                xpos[3 * b] + bm[0] * lx + bm[1] * ly + bm[2] * lz,
                xpos[3 * b + 1] + bm[3] * lx + bm[4] * ly + bm[5] * lz,
                xpos[3 * b + 2] + bm[6] * lx + bm[7] * ly + bm[8] * lz};
            double[] q = quatToMat(m.geomQuat[4 * g], m.geomQuat[4 * g + 1], m.geomQuat[4 * g + 2], m.geomQuat[4 * g + 3]);
            add(m, g, pos, multiply(bm, q), out);
        }
        return out;
    }

    private static void add(Model m, int g, double[] pos, double[] mat, List<SceneGeom> out) {
        int type = m.geomType[g];
        if (type == Model.GEOM_HFIELD || type > Model.GEOM_BOX) return; // height fields and meshes: not in our tasks
        double[] size = {m.geomSize[3 * g], m.geomSize[3 * g + 1], m.geomSize[3 * g + 2]};
        float[] rgba = m.geomRgba.length >= 4 * (g + 1)
                ? new float[] {m.geomRgba[4 * g], m.geomRgba[4 * g + 1], m.geomRgba[4 * g + 2], m.geomRgba[4 * g + 3]}
                : new float[] {0.5f, 0.5f, 0.5f, 1};
        boolean floor = type == Model.GEOM_PLANE && isFloorSize(size[0]) && isFloorSize(size[1]);
        out.add(new SceneGeom(type, size, pos, mat, rgba, floor));
    }

    private static boolean isFloorSize(double half) {
        return half == 0 || half > FLOOR_MIN_HALF_SIZE;
    }

    /** Rotation matrix (row-major) of a unit quaternion (w, x, y, z). */
    static double[] quatToMat(double w, double x, double y, double z) {
        double n = w * w + x * x + y * y + z * z;
        double s = n > 0 ? 2 / n : 0;
        return new double[] {
            1 - s * (y * y + z * z), s * (x * y - w * z), s * (x * z + w * y),
            s * (x * y + w * z), 1 - s * (x * x + z * z), s * (y * z - w * x),
            s * (x * z - w * y), s * (y * z + w * x), 1 - s * (x * x + y * y)};
    }

    static double[] multiply(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) c[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
        }
        return c;
    }

    private static void check(Model m, double[] a, int want, String what) {
        if (a == null || a.length < want) {
            throw new IllegalArgumentException(what + " has " + (a == null ? 0 : a.length) + " numbers; model "
                    + m.name + " needs " + want);
        }
    }
}
