package ddpg.rl.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ddpg.physics.model.Model;
import ddpg.physics.mjcf.Models;
import org.junit.jupiter.api.Test;

/** A tracking camera stays still while the body moves within its slack, then follows it at the slack's distance. */
class CameraFollowTest {
    private static final Model WALKER = Models.builtin("walker");

    /** Body positions with the torso at (x, y, z). */
    private static double[] torsoAt(TaskView view, double x, double y, double z) {
        double[] xpos = new double[3 * WALKER.nbody];
        xpos[3 * view.trackBody()] = x;
        xpos[3 * view.trackBody() + 1] = y;
        xpos[3 * view.trackBody() + 2] = z;
        return xpos;
    }

    @Test
    void aSwayingBodyLeavesTheCameraStillAndARunningOneIsFollowed() {
        TaskView view = TaskView.of("walker-run", WALKER);
        CameraFollow follow = new CameraFollow(view);
        double s = CameraFollow.SLACK;
        double[] start = follow.cameraAt(torsoAt(view, 1, 0, 1.2)).pos();
        assertArrayEquals(view.cameraAt(torsoAt(view, 1, 0, 1.2)).pos(), start, 1e-12, "the first frame is centred");
        // Bobbing and swaying within the slack: the same camera, frame after frame.
        assertArrayEquals(start, follow.cameraAt(torsoAt(view, 1 + 0.9 * s, 0, 1.2 - 0.9 * s)).pos(), 0.0);
        assertArrayEquals(start, follow.cameraAt(torsoAt(view, 1 - 0.9 * s, 0, 1.2 + 0.5 * s)).pos(), 0.0);
        // Running 0.3 m forward and dropping 0.1 m: the camera follows, the slack behind along each axis.
        double[] moved = follow.cameraAt(torsoAt(view, 1.3, 0, 1.1)).pos();
        assertArrayEquals(view.cameraAt(torsoAt(view, 1.3 - s, 0, 1.1 + s)).pos(), moved, 1e-12);
        // A new episode's follower starts centred again.
        assertArrayEquals(view.cameraAt(torsoAt(view, 0, 0, 1.2)).pos(), new CameraFollow(view).cameraAt(torsoAt(view, 0, 0, 1.2)).pos(), 1e-12);
    }

    @Test
    void aFixedCameraIsTheTasksCamera() {
        TaskView view = TaskView.of("cartpole-swingup", Models.builtin("cartpole"));
        assertSame(view.camera(), new CameraFollow(view).cameraAt(new double[3 * 3]));
    }
}
