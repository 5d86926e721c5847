package ddpg.rl.viz;

/**
 * A pinhole camera: position, an orthonormal frame (right, up, forward) and the vertical field of view. Pixel
 * coordinates are continuous: pixel (i, j) covers [i, i+1) x [j, j+1), j growing downwards, and a point straight
 * ahead lands at (width/2, height/2).
 */
public record Camera(double[] pos, double[] right, double[] up, double[] forward, double fovyDeg) {

    /** A camera at {@code eye} looking at {@code target}, with {@code upHint} (e.g. world z) pointing up on screen. */
    public static Camera lookAt(double[] eye, double[] target, double[] upHint, double fovyDeg) {
        double[] f = Vec.normalize(Vec.sub(target, eye));
        double[] r = Vec.cross(f, upHint);
        if (Vec.norm(r) < 1e-9) r = Vec.cross(f, Math.abs(f[0]) < 0.9 ? new double[] {1, 0, 0} : new double[] {0, 1, 0});
        r = Vec.normalize(r);
        double[] u = Vec.cross(r, f);
        return new Camera(eye.clone(), r, u, f, fovyDeg);
    }

    /**
     * A camera from a MuJoCo camera frame: {@code xaxis} points right on screen, {@code yaxis} up, and the camera looks
     * along -z = -(x cross y), as in MJCF's {@code xyaxes}.
     */
    public static Camera fromXyAxes(double[] pos, double[] xaxis, double[] yaxis, double fovyDeg) {
        double[] r = Vec.normalize(xaxis);
        double[] y = Vec.sub(yaxis, Vec.scale(r, Vec.dot(r, yaxis))); // Gram-Schmidt, like MuJoCo does
        double[] u = Vec.normalize(y);
        double[] f = Vec.cross(u, r); // -(r x u)
        return new Camera(pos.clone(), r, u, f, fovyDeg);
    }

    /** The same camera moved by {@code delta} (for cameras that track a body). */
    public Camera translated(double[] delta) {
        return new Camera(Vec.add(pos, delta), right, up, forward, fovyDeg);
    }

    /** Focal length in pixels for an image {@code height} pixels tall. */
    double focal(int height) {
        return 0.5 * height / Math.tan(Math.toRadians(fovyDeg) / 2);
    }

    /**
     * Where a world point lands: {x pixel, y pixel, depth along forward}. Depth {@code <= 0} means behind the camera (then the
     * pixel coordinates are meaningless).
     */
    public double[] project(double[] world, int width, int height) {
        double[] d = Vec.sub(world, pos);
        double x = Vec.dot(d, right), y = Vec.dot(d, up), z = Vec.dot(d, forward);
        double f = focal(height);
        return new double[] {width / 2.0 + f * x / z, height / 2.0 - f * y / z, z};
    }
}
