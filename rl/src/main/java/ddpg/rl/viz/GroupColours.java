package ddpg.rl.viz;

import java.awt.Color;

/**
 * One colour per group of runs in a learning-curve picture: a fixed list of ten well-separated colours, used in the
 * order the groups are drawn (the picture hands the same label the same colour in every panel). The first is the
 * blue a single group has always had.
 */
final class GroupColours {
    private static final int[] RGB = {
        0x2563EB, 0xDC2626, 0x16A34A, 0x9333EA, 0xEA580C, 0x0891B2, 0xCA8A04, 0xDB2777, 0x4B5563, 0x65A30D};

    private GroupColours() {}

    /** The solid colour of group {@code i} (its evaluation line); colours repeat after ten groups. */
    static Color line(int i) {
        return new Color(RGB[Math.floorMod(i, RGB.length)]);
    }

    /** The translucent band of group {@code i}. */
    static Color band(int i) {
        return new Color(RGB[Math.floorMod(i, RGB.length)] | 0x30 << 24, true);
    }

    /** Group {@code i}'s training-return line when several groups share a panel (lighter than its eval line). */
    static Color train(int i) {
        return new Color(RGB[Math.floorMod(i, RGB.length)] | 0x70 << 24, true);
    }
}
