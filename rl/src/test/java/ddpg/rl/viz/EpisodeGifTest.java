package ddpg.rl.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ddpg.physics.env.ControlSuiteEnv;
import ddpg.physics.env.StepResult;
import ddpg.physics.env.Tasks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpisodeGifTest {
    @TempDir Path tmp;

    /** A fixed, state-dependent policy: push the cart against the pole's sine. */
    static final BiConsumer<double[], double[]> POLICY = (o, a) -> a[0] = Math.max(-1, Math.min(1, 3 * o[2]));

    @Test
    void filmsAnEpisodeWithTheExpectedFramesAndTheSameReturnAsAPlainRollout() throws IOException {
        ControlSuiteEnv env = Tasks.make("cartpole-swingup");
        Path out = tmp.resolve("cartpole.gif");
        // 1000 steps of 0.01 s = 10 s; at 5 fps that is 50 frames (a low rate keeps the test fast).
        EpisodeGif.Result r = EpisodeGif.record(env, POLICY, 1, k -> 11 + k, out, 64, 48, 5);
        GifTest.GifInfo info = GifTest.read(out);
        assertEquals(50, r.frames());
        assertEquals(50, info.frames());
        assertEquals(64, info.width());
        assertEquals(48, info.height());
        assertEquals(0, info.loopCount());
        assertEquals(1000, info.delays().stream().mapToInt(Integer::intValue).sum(), "10 s of simulated time");

        // Filming must not change the episode: the same policy and seed without a camera give the same return.
        ControlSuiteEnv plain = Tasks.make("cartpole-swingup");
        double[] obs = plain.reset(11);
        double[] a = new double[1];
        double ret = 0;
        while (true) {
            POLICY.accept(obs, a);
            StepResult s = plain.step(a);
            ret += s.reward();
            obs = s.observation();
            if (s.last()) break;
        }
        assertEquals(ret, r.returns()[0], 0.0);
    }

    @Test
    void maxStepsShortensTheClipAndEpisodesFollowEachOther() throws IOException {
        ControlSuiteEnv env = Tasks.make("cartpole-swingup");
        Path out = tmp.resolve("short.gif");
        // Two episodes of 200 steps (2 s each) at 10 fps: 2 x 20 frames, 4 s in all.
        EpisodeGif.Result r = EpisodeGif.record(env, POLICY, 2, k -> 3 + k, out, new EpisodeGif.Settings(32, 24, 10, 200));
        GifTest.GifInfo info = GifTest.read(out);
        assertEquals(40, info.frames());
        assertEquals(400, info.delays().stream().mapToInt(Integer::intValue).sum());
        assertEquals(2, r.returns().length);
        assertThrows(IllegalArgumentException.class, () -> new EpisodeGif.Settings(32, 24, 10, -1));
    }

    @Test
    void badArgumentsFailWithoutWritingAFile() {
        ControlSuiteEnv env = Tasks.make("cartpole-swingup");
        assertThrows(IllegalArgumentException.class, () -> EpisodeGif.record(env, POLICY, 0, k -> k, tmp.resolve("a.gif")));
        assertThrows(IllegalArgumentException.class,
                () -> EpisodeGif.record(env, (o, a) -> a[0] = Double.NaN, 1, k -> k, tmp.resolve("b.gif"), 32, 24, 5));
        assertFalse(Files.exists(tmp.resolve("b.gif")));
    }
}
