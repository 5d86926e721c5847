package ddpg.rl.viz;

import ddpg.physics.model.Model;
import java.util.Locale;

/**
 * How to look at a task, after the Control Suite's default cameras: a fixed camera for cartpole ("fixed") and reacher
 * ("fixed", straight down); a side camera that follows the torso for cheetah, walker and humanoid (their "side" cameras,
 * which MuJoCo moves with the torso's subtree centre of mass; here the torso's own position, which is steadier to
 * compute and looks the same). Field of view 45 degrees, MuJoCo's default. Clips film through a {@link CameraFollow},
 * which lets the body sway 15 cm before the camera moves.
 *
 * @param domain      "cartpole", "reacher", "cheetah", "walker" or "humanoid"
 * @param camera      the camera; for a tracking view, its position is an offset from the tracked body
 * @param trackBody   body id the camera follows, or -1 for a fixed camera
 * @param checkerSize side of a floor checker square, metres
 */
public record TaskView(String domain, Camera camera, int trackBody, double checkerSize) {
    public static final double FOVY = 45;

    /** The view for a task ("walker-run") or a domain ("walker") on its compiled model. */
    public static TaskView of(String taskOrDomain, Model m) {
        String domain = taskOrDomain.toLowerCase(Locale.ROOT).split("-", 2)[0];
        double s60 = Math.sin(Math.toRadians(60)), c60 = Math.cos(Math.toRadians(60));
        double r5 = Math.sqrt(5);
        return switch (domain) {
            // <camera name="fixed" pos="0 -4 1" zaxis="0 -1 0"/>
            case "cartpole" -> new TaskView(domain, Camera.fromXyAxes(v(0, -4, 1), v(1, 0, 0), v(0, 0, 1), FOVY), -1, 0.5);
            // <camera name="fixed" pos="0 0 .75" quat="1 0 0 0"/>: straight down, x right, y up on screen
            case "reacher" -> new TaskView(domain, Camera.fromXyAxes(v(0, 0, 0.75), v(1, 0, 0), v(0, 1, 0), FOVY), -1, 0.1);
            // <camera name="side" pos="0 -3 0" quat="0.707 0.707 0 0" mode="trackcom"/> in the torso
            case "cheetah" -> tracking(domain, m, Camera.fromXyAxes(v(0, -3, 0), v(1, 0, 0), v(0, 0, 1), FOVY));
            // <camera name="side" pos="0 -2 .7" euler="60 0 0" mode="trackcom"/>
            case "walker" -> tracking(domain, m, Camera.fromXyAxes(v(0, -2, 0.7), v(1, 0, 0), v(0, c60, s60), FOVY));
            // <camera name="side" pos="0 -3 1" xyaxes="1 0 0 0 1 2" mode="trackcom"/>
            case "humanoid" -> tracking(domain, m, Camera.fromXyAxes(v(0, -3, 1), v(1, 0, 0), v(0, 1 / r5, 2 / r5), FOVY));
            default -> throw new IllegalArgumentException("no camera for '" + taskOrDomain
                    + "': known domains are cartpole, reacher, cheetah, walker, humanoid");
        };
    }

    /** The camera for a state whose body positions are {@code xpos} (nbody x 3). */
    public Camera cameraAt(double[] xpos) {
        if (trackBody < 0) return camera;
        return camera.translated(new double[] {xpos[3 * trackBody], xpos[3 * trackBody + 1], xpos[3 * trackBody + 2]});
    }

    /** A renderer of the given size set up for this view (checker size). */
    public Renderer renderer(int width, int height) {
        return new Renderer(width, height).checkerSize(checkerSize);
    }

    private static TaskView tracking(String domain, Model m, Camera offset) {
        int torso = m.bodyId("torso");
        if (torso < 0) throw new IllegalArgumentException("model " + m.name + " has no body 'torso' for the " + domain + " camera to follow");
        return new TaskView(domain, offset, torso, 0.5);
    }

    private static double[] v(double x, double y, double z) {
        return new double[] {x, y, z};
    }
}
