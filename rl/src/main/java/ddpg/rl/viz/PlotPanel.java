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
import java.awt.geom.RoundRectangle2D;

/** Draws one task's learning curve (title, axes, grid, band, lines, legend) into a rectangle of a picture. */
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

    // Margins inside the panel around the plotting area, in pixels.
    static final int LEFT = 66, RIGHT = 22, TOP = 54, BOTTOM = 50;

    private PlotPanel() {}

    /** The plotting area (where data goes) of a panel placed at (x, y) with size w x h. */
    static int[] plotArea(int x, int y, int w, int h) {
        return new int[] {x + LEFT, y + TOP, w - LEFT - RIGHT, h - TOP - BOTTOM};
    }

    static void draw(Graphics2D g, int x, int y, int w, int h, TaskCurves c) {
        int[] a = plotArea(x, y, w, h);
        int px = a[0], py = a[1], pw = a[2], ph = a[3];

        // ---- data ranges ----
        double xMax = 0, yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        double lowestReturn = Double.POSITIVE_INFINITY; // of the lines themselves, bands aside
        SeedBand e = c.eval(), t = c.train();
        for (int i = 0; i < e.size(); i++) {
            xMax = Math.max(xMax, e.step()[i]);
            yMin = Math.min(yMin, e.mean()[i] - e.std()[i]);
            yMax = Math.max(yMax, e.mean()[i] + e.std()[i]);
            lowestReturn = Math.min(lowestReturn, e.mean()[i]);
        }
        for (int i = 0; i < t.size(); i++) {
            xMax = Math.max(xMax, t.step()[i]);
            yMin = Math.min(yMin, t.mean()[i]);
            yMax = Math.max(yMax, t.mean()[i]);
            lowestReturn = Math.min(lowestReturn, t.mean()[i]);
        }
        // Returns of non-negative rewards: anchor the axis at zero so panels compare at a glance (a band dipping
        // below zero is clipped: mean 0.015 +- 0.018 at the untrained start must not open a -200 tick), and show at
        // least 0..10 so an untrained agent's returns near zero do not fill the panel as if they were large.
        if (lowestReturn >= 0) {
            yMin = 0;
            yMax = Math.max(yMax, 10);
        }
        NiceTicks xt = NiceTicks.of(0, Math.max(xMax, 1000), 5); // at least 1k steps: no "0.2 steps" ticks at the start
        NiceTicks yt = NiceTicks.of(yMin, yMax, 5);
        Axis ax = new Axis(px, pw, xt.lo, xt.hi, false);
        Axis ay = new Axis(py, ph, yt.lo, yt.hi, true);

        // ---- title and subtitle ----
        g.setColor(TEXT);
        g.setFont(TITLE);
        g.drawString(c.task(), px, y + 24);
        g.setFont(SUBTITLE);
        g.setColor(MUTED);
        String runs = c.runsLabel();
        String last = e.size() > 0 ? String.format(java.util.Locale.ROOT, ", last eval %.1f at %s steps",
                e.mean()[e.size() - 1], NiceTicks.steps(e.step()[e.size() - 1])) : ", no evaluation yet";
        g.drawString(runs + last, px, y + 42);

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
        for (int i = 0; i < xt.count(); i++) {
            double v = xt.tick(i);
            double sx = ax.map(v);
            g.setColor(GRID);
            g.draw(new Line2D.Double(sx, py, sx, py + ph));
            g.setColor(MUTED);
            String s = NiceTicks.steps(v);
            g.drawString(s, (float) (sx - fm.stringWidth(s) / 2.0), py + ph + 6 + fm.getAscent());
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

        // ---- data, clipped to the plotting area ----
        Shape oldClip = g.getClip();
        g.clipRect(px - 3, py - 3, pw + 6, ph + 6);
        if (t.size() > 1) {
            g.setColor(TRAIN);
            g.setStroke(new BasicStroke(1.3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(line(t.step(), t.mean(), ax, ay));
        }
        if (e.size() > 1) {
            g.setColor(BAND);
            g.fill(band(e, ax, ay));
            g.setColor(EVAL);
            g.setStroke(new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(line(e.step(), e.mean(), ax, ay));
        }
        if (e.size() > 0 && e.size() <= 40) { // few points: mark them, so a short run is still readable
            g.setColor(EVAL);
            for (int i = 0; i < e.size(); i++) {
                double sx = ax.map(e.step()[i]), sy = ay.map(e.mean()[i]);
                g.fill(new Ellipse2D.Double(sx - 3, sy - 3, 6, 6));
            }
        }
        g.setClip(oldClip);

        legend(g, px, py, pw, ph, c, ax, ay);
    }

    private static void legend(Graphics2D g, int px, int py, int pw, int ph, TaskCurves c, Axis ax, Axis ay) {
        String evalText = c.bandAcrossSeeds() ? "eval return, mean \u00b1 std over " + c.runsLabel()
                : "eval return \u00b1 std over episodes";
        String trainText = c.runs() > 1 ? "training return, mean over " + (c.distinctSeeds() ? "seeds" : "runs") : "training return";
        g.setFont(TICK);
        FontMetrics fm = g.getFontMetrics();
        int row = fm.getHeight() + 4, swatch = 22, pad = 9;
        int boxW = pad * 3 + swatch + Math.max(fm.stringWidth(evalText), fm.stringWidth(trainText));
        int boxH = pad * 2 + row * 2 - 4;
        // The corner the curves cross least: lower right first (learning curves rise), then the others.
        int[][] corners = {
            {px + pw - boxW - 8, py + ph - boxH - 8}, {px + 8, py + 8}, {px + pw - boxW - 8, py + 8}, {px + 8, py + ph - boxH - 8}};
        int bx = corners[0][0], by = corners[0][1], fewest = Integer.MAX_VALUE;
        for (int[] corner : corners) {
            int hits = pointsInside(c, ax, ay, corner[0] - 4, corner[1] - 4, boxW + 8, boxH + 8);
            if (hits < fewest) {
                fewest = hits;
                bx = corner[0];
                by = corner[1];
            }
        }
        g.setColor(new Color(255, 255, 255, 225));
        g.fill(new RoundRectangle2D.Double(bx, by, boxW, boxH, 10, 10));
        g.setColor(GRID);
        g.setStroke(new BasicStroke(1f));
        g.draw(new RoundRectangle2D.Double(bx, by, boxW, boxH, 10, 10));

        int cy = by + pad + row / 2 - 2;
        g.setColor(BAND);
        g.fillRect(bx + pad, cy - 6, swatch, 12);
        g.setColor(EVAL);
        g.setStroke(new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(bx + pad, cy, bx + pad + swatch, cy));
        g.setColor(TEXT);
        g.drawString(evalText, bx + pad * 2 + swatch, cy + fm.getAscent() / 2 - 1);

        cy += row;
        g.setColor(TRAIN);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(bx + pad, cy, bx + pad + swatch, cy));
        g.setColor(TEXT);
        g.drawString(trainText, bx + pad * 2 + swatch, cy + fm.getAscent() / 2 - 1);
    }

    /** How many drawn points (eval mean and band edges, training returns) fall inside the rectangle. */
    private static int pointsInside(TaskCurves c, Axis ax, Axis ay, double x, double y, double w, double h) {
        int n = 0;
        SeedBand e = c.eval(), t = c.train();
        for (int i = 0; i < e.size(); i++) {
            double sx = ax.map(e.step()[i]);
            for (double v : new double[] {e.mean()[i], e.mean()[i] + e.std()[i], e.mean()[i] - e.std()[i]}) {
                double sy = ay.map(v);
                if (sx >= x && sx <= x + w && sy >= y && sy <= y + h) n += 4; // the eval line matters most
            }
        }
        for (int i = 0; i < t.size(); i++) {
            double sx = ax.map(t.step()[i]), sy = ay.map(t.mean()[i]);
            if (sx >= x && sx <= x + w && sy >= y && sy <= y + h) n++;
        }
        return n;
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
