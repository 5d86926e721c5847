package ddpg.rl.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several groups in one panel: colours, the x axis at the data, drop-out ticks, split seeds, smoothing. */
class GroupCurvesTest {
    @TempDir Path tmp;

    private RunProgress run(String name, long steps, double value) {
        return RunReader.read(RunFixtures.run(tmp, name, "walker-run", steps, 10_000, s -> value, 0, null));
    }

    @Test
    void smoothingIsATrailingMeanOverKEpisodes() {
        double[] ys = {1, 2, 3, 4, 5};
        assertArrayEquals(new double[] {1, 1.5, 2.5, 3.5, 4.5}, Smoothing.trailing(ys, 2), 1e-12);
        assertArrayEquals(new double[] {1, 1.5, 2, 2.5, 3}, Smoothing.trailing(ys, 10), 1e-12, "fewer episodes at the start");
        assertArrayEquals(ys, Smoothing.trailing(ys, 1), 0);
    }

    @Test
    void theXAxisEndsWhereTheLongestRunEnds() {
        // 430k steps: a round axis would run to 500k and leave the line ending at 86% of the width.
        BufferedImage img = Plot.render(List.of(run("walker-run-s1-x", 430_000, 90)));
        int[] a = PlotPanel.plotArea(0, 0, Plot.PANEL_W, Plot.PANEL_H);
        int y = a[1] + a[3] - (int) Math.round(a[3] * 0.9); // axis 0..100
        int p = img.getRGB(a[0] + a[2] - 2, y);
        assertTrue(PlotTest.blue(p) > 200 && PlotTest.red(p) < 120, "the eval line reaches the right edge, got " + Integer.toHexString(p));
    }

    @Test
    void eachGroupHasItsOwnColourAndLegendRow() {
        TaskCurves panel = new TaskCurves("walker-run", List.of(
                GroupCurves.of("batch_norm=false", List.of(run("a-s1", 100_000, 100), run("a-s2", 100_000, 100)), 1),
                GroupCurves.of("batch_norm=true", List.of(run("b-s1", 100_000, 230), run("b-s2", 100_000, 230)), 1)));
        BufferedImage img = Plot.render(List.of(panel), PlotOptions.EVAL_ONLY);
        int[] a = PlotPanel.plotArea(0, 0, Plot.PANEL_W, Plot.PANEL_H);
        int x = a[0] + (int) Math.round(a[2] * 0.30);
        int first = img.getRGB(x, a[1] + a[3] - (int) Math.round(a[3] * 100.0 / 250.0)); // axis 0..250
        int second = img.getRGB(x, a[1] + a[3] - (int) Math.round(a[3] * 230.0 / 250.0));
        assertTrue(PlotTest.blue(first) > 200 && PlotTest.red(first) < 120, "group 1 blue, got " + Integer.toHexString(first));
        assertTrue(PlotTest.red(second) > 180 && PlotTest.blue(second) < 120, "group 2 red, got " + Integer.toHexString(second));
        List<PanelLegend.Entry> legend = PanelLegend.entries(panel, new int[] {0, 1}, PlotOptions.EVAL_ONLY);
        assertEquals("batch_norm=false (2 seeds)", legend.get(0).text());
        assertEquals(3, legend.size(), "a row per group, then what line and band mean");
        assertEquals(Plot.size(List.of(panel), PlotOptions.EVAL_ONLY)[1], img.getHeight());
        assertTrue(PlotTest.countIn(img, GroupColours.line(1), 0, Plot.PANEL_H, Plot.PANEL_W, img.getHeight() - Plot.PANEL_H) > 10,
                "group 2's swatch in the legend strip");
    }

    @Test
    void aLabelKeepsItsColourInEveryPanel() {
        TaskCurves one = new TaskCurves("cheetah-run", List.of(GroupCurves.of("x", List.of(run("c-s1", 20_000, 5)), 1),
                GroupCurves.of("y", List.of(run("c-s2", 20_000, 9)), 1)));
        TaskCurves two = new TaskCurves("walker-run", List.of(GroupCurves.of("y", List.of(run("w-s1", 20_000, 5)), 1)));
        BufferedImage img = Plot.render(List.of(one, two), PlotOptions.EVAL_ONLY);
        // Panel two's only group is "y", the second colour (red), not the first.
        long red = PlotTest.countIn(img, GroupColours.line(1), Plot.PANEL_W, 0, Plot.PANEL_W, Plot.PANEL_H);
        long blue = PlotTest.countIn(img, GroupColours.line(0), Plot.PANEL_W, 0, Plot.PANEL_W, Plot.PANEL_H);
        assertTrue(red > 50 && blue == 0, "red " + red + ", blue " + blue);
    }

