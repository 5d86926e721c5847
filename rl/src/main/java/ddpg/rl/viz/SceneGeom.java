package ddpg.rl.viz;

/**
 * One thing to draw, independent of any physics engine: a MuJoCo-style geom placed in the world.
 *
 * @param type    MuJoCo geom type code: {@link #PLANE}, {@link #SPHERE}, {@link #CAPSULE}, {@link #ELLIPSOID},
 *                {@link #CYLINDER} or {@link #BOX}
 * @param size    3 numbers as MuJoCo uses them: sphere (r); capsule and cylinder (r, half-length along local z);
 *                ellipsoid and box (half-extents); plane (half-sizes in x and y, 0 = infinite), facing local +z
 * @param pos     world position of the geom's centre (3)
 * @param mat     world rotation, 3x3 row-major: column k is the geom's local axis k in world coordinates
 * @param rgba    colour, 0..1; alpha 0 hides the geom
 * @param checker draw a checker floor pattern instead of the flat colour (planes only)
 */
public record SceneGeom(int type, double[] size, double[] pos, double[] mat, float[] rgba, boolean checker) {
    public static final int PLANE = 0, SPHERE = 2, CAPSULE = 3, ELLIPSOID = 4, CYLINDER = 5, BOX = 6;
    static final double[] IDENTITY = {1, 0, 0, 0, 1, 0, 0, 0, 1};

    public SceneGeom {
        if (type != PLANE && type != SPHERE && type != CAPSULE && type != ELLIPSOID && type != CYLINDER && type != BOX) {
            throw new IllegalArgumentException("geom type " + type + " cannot be drawn (plane 0, sphere 2, capsule 3, "
                    + "ellipsoid 4, cylinder 5, box 6)");
        }
        if (size.length < 3 || pos.length < 3 || mat.length < 9 || rgba.length < 4) {
            throw new IllegalArgumentException("a geom needs size[3], pos[3], mat[9] and rgba[4]");
        }
    }

    /** A geom with a flat colour (planes get the checker pattern). */
    public SceneGeom(int type, double[] size, double[] pos, double[] mat, float[] rgba) {
        this(type, size, pos, mat, rgba, type == PLANE);
    }

    /** Radius of a sphere around {@link #pos} that contains the whole geom (infinite for an unbounded plane). */
    double boundingRadius() {
        return switch (type) {
            case SPHERE -> size[0];
            case CAPSULE -> size[0] + size[1];
            case CYLINDER -> Math.hypot(size[0], size[1]);
            case ELLIPSOID -> Math.max(size[0], Math.max(size[1], size[2]));
            case BOX -> Math.sqrt(size[0] * size[0] + size[1] * size[1] + size[2] * size[2]);
            default -> size[0] > 0 && size[1] > 0 ? Math.hypot(size[0], size[1]) : Double.POSITIVE_INFINITY;
        };
    }
}
