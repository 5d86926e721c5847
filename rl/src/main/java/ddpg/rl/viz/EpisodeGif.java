package ddpg.rl.viz;

import ddpg.physics.env.ControlSuiteEnv;
import ddpg.physics.env.StepResult;
import ddpg.physics.tasks.TaskPhysics;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.LongUnaryOperator;

/**
 * Rolls a policy out in a task and films it: a looping GIF at about 30 fps in real time, the task's default camera,
 * the return so far in the top-left corner. What {@code ddpg.jar render} and the trainer's {@code --gif-every} call.
 *
 * <pre>
 * ControlSuiteEnv env = Tasks.make("walker-run");
 * EpisodeGif.Result r = EpisodeGif.record(env, (obs, act) -> agent.act(obs, act), 1, k -> 42 + k, Path.of("agent.gif"));
 * </pre>
 */
public final class EpisodeGif {
    /**
     * Returns of the filmed episodes (over the filmed steps), frames written, the simulated time they show (seconds,
     * all episodes; the clip plays in real time, so this is also its length) and how many episodes diverged.
     */
    public record Result(double[] returns, int frames, double seconds, int diverged) {}

    /**
     * How to film: frame size, frames per second of simulated time, and at most how many control steps of each
     * episode (0 = the whole episode; a shorter clip is a smaller file).
     */
    public record Settings(int width, int height, double fps, int maxSteps) {
        public static final Settings DEFAULT = new Settings(Renderer.DEFAULT_WIDTH, Renderer.DEFAULT_HEIGHT, GifRecorder.DEFAULT_FPS, 0);

        public Settings {
            if (maxSteps < 0) throw new IllegalArgumentException("maxSteps must be >= 0 (0 = whole episode), got " + maxSteps);
        }
    }

    private EpisodeGif() {}

    /** Whole episodes at 320x240, 30 fps. */
    public static Result record(ControlSuiteEnv env, BiConsumer<double[], double[]> policy, int episodes,
                                LongUnaryOperator episodeSeed, Path out) {
        return record(env, policy, episodes, episodeSeed, out, Settings.DEFAULT);
    }

    /** Whole episodes with the given frame size and rate. */
    public static Result record(ControlSuiteEnv env, BiConsumer<double[], double[]> policy, int episodes,
                                LongUnaryOperator episodeSeed, Path out, int width, int height, double fps) {
        return record(env, policy, episodes, episodeSeed, out, new Settings(width, height, fps, 0));
    }

    /**
     * Runs {@code episodes} episodes (episode k starts from {@code reset(episodeSeed.applyAsLong(k))}), asking
     * {@code policy} to fill the action for each observation, and writes them one after another into {@code out}
     * (atomically; on any failure the target is left untouched).
     */
    public static Result record(ControlSuiteEnv env, BiConsumer<double[], double[]> policy, int episodes,
                                LongUnaryOperator episodeSeed, Path out, Settings settings) {
        int width = settings.width(), height = settings.height();
        double fps = settings.fps();
        if (episodes < 1) throw new IllegalArgumentException("episodes must be at least 1, got " + episodes);
        TaskPhysics physics = env.physics();
        String task = env.spec().name();
        TaskView view = TaskView.of(task, env.model());
        Renderer renderer = view.renderer(width, height);
        BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        double dt = env.spec().controlTimestep();
        double[] returns = new double[episodes];
        double[] action = new double[env.spec().actionSize()];
        int diverged = 0;
        double seconds = 0;
        GifRecorder gif = new GifRecorder(out, fps);
        try {
            for (int k = 0; k < episodes; k++) {
                if (k > 0) gif.nextEpisode();
                double[] obs = env.reset(episodeSeed.applyAsLong(k));
                CameraFollow camera = new CameraFollow(view);
                String label = episodes > 1 ? task + "  " + (k + 1) + "/" + episodes : task;
                double ret = 0;
                int step = 0;
                while (true) {
                    if (gif.due(step * dt)) {
                        renderer.render(PhysicsScene.fromBodyPoses(env.model(), physics.xpos(), physics.xmat()),
                                camera.cameraAt(physics.xpos()), frame);
                        FrameOverlay.caption(frame, FrameOverlay.returnSoFar(ret), label);
                        gif.add(frame);
                    }
                    policy.accept(obs, action);
                    StepResult r = env.step(action);
                    step++;
                    if (r.diverged()) {
                        diverged++;
                        break;
                    }
                    ret += r.reward();
                    obs = r.observation();
                    if (r.last() || step == settings.maxSteps()) break;
                }
                returns[k] = ret;
                seconds += step * dt;
            }
            int frames = gif.frameCount();
            gif.close();
            return new Result(returns, frames, seconds, diverged);
        } catch (RuntimeException e) {
            gif.abort();
            throw e;
        }
    }
}
