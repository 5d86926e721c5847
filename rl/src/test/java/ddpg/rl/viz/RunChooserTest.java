package ddpg.rl.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The picks show the same picture (changed pixels keep their colour, unchanged ones are their colour or transparent),
 * and {@link RunChooser#FEWEST_RUNS} finds the fewest runs there are, checked against every possible pick.
 */
class RunChooserTest {
    private static final byte T = (byte) 255;

    @Test
    void unchangedPixelsBetweenChangedOnesOfTheirColourJoinTheirRun() {
        // 5 5 5 5 7 7 with the middle two 5s and the last 7 unchanged: 5 5 5 5 7 7 is two runs, 5 T T 5 ... four.
        byte[] px = {5, 5, 5, 5, 7, 7};
        boolean[] changed = {true, false, false, true, true, false};
        new RunChooser().choose(px, changed, px.length, T, RunChooser.FEWEST_RUNS);
        assertEquals(5, px[1]);
        assertEquals(5, px[2]);
        assertEquals(2, runs(px, px.length));
    }

    @Test
    void leaningTransparentKeepsALongUnchangedStretchTransparent() {
        // A changed 5, twenty unchanged 5s, a changed 9: fewest runs fills the stretch with 5 (two runs instead of
        // three); leaning transparent leaves it transparent, the run that recurs in every row of a delta frame.
        byte[] fewest = new byte[22], lean = new byte[22];
        boolean[] changed = new boolean[22];
        java.util.Arrays.fill(fewest, (byte) 5);
        fewest[21] = 9;
        changed[0] = changed[21] = true;
        System.arraycopy(fewest, 0, lean, 0, 22);
        RunChooser chooser = new RunChooser();
        chooser.choose(fewest, changed, 22, T, RunChooser.FEWEST_RUNS);
        chooser.choose(lean, changed, 22, T, RunChooser.LEAN_TRANSPARENT);
        assertEquals(2, runs(fewest, 22));
        for (int i = 1; i < 21; i++) assertEquals(T, lean[i], "pixel " + i);
    }

    @Test
    void everyPickShowsTheSamePictureAndFewestRunsIsTheMinimum() {
        SplittableRandom rng = new SplittableRandom(17);
        RunChooser chooser = new RunChooser();
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + rng.nextInt(12);
            byte[] colours = new byte[n];
            boolean[] changed = new boolean[n];
            for (int i = 0; i < n; i++) {
                colours[i] = (byte) rng.nextInt(3); // few colours: many chances to join runs
                changed[i] = rng.nextInt(3) == 0;
            }
            for (RunChooser.Weights w : new RunChooser.Weights[] {RunChooser.FEWEST_RUNS, RunChooser.LEAN_TRANSPARENT}) {
                byte[] px = colours.clone();
                chooser.choose(px, changed, n, T, w);
                for (int i = 0; i < n; i++) {
                    if (changed[i]) assertEquals(colours[i], px[i], "a changed pixel keeps its colour");
                    else assertTrue(px[i] == colours[i] || px[i] == T, "an unchanged pixel is its colour or transparent");
                }
                if (w == RunChooser.FEWEST_RUNS) assertEquals(fewestRunsByTryingAll(colours, changed), runs(px, n), "trial " + trial);
            }
        }
    }

    @Test
    void theArraysMayBeLongerThanTheRectangle() {
        // GifWriter reuses its buffers: only the first count entries are the rectangle, the rest is left alone.
        byte[] px = {1, 1, 1, 42, 42};
        boolean[] changed = {true, false, true, true, false};
        new RunChooser().choose(px, changed, 3, T, RunChooser.FEWEST_RUNS);
        assertArrayEquals(new byte[] {1, 1, 1, 42, 42}, px);
    }

    private static int fewestRunsByTryingAll(byte[] colours, boolean[] changed) {
        int n = colours.length, best = Integer.MAX_VALUE;
        byte[] px = new byte[n];
        for (int mask = 0; mask < 1 << n; mask++) {
            boolean possible = true;
            for (int i = 0; i < n; i++) {
                boolean transparent = (mask >> i & 1) != 0;
                if (transparent && changed[i]) possible = false;
                px[i] = transparent ? T : colours[i];
            }
            if (possible) best = Math.min(best, runs(px, n));
        }
        return best;
    }

    private static int runs(byte[] px, int n) {
        int r = 1;
        for (int i = 1; i < n; i++) if (px[i] != px[i - 1]) r++;
        return r;
    }
}
