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

/**
 * Learning-curve pictures: evaluation return (and, lighter, training return) against environment steps. Runs of
 * the same task share one panel (mean line, +-1 std band across seeds); several tasks make a grid of panels in the
 * order they first appear. Pure Java2D, written as PNG.
 *
 * <pre>
 * Plot.write(List.of(Path.of("runs/walker-run-s1-..."), Path.of("runs/walker-run-s2-...")), Path.of("curve.png"));
 * Plot.writeRunCurve(runDir);   // the trainer, at every evaluation: runDir/curve.png, atomically
 * </pre>
 */
public final class Plot {
    public static final String CURVE_FILE = "curve.png";
    static final int PANEL_W = 600, PANEL_H = 400;

    private Plot() {}

    /**
     * Reads {@code runDirs} and writes their curves to {@code outPng} (atomically). Any bad input (missing folder,
     * empty or malformed progress.csv, unwritable output) is an {@link IllegalArgumentException} with a one-line message.
     */
    public static void write(List<Path> runDirs, Path outPng) {
        if (runDirs.isEmpty()) throw new IllegalArgumentException("no run folders given: pass at least one, e.g. runs/walker-run-s1-...");
        List<RunProgress> runs = new ArrayList<>();
        for (Path p : runDirs) runs.add(RunReader.read(p));
        ImageFiles.writePng(render(runs), outPng);
    }

    /** Writes {@code runDir/curve.png} from {@code runDir/progress.csv}; returns the picture's path. */
    public static Path writeRunCurve(Path runDir) {
        Path out = runDir.resolve(CURVE_FILE);
        write(List.of(runDir), out);
        return out;
    }

    /** The picture for already-read runs: one panel per task, grouped in order of first appearance. */
    public static BufferedImage render(List<RunProgress> runs) {
        Map<String, List<RunProgress>> byTask = new LinkedHashMap<>();
        for (RunProgress r : runs) byTask.computeIfAbsent(r.task(), k -> new ArrayList<>()).add(r);
        List<TaskCurves> panels = new ArrayList<>();
        for (Map.Entry<String, List<RunProgress>> e : byTask.entrySet()) panels.add(TaskCurves.of(e.getKey(), e.getValue()));

        int n = panels.size();
        int cols = columns(n), rows = (n + cols - 1) / cols;
        BufferedImage img = new BufferedImage(cols * PANEL_W, rows * PANEL_H, BufferedImage.TYPE_INT_RGB);
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
                PlotPanel.draw(g, (i % cols) * PANEL_W, (i / cols) * PANEL_H, PANEL_W, PANEL_H, panels.get(i));
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Panels per row: 1, 2, 3, 2x2, then rows of 3. */
    static int columns(int panels) {
        if (panels <= 3) return Math.max(1, panels);
        return panels == 4 ? 2 : 3;
    }
}
