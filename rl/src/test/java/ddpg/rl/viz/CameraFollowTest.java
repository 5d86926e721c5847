package ddpg.rl.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.physics.model.Model;
import ddpg.physics.mjcf.Models;
import org.junit.jupiter.api.Test;

/**
 * A tracking camera stays still while the body moves within its slack; a body that leaves it is re-centred in a quick
 * glide, after which the camera stops again; a running body is followed every frame.
 */
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
    void aSwayingBodyLeavesTheCameraStill() {
        TaskView view = TaskView.of("walker-run", WALKER);
        CameraFollow follow = new CameraFollow(view);
        double s = CameraFollow.SLACK;
        double[] start = follow.cameraAt(torsoAt(view, 1, 0, 1.2)).pos();
        assertArrayEquals(view.cameraAt(torsoAt(view, 1, 0, 1.2)).pos(), start, 1e-12, "the first frame is centred");
        // Bobbing and swaying within the slack: the same camera, frame after frame.
        assertArrayEquals(start, follow.cameraAt(torsoAt(view, 1 + 0.9 * s, 0, 1.2 - 0.9 * s)).pos(), 0.0);
        assertArrayEquals(start, follow.cameraAt(torsoAt(view, 1 - 0.9 * s, 0, 1.2 + 0.5 * s)).pos(), 0.0);
        // A new episode's follower starts centred again.
        assertArrayEquals(view.cameraAt(torsoAt(view, 0, 0, 1.2)).pos(), new CameraFollow(view).cameraAt(torsoAt(view, 0, 0, 1.2)).pos(), 1e-12);
    }

    @Test
    void aBodyThatLeavesTheSlackIsRecentredByAGlideThenTheCameraStops() {
        TaskView view = TaskView.of("walker-run", WALKER);
        CameraFollow follow = new CameraFollow(view);
        double s = CameraFollow.SLACK, g = CameraFollow.GLIDE;
        follow.cameraAt(torsoAt(view, 1, 0, 1.2));
        // The body steps 0.3 m forward and stays: the camera is pulled to the slack, glides g towards the body...
        double[] first = follow.cameraAt(torsoAt(view, 1.3, 0, 1.2)).pos();
        assertArrayEquals(view.cameraAt(torsoAt(view, 1.3 - s + g, 0, 1.2)).pos(), first, 1e-12);
        // ...and g a frame after that until the body is centred, in a few frames...
        int frames = 1;
        double[] cam = first;
        while (frames < 10 && Math.abs(cam[0] - view.cameraAt(torsoAt(view, 1.3, 0, 1.2)).pos()[0]) > 1e-12) {
            double[] next = follow.cameraAt(torsoAt(view, 1.3, 0, 1.2)).pos();
            assertTrue(next[0] - cam[0] <= g + 1e-12 && next[0] > cam[0], "a glide of at most g forward");
            cam = next;
            frames++;
        }
        assertEquals((int) Math.ceil((s - 1e-9) / g), frames, "frames to re-centre");
        // ...then stays there while the body sways within the slack.
        assertArrayEquals(cam, follow.cameraAt(torsoAt(view, 1.3 + 0.9 * s, 0, 1.2)).pos(), 0.0);
        assertArrayEquals(cam, follow.cameraAt(torsoAt(view, 1.3, 0, 1.2 - 0.9 * s)).pos(), 0.0);
    }

    @Test
    void aRunningBodyIsFollowedEveryFrameLessThanTheSlackBehind() {
        TaskView view = TaskView.of("walker-run", WALKER);
        CameraFollow follow = new CameraFollow(view);
        double[] previous = follow.cameraAt(torsoAt(view, 0, 0, 1.2)).pos();
        for (int f = 1; f <= 30; f++) {
            double x = 0.27 * f; // 8 m/s at 30 frames a second
            double[] cam = follow.cameraAt(torsoAt(view, x, 0, 1.2)).pos();
            double behind = view.cameraAt(torsoAt(view, x, 0, 1.2)).pos()[0] - cam[0];
            assertTrue(cam[0] > previous[0], "frame " + f + " moves");
            assertTrue(behind >= 0 && behind < CameraFollow.SLACK, "frame " + f + " is " + behind + " m behind");
            previous = cam;
        }
    }

    @Test
    void aFixedCameraIsTheTasksCamera() {
        TaskView view = TaskView.of("cartpole-swingup", Models.builtin("cartpole"));
        assertSame(view.camera(), new CameraFollow(view).cameraAt(new double[3 * 3]));
    }
}
