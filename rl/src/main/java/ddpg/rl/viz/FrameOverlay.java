package ddpg.rl.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/** Captions on animation frames: small white text on a translucent dark pill, readable over sky and floor alike. */
public final class FrameOverlay {
    private static final Color PILL = new Color(0, 0, 0, 120);
    private static final int PAD = 4, MARGIN = 5;

    private FrameOverlay() {}

    /** Draws {@code left} in the top-left corner and {@code right} (may be null) in the top-right corner. */
    public static void caption(BufferedImage img, String left, String right) {
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int size = Math.max(10, Math.round(img.getHeight() / 20f));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
            FontMetrics fm = g.getFontMetrics();
            if (left != null && !left.isEmpty()) pill(g, fm, left, MARGIN);
            if (right != null && !right.isEmpty()) pill(g, fm, right, img.getWidth() - MARGIN - fm.stringWidth(right) - 2 * PAD);
        } finally {
            g.dispose();
        }
    }

    /** "return 123.4": the text the animations put in the corner. */
    public static String returnSoFar(double ret) {
        return String.format(java.util.Locale.ROOT, "return %.1f", ret);
    }

    private static void pill(Graphics2D g, FontMetrics fm, String text, int x) {
        int w = fm.stringWidth(text) + 2 * PAD, h = fm.getAscent() + fm.getDescent() + PAD;
        g.setColor(PILL);
        g.fill(new RoundRectangle2D.Double(x, MARGIN, w, h, h * 0.6, h * 0.6));
        g.setColor(Color.WHITE);
        g.drawString(text, x + PAD, MARGIN + PAD / 2 + fm.getAscent());
    }
}
