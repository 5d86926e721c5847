package ddpg.rl.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.List;
import java.util.Locale;

/**
 * Draws one task's learning curves (title, axes, grid, each group's band and lines) into a rectangle of a picture,
 * and its legend in the strip below ({@link PanelLegend}). The x axis ends at the data (the longest run), not at a
 * round budget. Where a seed's evaluations end, a dotted tick marks the band and shows how many seeds it covers
 * from there; when a group's seeds end far apart ({@link GroupCurves#seedsSplit}), each seed's final return is a ring.
 */
final class PlotPanel {
    static final Color EVAL = new Color(0x2563EB);
    static final Color BAND = new Color(0x2563EB & 0xFFFFFF | 0x30 << 24, true);
    static final Color TRAIN = new Color(0xF59E0B & 0xFFFFFF | 0xA0 << 24, true);
    static final Color GRID = new Color(0xE5E7EB);
    static final Color AXIS = new Color(0x9CA3AF);
    static final Color TEXT = new Color(0x1F2937);
    static final Color MUTED = new Color(0x6B7280);
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    static final BasicStroke DOTTED = new BasicStroke(1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 2.5f}, 0f);

    // Margins inside the panel around the plotting area, in pixels.
    static final int LEFT = 66, RIGHT = 22, TOP = 54, BOTTOM = 50;

    private PlotPanel() {}

    /** The plotting area (where data goes) of a panel placed at (x, y) with size w x h. */
    static int[] plotArea(int x, int y, int w, int h) {
        return new int[] {x + LEFT, y + TOP, w - LEFT - RIGHT, h - TOP - BOTTOM};
    }

    /**
     * Draws panel {@code c} at (x, y), w x h, and its legend below it (from y + h). {@code colour[i]} is the colour
     * index of group i ({@link GroupColours}).
     */
    static void draw(Graphics2D g, int x, int y, int w, int h, TaskCurves c, int[] colour, PlotOptions o) {
        int[] a = plotArea(x, y, w, h);
        int px = a[0], py = a[1], pw = a[2], ph = a[3];
        List<GroupCurves> groups = c.groups();
        boolean single = groups.size() == 1;

        // ---- data ranges ----
        double xMax = 0, yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        double lowestReturn = Double.POSITIVE_INFINITY; // of the lines themselves, bands aside
        for (GroupCurves gc : groups) {
            SeedBand e = gc.eval(), t = gc.train();
            for (int i = 0; i < e.size(); i++) {
                xMax = Math.max(xMax, e.step()[i]);
                yMin = Math.min(yMin, e.mean()[i] - e.std()[i]);
                yMax = Math.max(yMax, e.mean()[i] + e.std()[i]);
                lowestReturn = Math.min(lowestReturn, e.mean()[i]);
            }
            for (int i = 0; o.trainingCurves() && i < t.size(); i++) {
                xMax = Math.max(xMax, t.step()[i]);
                yMin = Math.min(yMin, t.mean()[i]);
                yMax = Math.max(yMax, t.mean()[i]);
                lowestReturn = Math.min(lowestReturn, t.mean()[i]);
            }
            if (gc.seedsSplit()) {
                for (double v : gc.finalValue()) {
                    yMin = Math.min(yMin, v);
                    yMax = Math.max(yMax, v);
                    lowestReturn = Math.min(lowestReturn, v);
                }
            }
        }
        if (!(yMax >= yMin)) { // nothing logged yet
            yMin = 0;
            yMax = 10;
            lowestReturn = 0;
        }
        // Returns of non-negative rewards: anchor the axis at zero so panels compare at a glance (a band dipping
        // below zero is clipped: mean 0.015 +- 0.018 at the untrained start must not open a -200 tick), and show at
        // least 0..10 so an untrained agent's returns near zero do not fill the panel as if they were large.
        if (lowestReturn >= 0) {
            yMin = 0;
            yMax = Math.max(yMax, 10);
        }
        // The x axis ends where the longest run ends (at least 1k steps: no "0.2 steps" ticks at the start).
        double xEnd = Math.max(xMax, 1000);
        NiceTicks xt = NiceTicks.of(0, xEnd, 5);
        NiceTicks yt = NiceTicks.of(yMin, yMax, 5);
        Axis ax = new Axis(px, pw, 0, xEnd, false);
        Axis ay = new Axis(py, ph, yt.lo, yt.hi, true);

        // ---- title and subtitle ----
        g.setColor(TEXT);
        g.setFont(TITLE);
        g.drawString(c.task(), px, y + 24);
        g.setFont(SUBTITLE);
        g.setColor(MUTED);
        g.drawString(subtitle(c), px, y + 42);

        // ---- grid and tick labels ----
        g.setFont(TICK);
        FontMetrics fm = g.getFontMetrics();
        g.setStroke(new BasicStroke(1f));
        for (int i = 0; i < yt.count(); i++) {
            double v = yt.tick(i);
            double sy = ay.map(v);
            g.setColor(GRID);
            g.draw(new Line2D.Double(px, sy, px + pw, sy));
            g.setColor(MUTED);
            String s = yt.value(v);
            g.drawString(s, px - 8 - fm.stringWidth(s), (float) (sy + fm.getAscent() / 2.0 - 1));
        }
        double lastTickX = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xt.count(); i++) {
            double v = xt.tick(i);
            if (v > xEnd * (1 + 1e-9)) break;
            double sx = ax.map(v);
            g.setColor(GRID);
            g.draw(new Line2D.Double(sx, py, sx, py + ph));
            g.setColor(MUTED);
            String s = NiceTicks.steps(v);
            g.drawString(s, (float) (sx - fm.stringWidth(s) / 2.0), py + ph + 6 + fm.getAscent());
            lastTickX = sx;
        }
        if (px + pw - lastTickX > 50) { // label the end of the data too, when it is clear of the last tick
            String s = NiceTicks.steps(xEnd);
            g.setColor(MUTED);
            g.drawString(s, (float) (px + pw - fm.stringWidth(s) / 2.0), py + ph + 6 + fm.getAscent());
        }
        g.setColor(AXIS);
        g.draw(new Line2D.Double(px, py + ph, px + pw, py + ph));
        g.draw(new Line2D.Double(px, py, px, py + ph));

        // ---- axis titles ----
        g.setFont(LABEL);
        fm = g.getFontMetrics();
        g.setColor(TEXT);
        String xl = "environment steps";
        g.drawString(xl, px + (pw - fm.stringWidth(xl)) / 2f, y + h - 10);
        String yl = "return";
        AffineTransform saved = g.getTransform();
        g.translate(x + 18, py + (ph + fm.stringWidth(yl)) / 2.0);
        g.rotate(-Math.PI / 2);
        g.drawString(yl, 0, 0);
        g.setTransform(saved);

        // ---- data, clipped to the plotting area: training lines, then bands, then eval lines on top ----
        Shape oldClip = g.getClip();
        g.clipRect(px - 3, py - 3, pw + 6, ph + 6);
        for (int k = 0; o.trainingCurves() && k < groups.size(); k++) {
            SeedBand t = groups.get(k).train();
            if (t.size() > 1) {
                g.setColor(PanelLegend.trainColour(single, colour[k]));
                g.setStroke(new BasicStroke(single ? 1.3f : 1.1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(line(t.step(), t.mean(), ax, ay));
            }
        }
        for (int k = 0; k < groups.size(); k++) {
            SeedBand e = groups.get(k).eval();
            if (e.size() > 1) {
                g.setColor(GroupColours.band(colour[k]));
                g.fill(band(e, ax, ay));
            }
        }
        for (int k = 0; k < groups.size(); k++) {
            SeedBand e = groups.get(k).eval();
            g.setColor(GroupColours.line(colour[k]));
            if (e.size() > 1) {
                g.setStroke(new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(line(e.step(), e.mean(), ax, ay));
            }
            if (e.size() > 0 && e.size() <= 40) { // few points: mark them, so a short run is still readable
                for (int i = 0; i < e.size(); i++) {
                    double sx = ax.map(e.step()[i]), sy = ay.map(e.mean()[i]);
                    g.fill(new Ellipse2D.Double(sx - 3, sy - 3, 6, 6));
                }
            }
        }
        g.setClip(oldClip);
        for (int k = 0; k < groups.size(); k++) { // unclipped: a ring at the last step sits on the right edge
            GroupCurves gc = groups.get(k);
            if (!gc.seedsSplit()) continue;
            for (int i = 0; i < gc.finalStep().length; i++) {
                ring(g, ax.map(gc.finalStep()[i]), ay.map(gc.finalValue()[i]), GroupColours.line(colour[k]));
            }
        }
        for (int k = 0; k < groups.size(); k++) dropouts(g, groups.get(k), GroupColours.line(colour[k]), ax, ay, py, px + pw);

        PanelLegend.draw(g, x, y + h, w, PanelLegend.entries(c, colour, o));
    }

    /** One group: "3 seeds, last eval 811.2 at 150k steps"; several: "3 groups, 9 runs". */
    private static String subtitle(TaskCurves c) {
        if (c.groups().size() != 1) return c.groups().size() + " groups, " + c.runs() + " runs";
        GroupCurves gc = c.groups().get(0);
        SeedBand e = gc.eval();
        return gc.runsLabel() + (e.size() > 0 ? String.format(Locale.ROOT, ", last eval %.1f at %s steps",
                e.mean()[e.size() - 1], NiceTicks.steps(e.step()[e.size() - 1])) : ", no evaluation yet");
    }

    /** Dotted ticks across the band where seeds stop, with the number of seeds the band covers after each. */
    private static void dropouts(Graphics2D g, GroupCurves gc, Color colour, Axis ax, Axis ay, int top, int right) {
        SeedBand e = gc.eval();
        g.setFont(SMALL);
        FontMetrics fm = g.getFontMetrics();
        for (int i : gc.dropouts()) {
            int at = i - 1; // the last step the stopped seed covers
            double sx = ax.map(e.step()[at]);
            double hi = Math.max(top, ay.map(e.mean()[at] + e.std()[at]) - 10);
            double lo = ay.map(e.mean()[at] - e.std()[at]) + 10;
            g.setColor(colour);
            g.setStroke(DOTTED);
            g.draw(new Line2D.Double(sx, hi, sx, lo));
            int n = e.count()[i];
            String s = n + (n == 1 ? " seed" : " seeds");
            float tx = (float) Math.min(sx + 3, right - fm.stringWidth(s));
            g.drawString(s, tx, (float) Math.max(top + fm.getAscent(), hi + fm.getAscent() - 2));
        }
    }

    /** A hollow circle (white inside) at (cx, cy): one seed's final return. */
    static void ring(Graphics2D g, double cx, double cy, Color colour) {
        Ellipse2D.Double c = new Ellipse2D.Double(cx - 4.5, cy - 4.5, 9, 9);
        g.setColor(Color.WHITE);
        g.fill(c);
        g.setColor(colour);
        g.setStroke(new BasicStroke(1.8f));
        g.draw(c);
    }

    private static Path2D line(double[] xs, double[] ys, Axis ax, Axis ay) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < xs.length; i++) {
            if (i == 0) p.moveTo(ax.map(xs[i]), ay.map(ys[i]));
            else p.lineTo(ax.map(xs[i]), ay.map(ys[i]));
        }
        return p;
    }

    /** The closed polygon mean + std forwards, mean - std backwards. */
    private static Path2D band(SeedBand b, Axis ax, Axis ay) {
        Path2D.Double p = new Path2D.Double();
        int n = b.size();
        for (int i = 0; i < n; i++) {
            double sx = ax.map(b.step()[i]), sy = ay.map(b.mean()[i] + b.std()[i]);
            if (i == 0) p.moveTo(sx, sy);
            else p.lineTo(sx, sy);
        }
        for (int i = n - 1; i >= 0; i--) p.lineTo(ax.map(b.step()[i]), ay.map(b.mean()[i] - b.std()[i]));
        p.closePath();
        return p;
    }

    /** Data value -> pixel along one axis (the y axis grows upwards). */
    record Axis(int start, int length, double lo, double hi, boolean flip) {
        double map(double v) {
            double f = (v - lo) / (hi - lo);
            return flip ? start + length - f * length : start + f * length;
        }
    }
}
