package ddpg.rl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval} and {@code render} say which weights they used, and {@code --checkpoint N|latest} picks a checkpoint's
 * actor instead of the final one. The tiny run trains 200 steps (a checkpoint at the end) and is then extended to 400
 * (another), with learning from step 100 on, so the actors of steps 200 and 400 differ.
 */
class WhichWeightsTest extends ConsoleTest {
    @TempDir static Path shared;
    private static Path run;

    @BeforeAll
    static void tinyRun() throws IOException {
        run = ConsoleTest.tinyRun(shared.resolve("runs"));
        assertEquals(0, Main.dispatch(new ArrayList<>(List.of("--resume", run.toString(), "--steps", "400"))));
    }

    /** The lines of {@code eval --run <run> --episodes 2} plus {@code extra}, which must succeed. */
    private List<String> eval(String... extra) {
        List<String> args = new ArrayList<>(List.of("eval", "--run", run.toString(), "--episodes", "2"));
        args.addAll(List.of(extra));
        assertEquals(0, run(args.toArray(new String[0])), errText());
        return outText().lines().toList();
    }

    @Test
    void evalNamesTheFinalActorByDefaultAndACheckpointWhenAsked() {
        List<String> fin = eval();
        assertEquals("weights: final actor (actor.safetensors, 400 env steps)", fin.get(1), String.join("\n", fin));

        List<String> latest = eval("--checkpoint", "latest");
        assertEquals("weights: checkpoint at env step 400 (checkpoints/step-000000000400)", latest.get(1));
        assertEquals(fin.get(2), latest.get(2), "the final actor is the last checkpoint's actor: same returns");

        List<String> older = eval("--checkpoint", "200");
        assertEquals("weights: checkpoint at env step 200 (checkpoints/step-000000000200)", older.get(1));
        assertNotEquals(fin.get(2), older.get(2), "step 200's actor is another policy: other returns");
    }

    @Test
    void evalGivesTheSameReturnsOnAnyThreadCountAndRefusesABadOne() {
        List<String> one = eval("--threads", "1");
        assertEquals(one, eval("--threads", "2"));
        assertEquals(one, eval("--threads", "3"));
        assertOneLineError(run("eval", "--run", run.toString(), "--threads", "0"), "--threads must be at least 1, got 0");
    }

    @Test
    void anUnknownCheckpointListsTheStepsThereAre() {
        assertOneLineError(run("eval", "--run", run.toString(), "--checkpoint", "100"),
                "no checkpoint at env step 100 in " + run + "; its checkpoints are at steps 200, 400");
        assertOneLineError(run("eval", "--run", run.toString(), "--checkpoint", "last"), "--checkpoint expects an env step");
        assertOneLineError(run("render", "--task", "cartpole-swingup", "--checkpoint", "200"), "--checkpoint is for --run");
    }

    @Test
    void renderSaysWhichWeightsItFilmedAndHowLongTheClipIs() {
        Path gif = shared.resolve("clip.gif");
        assertEquals(0, run("render", "--run", run.toString(), "--checkpoint", "200", "--steps", "30", "--width", "32",
                "--height", "24", "--out", gif.toString()), errText());
        List<String> lines = outText().lines().toList();
        assertEquals("weights: checkpoint at env step 200 (checkpoints/step-000000000200)", lines.get(0));
        // cartpole: 0.01 s a control step, so 30 steps are 0.3 s: frames at 0, 1/30, ..., 8/30 s.
        assertTrue(lines.get(1).matches("wrote \\Q" + gif + "\\E \\(\\d+ KB\\): cartpole-swingup, 9 frames = 0\\.3 s simulated,"
                + " return -?\\d+\\.\\d; rendered in \\d+\\.\\d s"), lines.get(1));
    }

    @Test
    void renderWithoutARunSaysTheClipLengthToo() {
        Path gif = shared.resolve("zero.gif");
        assertEquals(0, run("render", "--task", "cartpole-swingup", "--policy", "zero", "--steps", "100", "--width", "32",
                "--height", "24", "--fps", "20", "--out", gif.toString()), errText());
        assertTrue(lastOutLine().matches("wrote \\Q" + gif + "\\E \\(\\d+ KB\\): cartpole-swingup, 20 frames = 1\\.0 s simulated,"
                + " return -?\\d+\\.\\d; rendered in \\d+\\.\\d s"), lastOutLine());
    }
}
