package ddpg.rl.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotTest {
    @TempDir Path tmp;

    @Test
    void fixturesUseTheTrainersHeader() {
        assertEquals(ddpg.rl.train.ProgressLog.HEADER, RunFixtures.HEADER);
    }

    @Test
    void singleRunWritesAPngWithTheTaskTitleArea() throws IOException {
        Path run = RunFixtures.run(tmp, "cartpole-swingup-s1-20260101-120000", "cartpole-swingup", 50_000, 5_000,
                s -> s / 100.0, 10, s -> s / 120.0);
        Path out = Plot.writeRunCurve(run);
        assertEquals(run.resolve("curve.png"), out);
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(Plot.PANEL_W, img.getWidth());
        assertEquals(Plot.PANEL_H + PanelLegend.height(2), img.getHeight(), "the panel, then two legend rows below it");
        assertTrue(countColour(img, PlotPanel.EVAL, 30) > 200, "the eval line is drawn");
        try (Stream<Path> files = Files.list(run)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file left behind");
        }
    }

    @Test
    void severalSeedsProduceABandAroundTheMean() {
        // Three seeds whose eval returns are constant 100, 200, 300: mean 200, std sqrt(20000/3) = 81.65.
        List<RunProgress> runs = Stream.of(100.0, 200.0, 300.0).map(v -> RunReader.read(
                RunFixtures.run(tmp, "walker-run-s" + v.intValue() + "-x", "walker-run", 100_000, 10_000, s -> v, 0, null)))
                .toList();
        BufferedImage img = Plot.render(runs);
        // Axes: y from 0 to NiceTicks(0, 281.65) = 0..300, x from 0 to 100k.
        int[] a = PlotPanel.plotArea(0, 0, Plot.PANEL_W, Plot.PANEL_H);
        int x = a[0] + (int) Math.round(a[2] * 0.30); // 30k steps: away from the legend in the lower right
        int inBandAbove = a[1] + a[3] - (int) Math.round(a[3] * 250.0 / 300.0); // 250 < 281.6
        int inBandBelow = a[1] + a[3] - (int) Math.round(a[3] * 150.0 / 300.0); // 150 > 118.4
        int outside = a[1] + a[3] - (int) Math.round(a[3] * 295.0 / 300.0);     // 295 > 281.6, below the 300 grid line
        assertBandPixel(img.getRGB(x, inBandAbove));
        assertBandPixel(img.getRGB(x, inBandBelow));
        int o = img.getRGB(x, outside);
        assertTrue(red(o) > 240 && green(o) > 240 && blue(o) > 240, "white outside the band, got " + Integer.toHexString(o));
        // The mean line itself: strong blue at value 200.
        int onLine = img.getRGB(x, a[1] + a[3] - (int) Math.round(a[3] * 200.0 / 300.0));
        assertTrue(blue(onLine) > 200 && red(onLine) < 120, "mean line at 200, got " + Integer.toHexString(onLine));
    }

    @Test
    void runsSharingASeedAreCalledRunsNotSeeds() throws IOException {
        Path a = RunFixtures.run(tmp, "cartpole-swingup-s1-a", null, 5000, 1000, s -> 1, 0, null);
        Path b = RunFixtures.run(tmp, "cartpole-swingup-s1-b", null, 5000, 1000, s -> 2, 0, null);
        Path c = RunFixtures.run(tmp, "cartpole-swingup-s2-c", null, 5000, 1000, s -> 3, 0, null);
        assertEquals("2 runs", GroupCurves.of(null, List.of(RunReader.read(a), RunReader.read(b)), 1).runsLabel());
        assertEquals("2 seeds", GroupCurves.of(null, List.of(RunReader.read(a), RunReader.read(c)), 1).runsLabel());
    }

    @Test
    void aSingleRunWithoutSpreadHasNoBand() {
        RunProgress run = RunReader.read(RunFixtures.run(tmp, "walker-run-s1-x", "walker-run", 100_000, 10_000,
                s -> 200, 0, null));
        BufferedImage img = Plot.render(List.of(run));
        int[] a = PlotPanel.plotArea(0, 0, Plot.PANEL_W, Plot.PANEL_H);
        // y axis 0..250 (NiceTicks of 0..200 in about 5 steps: step 50); 230 is off the line and off the grid.
        int x = a[0] + (int) Math.round(a[2] * 0.30);
        int p = img.getRGB(x, a[1] + a[3] - (int) Math.round(a[3] * 230.0 / 250.0));
        assertTrue(red(p) > 240 && blue(p) > 240, "no band, got " + Integer.toHexString(p));
    }

    @Test
    void aBandDippingJustBelowZeroKeepsTheAxisAtZero() {
        // The trainer's first row: mean 0.0152, std 0.0182 over episodes; later returns near 800.
        RunProgress run = RunReader.read(RunFixtures.run(tmp, "cartpole-swingup-s1-x", null, 60_000, 10_000,
                s -> s == 10_000 ? 0.0152 : s / 75.0, 0.0182, null));
        BufferedImage img = Plot.render(List.of(run));
        int[] a = PlotPanel.plotArea(0, 0, Plot.PANEL_W, Plot.PANEL_H);
        // With the axis at 0..800 the first point (about 0) sits on the bottom edge of the plotting area.
        int x = a[0] + (int) Math.round(a[2] * 10_000.0 / 60_000.0);
        int bottom = img.getRGB(x, a[1] + a[3] - 1);
        assertTrue(blue(bottom) > 180 && red(bottom) < 150, "the first eval point is on the x axis, got " + Integer.toHexString(bottom));
    }

    @Test
    void theFirstEvaluationAloneIsAReadablePicture() throws IOException {
        // What the trainer has right after evaluating the untrained policy at step 0.
        Path run = Files.createDirectories(tmp.resolve("cartpole-swingup-s1-x"));
        Files.writeString(run.resolve("progress.csv"), RunFixtures.HEADER + "\n0,0,,0.0152,0.0182,,,,,2.2\n");
        BufferedImage img = ImageIO.read(Plot.writeRunCurve(run).toFile());
        int[] a = PlotPanel.plotArea(0, 0, Plot.PANEL_W, Plot.PANEL_H);
        // Axis 0..10: the point (0, 0.015) is drawn at the origin, in the corner of the plotting area.
        int p = img.getRGB(a[0] + 1, a[1] + a[3] - 1);
        assertTrue(blue(p) > 180 && red(p) < 150, "the eval point at the origin, got " + Integer.toHexString(p));
    }

    @Test
    void theLegendIsBelowThePlottingAreaNeverOverTheCurves() {
        // Flat near zero for 250k steps, then rising to the top right: only the top-left corner is free.
        RunProgress run = RunReader.read(RunFixtures.run(tmp, "humanoid-walk-s1-x", null, 300_000, 10_000,
                s -> s <= 250_000 ? 2 : 2 + (s - 250_000) / 1000.0, 0.5, s -> s <= 250_000 ? 2 : 2 + (s - 250_000) / 1100.0));
        BufferedImage img = Plot.render(List.of(run));
        int[] a = PlotPanel.plotArea(0, 0, Plot.PANEL_W, Plot.PANEL_H);
        assertEquals(0, countIn(img, PlotPanel.TEXT, a[0], a[1], a[2], a[3]), "no legend text inside the plotting area");
        long below = countIn(img, PlotPanel.TEXT, 0, Plot.PANEL_H, Plot.PANEL_W, img.getHeight() - Plot.PANEL_H);
        assertTrue(below > 30, "legend text in the strip below the panel: " + below);
    }

    static long countIn(BufferedImage img, java.awt.Color c, int x0, int y0, int w, int h) {
        return countColour(img.getSubimage(x0, y0, w, h), c, 40);
    }

    @Test
    void severalTasksMakeAGridOfPanels() throws IOException {
        Path a = RunFixtures.run(tmp, "a", "cheetah-run", 20_000, 5_000, s -> 1, 0, s -> 1);
        Path b = RunFixtures.run(tmp, "b", "walker-run", 20_000, 5_000, s -> 1, 0, s -> 1);
        Path c = RunFixtures.run(tmp, "c", "cheetah-run", 20_000, 5_000, s -> 2, 0, s -> 1);
        Path d = RunFixtures.run(tmp, "d", "reacher-hard", 20_000, 5_000, s -> 1, 0, s -> 1);
        Path e = RunFixtures.run(tmp, "e", "humanoid-walk", 20_000, 5_000, s -> 1, 0, s -> 1);
        Path f = RunFixtures.run(tmp, "f", "cartpole-swingup", 20_000, 5_000, s -> 1, 0, s -> 1);
        int panelH = Plot.PANEL_H + PanelLegend.height(2); // eval and training rows below each panel
        BufferedImage three = render(a, b, c, d);
        assertEquals(3 * Plot.PANEL_W, three.getWidth(), "two cheetah runs share a panel: three tasks in a row");
        assertEquals(panelH, three.getHeight());
        BufferedImage img = render(a, b, c, d, e);
        assertEquals(2 * Plot.PANEL_W, img.getWidth(), "four tasks -> 2x2");
        assertEquals(2 * panelH, img.getHeight());
        img = render(a, b, c, d, e, f);
        assertEquals(3 * Plot.PANEL_W, img.getWidth(), "five tasks -> rows of three");
        assertEquals(2 * panelH, img.getHeight());
        Path out = tmp.resolve("grid.png");
        Plot.writePng(List.of(TaskCurves.of("cheetah-run", List.of(RunReader.read(a)))), PlotOptions.DEFAULT, out);
        assertEquals(Plot.PANEL_W, ImageIO.read(out.toFile()).getWidth());
    }

    private static BufferedImage render(Path... runs) {
        return Plot.render(Stream.of(runs).map(RunReader::read).toList());
    }

    @Test
    void taskNameComesFromConfigElseFromTheFolderName() throws IOException {
        Path withConfig = RunFixtures.run(tmp, "whatever", "reacher-hard", 2000, 1000, s -> 1, 0, null);
        assertEquals("reacher-hard", RunReader.read(withConfig).task());
        Path noConfig = RunFixtures.run(tmp, "cheetah-run-s3-20260101-120000", null, 2000, 1000, s -> 1, 0, null);
        assertEquals("cheetah-run", RunReader.read(noConfig).task());
        Path odd = RunFixtures.run(tmp, "my-experiment", null, 2000, 1000, s -> 1, 0, null);
        assertEquals("my-experiment", RunReader.read(odd).task());
        Files.writeString(odd.resolve("config.json"), "{\"seed\": 3}");
        assertEquals("my-experiment", RunReader.read(odd).task());
        assertEquals("3", RunReader.seed(noConfig), "seed from the folder name");
        assertEquals("3", RunReader.seed(odd), "seed from config.json");
        Path bare = RunFixtures.run(tmp, "experiment", null, 2000, 1000, s -> 1, 0, null);
        assertEquals(null, RunReader.seed(bare));
        Files.writeString(odd.resolve("config.json"), "{\"task\": \"walker-run\", \"run\": {\"steps\": 5, \"seed\": 42}}");
        assertEquals("42", RunReader.seed(odd));
        // A progress.csv path is accepted in place of its folder.
        assertEquals("reacher-hard", RunReader.read(withConfig.resolve("progress.csv")).task());
    }

    @Test
    void aHalfWrittenLastRowIsIgnoredButATruncatedRowInsideIsAnError() throws IOException {
        Path run = Files.createDirectories(tmp.resolve("walker-run-s1-x"));
        String rows = RunFixtures.HEADER + "\n1000,1,5,7,1,,,,,\n2000,2,6,,,,,,,\n";
        Files.writeString(run.resolve("progress.csv"), rows + "3000,3,7,");
        RunProgress r = RunReader.read(run);
        assertEquals(2, r.trainStep().length, "the row being appended is left out");
        Files.writeString(run.resolve("progress.csv"), rows + "3000,3,7,\n");
        assertError("progress.csv:4: expected 10", () -> RunReader.read(run));
    }

    @Test
    void emptyRowsAreSkippedAndRowsWithoutEvalKeepTraining() {
        RunProgress r = RunReader.read(RunFixtures.run(tmp, "cartpole-swingup-s1-x", null, 10_000, 5_000,
                s -> s, 2, s -> -s));
        assertEquals(2, r.evalStep().length);
        assertEquals(5000, r.evalStep()[0]);
        assertEquals(2, r.evalStd()[0]);
        assertEquals(10, r.trainStep().length);
        assertEquals(-3000, r.trainReturn()[2]);
    }

    @Test
    void badInputsGiveOneLineErrorsNamingTheProblem() throws IOException {
        assertError("does not exist", () -> RunReader.read(tmp.resolve("nope")));
        Path empty = Files.createDirectories(tmp.resolve("empty-run"));
        assertError("has no progress.csv", () -> RunReader.read(empty));
        Files.writeString(empty.resolve("progress.csv"), "");
        assertError("is empty", () -> RunReader.read(empty));
        Files.writeString(empty.resolve("progress.csv"), RunFixtures.HEADER + "\n");
        assertError("no rows", () -> RunReader.read(empty));
        Files.writeString(empty.resolve("progress.csv"), RunFixtures.HEADER + "\n1000,1,abc,,,,,,,\n");
        assertError("progress.csv:2: train_return is 'abc', not a number", () -> RunReader.read(empty));
        Files.writeString(empty.resolve("progress.csv"), RunFixtures.HEADER + "\n1000,1,5\n");
        assertError("progress.csv:2: expected 10", () -> RunReader.read(empty));
        Files.writeString(empty.resolve("progress.csv"), "step,reward\n1,2\n");
        assertError("no 'env_step' column", () -> RunReader.read(empty));
        Files.writeString(empty.resolve("progress.csv"), RunFixtures.HEADER + "\n2000,1,5,,,,,,,\n1000,2,5,,,,,,,\n");
        assertError("goes backwards", () -> RunReader.read(empty));
        Files.writeString(empty.resolve("progress.csv"), RunFixtures.HEADER + "\n1000,1,,,,,,,,\n");
        assertError("no train_return or eval_mean values", () -> RunReader.read(empty));
        Files.write(empty.resolve("progress.csv"), new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff, (byte) 0xfe, 0});
        assertError("not a text CSV", () -> RunReader.read(empty));
        Path file = Files.writeString(tmp.resolve("notes.txt"), "hello");
        assertError("is a file, not a run folder", () -> RunReader.read(file));
        Path good = RunFixtures.run(tmp, "ok", "walker-run", 2000, 1000, s -> 1, 0, null);
        List<TaskCurves> panels = List.of(TaskCurves.of("walker-run", List.of(RunReader.read(good))));
        assertError("does not exist (create it first)", () -> Plot.writePng(panels, PlotOptions.DEFAULT, tmp.resolve("no/dir/x.png")));
        assertError("nothing to plot", () -> Plot.render(List.of(), PlotOptions.DEFAULT));
    }

    private static void assertError(String fragment, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should contain '" + fragment + "'");
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    private static void assertBandPixel(int rgb) {
        // The band is translucent blue over white: clearly bluer than it is red, yet far from the solid line colour.
        assertTrue(blue(rgb) - red(rgb) > 15 && red(rgb) > 150, "band pixel expected, got " + Integer.toHexString(rgb));
    }

    static long countColour(BufferedImage img, java.awt.Color c, int tol) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if (Math.abs(red(p) - c.getRed()) <= tol && Math.abs(green(p) - c.getGreen()) <= tol
                        && Math.abs(blue(p) - c.getBlue()) <= tol) n++;
            }
        }
        return n;
    }

    static int red(int rgb) { return (rgb >> 16) & 255; }
    static int green(int rgb) { return (rgb >> 8) & 255; }
    static int blue(int rgb) { return rgb & 255; }
}
