package ddpg.rl.viz;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Learning-curve pictures: evaluation return (and, lighter, training return) against environment steps, one panel
 * per task in a grid. In a panel each group of runs (runs with the same settings: seeds) has its own colour, a mean
 * line and a +-1 std band across its seeds; the legend sits below each panel, off the data. Pure Java2D, written as
 * PNG. {@code ddpg.jar plot} and {@code ddpg.jar report} both draw with {@link #render(List, PlotOptions)}, after
 * grouping runs by task and settings ({@code ddpg.rl.report.RunGroups}).
 *
 * <pre>
 * Plot.writePng(List.of(new TaskCurves("walker-run", List.of(GroupCurves.of("batch_norm=true", runs, 1)))),
 *         PlotOptions.DEFAULT, Path.of("curve.png"));
 * Plot.writeRunCurve(runDir);   // the trainer, at every evaluation: runDir/curve.png, atomically
 * </pre>
 */
public final class Plot {
    public static final String CURVE_FILE = "curve.png";
    /** Size of one panel without its legend strip (which adds {@link PanelLegend#ROW} pixels per row below). */
    static final int PANEL_W = 600, PANEL_H = 400;

    private Plot() {}

    /** Writes {@code runDir/curve.png} from {@code runDir/progress.csv}; returns the picture's path. */
    public static Path writeRunCurve(Path runDir) {
        Path out = runDir.resolve(CURVE_FILE);
        ImageFiles.writePng(render(List.of(RunReader.read(runDir))), out);
        return out;
    }

    /** Writes {@code panels} to {@code outPng} atomically; an unwritable output is an IllegalArgumentException. */
    public static void writePng(List<TaskCurves> panels, PlotOptions options, Path outPng) {
        ImageFiles.writePng(render(panels, options), outPng);
    }

    /**
     * The picture for runs that share their settings (the trainer's own run, seeds of one configuration): one
     * unnamed group per task, tasks in order of first appearance, training curves drawn. Runs whose settings differ
     * must be grouped first and drawn with {@link #render(List, PlotOptions)}.
     */
    public static BufferedImage render(List<RunProgress> runs) {
        Map<String, List<RunProgress>> byTask = new LinkedHashMap<>();
        for (RunProgress r : runs) byTask.computeIfAbsent(r.task(), k -> new ArrayList<>()).add(r);
        List<TaskCurves> panels = new ArrayList<>();
        for (Map.Entry<String, List<RunProgress>> e : byTask.entrySet()) panels.add(TaskCurves.of(e.getKey(), e.getValue()));
        return render(panels, PlotOptions.DEFAULT);
    }

    /**
     * One panel per element of {@code panels}, in that order, in rows of up to three. A group label gets the same
     * colour in every panel (colours in order of first appearance).
     */
    public static BufferedImage render(List<TaskCurves> panels, PlotOptions options) {
        if (panels.isEmpty()) throw new IllegalArgumentException("nothing to plot: no runs with logged progress");
        Map<String, Integer> colourOf = new LinkedHashMap<>();
        List<int[]> colours = new ArrayList<>();
        for (TaskCurves c : panels) {
            int[] cs = new int[c.groups().size()];
            for (int i = 0; i < cs.length; i++) {
                String key = Objects.toString(c.groups().get(i).label(), "");
                cs[i] = colourOf.computeIfAbsent(key, k -> colourOf.size());
            }
            colours.add(cs);
        }
        int[] size = size(panels, options);
        int n = panels.size(), cols = columns(n), panelH = size[1] / ((n + cols - 1) / cols);
        BufferedImage img = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            for (int i = 0; i < n; i++) {
                PlotPanel.draw(g, (i % cols) * PANEL_W, (i / cols) * panelH, PANEL_W, PANEL_H, panels.get(i), colours.get(i), options);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * The picture's {width, height} in pixels: {@link #columns} panels of 600 per row, each 400 high plus a legend
     * strip as tall as the longest legend of all panels.
     */
    public static int[] size(List<TaskCurves> panels, PlotOptions options) {
        int rows = 0;
        for (TaskCurves c : panels) rows = Math.max(rows, PanelLegend.entries(c, new int[c.groups().size()], options).size());
        int n = panels.size(), cols = columns(n), gridRows = (n + cols - 1) / cols;
        return new int[] {cols * PANEL_W, gridRows * (PANEL_H + PanelLegend.height(rows))};
    }

    /** Panels per row: 1, 2, 3, 2x2, then rows of 3. */
    static int columns(int panels) {
        if (panels <= 3) return Math.max(1, panels);
        return panels == 4 ? 2 : 3;
    }
}