    @Test
    void whereASeedStopsTheBandIsMarkedWithTheSeedsLeft() {
        GroupCurves g = GroupCurves.of("default", List.of(run("s1", 100_000, 100), run("s2", 100_000, 120),
                run("s3", 50_000, 110)), 1);
        assertArrayEquals(new int[] {5}, g.dropouts(), "steps 10k..100k: the count drops after 50k (index 4)");
        assertEquals(2, g.eval().count()[5]);
        TaskCurves panel = new TaskCurves("walker-run", List.of(g));
        assertTrue(PanelLegend.entries(panel, new int[1], PlotOptions.DEFAULT).stream().anyMatch(e -> e.mark() == PanelLegend.Mark.TICK));
        BufferedImage img = Plot.render(List.of(panel), PlotOptions.DEFAULT);
        int[] a = PlotPanel.plotArea(0, 0, Plot.PANEL_W, Plot.PANEL_H);
        int x = a[0] + (int) Math.round(a[2] * 0.5); // the tick at 50k, half way
        long tickPixels = PlotTest.countIn(img, PlotPanel.EVAL, x - 1, a[1], 3, a[3]);
        assertTrue(tickPixels > 5, "a dotted tick in the group's colour at 50k: " + tickPixels);
        assertFalse(PanelLegend.entries(new TaskCurves("t", List.of(GroupCurves.of(null, List.of(run("s4", 20_000, 1)), 1))),
                new int[1], PlotOptions.DEFAULT).stream().anyMatch(e -> e.mark() == PanelLegend.Mark.TICK), "one run: no ticks");
    }

    @Test
    void seedsThatEndFarApartAreDrawnOneByOne() {
        assertTrue(GroupCurves.split(new double[] {2, 350, 340}), "near 0 and near 350");
        assertFalse(GroupCurves.split(new double[] {800, 860}), "800 and 860 agree");
        assertFalse(GroupCurves.split(new double[] {5}), "one seed cannot split");
        assertFalse(GroupCurves.split(new double[] {0, 0}), "all zero");
        GroupCurves g = GroupCurves.of("default", List.of(run("t1", 50_000, 2), run("t2", 50_000, 350), run("t3", 40_000, 340)), 1);
        assertTrue(g.seedsSplit());
        assertArrayEquals(new double[] {50_000, 50_000, 40_000}, g.finalStep());
        TaskCurves panel = new TaskCurves("walker-run", List.of(g));
        assertTrue(PanelLegend.entries(panel, new int[1], PlotOptions.DEFAULT).stream().anyMatch(e -> e.mark() == PanelLegend.Mark.RING));
        BufferedImage img = Plot.render(List.of(panel), PlotOptions.EVAL_ONLY);
        int[] a = PlotPanel.plotArea(0, 0, Plot.PANEL_W, Plot.PANEL_H);
        // Seed 1's ring at (50k = the right edge, 2): its white centre sits on the x axis, left of its blue outline.
        int cx = a[0] + a[2], cy = a[1] + a[3] - (int) Math.round(a[3] * 2 / 400.0);
        assertTrue(PlotTest.countIn(img, Color.WHITE, cx - 2, cy - 2, 3, 3) > 0, "the ring's white inside");
    }

    @Test
    void aSeedThatHasJustStartedIsNoOutcome() {
        List<RunProgress> runs = List.of(run("h1", 100_000, 380), run("h2", 100_000, 370), run("h3", 10_000, 1));
        assertTrue(GroupCurves.of("default", runs, 1).seedsSplit(), "every run an outcome: 1 against 380 splits");
        GroupCurves over = GroupCurves.of("default", runs, 1, r -> !r.dir().getFileName().toString().equals("h3"));
        assertFalse(over.seedsSplit(), "the finished 380 and 370 agree");
        assertArrayEquals(new double[] {380, 370}, over.outcomes());
    }
}
