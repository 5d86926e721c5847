package ddpg.rl.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A panel's legend, drawn below its plotting area so it never covers a curve: one row per entry, a swatch and a
 * text. One group: what the line, the band and the training curve are (as before groups existed). Several groups:
 * each group's colour, label and number of seeds, then one row saying what line and band mean. Rows for the
 * dotted drop-out ticks and the final-return rings are added when the panel has them.
 */
final class PanelLegend {
    enum Mark { BAND, TRAIN, TICK, RING, NONE }

    /** One row: what its swatch looks like, in which colour, and the text. */
    record Entry(Mark mark, int colour, Color train, String text) {}

    static final int ROW = 18, PAD = 6;

    private PanelLegend() {}

    /** Pixels below the plot part of a panel for {@code rows} legend rows. */
    static int height(int rows) {
        return rows == 0 ? 0 : PAD + rows * ROW + PAD;
    }

    /** The rows for panel {@code c} whose groups have colours {@code colour[i]}. */
    static List<Entry> entries(TaskCurves c, int[] colour, PlotOptions o) {
        List<Entry> out = new ArrayList<>();
        List<GroupCurves> gs = c.groups();
        String smoothed = o.smooth() > 1 ? ", moving average over " + o.smooth() + " episodes" : "";
        if (gs.size() == 1) {
            GroupCurves g = gs.get(0);
            String name = g.label() != null && !g.label().equals("default") ? g.label() + ": " : "";
            out.add(new Entry(Mark.BAND, colour[0], null, name + (g.bandAcrossSeeds()
                    ? "eval return, mean \u00b1 std over " + g.runsLabel() : "eval return \u00b1 std over episodes")));
            if (o.trainingCurves() && g.train().size() > 0) {
                String t = g.runs() > 1 ? "training return, mean over " + (g.distinctSeeds() ? "seeds" : "runs") : "training return";
                out.add(new Entry(Mark.TRAIN, colour[0], trainColour(true, colour[0]), t + smoothed));
            }
        } else {
            boolean anyEpisodeBand = false;
            for (int i = 0; i < gs.size(); i++) {
                GroupCurves g = gs.get(i);
                boolean episodes = !g.bandAcrossSeeds() && g.runs() == 1;
                anyEpisodeBand |= episodes;
                String name = g.label() != null ? g.label() : "group " + (i + 1);
                out.add(new Entry(Mark.BAND, colour[i], null, name + " (" + g.runsLabel() + (episodes ? ", band over episodes" : "") + ")"));
            }
            out.add(new Entry(Mark.NONE, 0, null, "line: mean eval return; band: \u00b1 std over seeds"
                    + (anyEpisodeBand ? " (over episodes for one run)" : "")));
            if (o.trainingCurves()) out.add(new Entry(Mark.NONE, 0, null, "thin line: training return, mean over seeds" + smoothed));
        }
        if (gs.stream().anyMatch(g -> g.dropouts().length > 0)) {
            out.add(new Entry(Mark.TICK, 0, null, "dotted tick: a seed ends; the band after it is over the seeds shown"));
        }
        if (gs.stream().anyMatch(GroupCurves::seedsSplit)) {
            out.add(new Entry(Mark.RING, 0, null, "ring: each seed's final eval return (the seeds split apart)"));
        }
        return out;
    }

    /** The training line's colour: orange beside a single group's blue, else a lighter shade of the group's colour. */
    static Color trainColour(boolean singleGroup, int colour) {
        return singleGroup && colour != 4 ? PlotPanel.TRAIN : GroupColours.train(colour);
    }

    /** Draws {@code entries} in the strip that starts at (x, y) below a panel of width w. */
    static void draw(Graphics2D g, int x, int y, int w, List<Entry> entries) {
        g.setFont(PlotPanel.TICK);
        FontMetrics fm = g.getFontMetrics();
        int swatch = 22, left = x + PlotPanel.LEFT, textX = left + swatch + 9, maxText = x + w - PlotPanel.RIGHT - textX;
        for (int r = 0; r < entries.size(); r++) {
            Entry e = entries.get(r);
            int cy = y + PAD + r * ROW + ROW / 2;
            switch (e.mark()) {
                case BAND -> {
                    g.setColor(GroupColours.band(e.colour()));
                    g.fillRect(left, cy - 6, swatch, 12);
                    g.setColor(GroupColours.line(e.colour()));
                    g.setStroke(new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    g.draw(new Line2D.Double(left, cy, left + swatch, cy));
                }
                case TRAIN -> {
                    g.setColor(e.train());
                    g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    g.draw(new Line2D.Double(left, cy, left + swatch, cy));
                }
                case TICK -> {
                    g.setColor(PlotPanel.MUTED);
                    g.setStroke(PlotPanel.DOTTED);
                    g.draw(new Line2D.Double(left + swatch / 2.0, cy - 7, left + swatch / 2.0, cy + 7));
                }
                case RING -> PlotPanel.ring(g, left + swatch / 2.0, cy, PlotPanel.TEXT);
                case NONE -> { }
            }
            g.setColor(e.mark() == Mark.NONE ? PlotPanel.MUTED : PlotPanel.TEXT);
            g.drawString(fit(e.text(), fm, maxText), textX, cy + fm.getAscent() / 2 - 1);
        }
    }

    /** {@code s}, cut with an ellipsis to at most {@code width} pixels. */
    static String fit(String s, FontMetrics fm, int width) {
        if (fm.stringWidth(s) <= width) return s;
        int n = s.length();
        while (n > 0 && fm.stringWidth(s.substring(0, n) + "\u2026") > width) n--;
        return s.substring(0, n) + "\u2026";
    }
}
