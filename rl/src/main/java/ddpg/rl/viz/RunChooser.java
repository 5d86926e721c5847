package ddpg.rl.viz;

/**
 * Picks, for each pixel of a delta frame that is the same as on screen, whether to store it transparent or as its own
 * colour. Either shows the same picture; the pick decides how the rectangle (read row after row, as LZW reads it)
 * splits into runs of one index, and fewer, longer runs take fewer LZW codes. The cheapest picks under a cost per run
 * and per pixel are a shortest path with two states per pixel (stored transparent, stored as its colour), found in one
 * pass forwards and one back.
 */
final class RunChooser {
    /**
     * What a pick costs, in sixteenths of a run: each run 16, and each pixel stored transparent or as its colour the
     * given amount on top.
     */
    record Weights(int transparentPixel, int colourPixel) {}

    /** As few runs as possible. */
    static final Weights FEWEST_RUNS = new Weights(0, 0);
    /**
     * Fewest runs, but long colour runs count a little more than transparent ones: transparent runs recur all over a
     * delta frame, so LZW soon holds long transparent strings, while a run of a colour is mostly new to it. Better than
     * {@link #FEWEST_RUNS} where a still background surrounds a small change (a fixed camera), worse under a moving one.
     */
    static final Weights LEAN_TRANSPARENT = new Weights(1, 2);

    private static final int RUN = 16, NEVER = Integer.MAX_VALUE / 4;
    // per pixel: bit 0 = its transparent state came from a transparent one, bit 1 = its colour state from a colour one
    private byte[] from = new byte[0];

    /**
     * Rewrites {@code pixels[0, count)}, which hold every pixel's colour index: where {@code changed} is false the entry
     * becomes {@code transparent} if that is the cheaper pick; changed entries are kept.
     */
    void choose(byte[] pixels, boolean[] changed, int count, byte transparent, Weights w) {
        if (from.length < count) from = new byte[count];
        int tp = w.transparentPixel(), cp = w.colourPixel();
        // cheapest cost of pixels [0, i] with pixel i stored transparent / as its colour
        int costT = changed[0] ? NEVER : RUN + tp, costC = RUN + cp;
        for (int i = 1; i < count; i++) {
            byte f = 0;
            int t = NEVER;
            if (!changed[i]) {
                if (costT <= costC + RUN) {
                    t = costT + tp;
                    f |= 1;
                } else {
                    t = costC + RUN + tp;
                }
            }
            int stay = costC + (pixels[i] == pixels[i - 1] ? 0 : RUN), c;
            if (stay <= costT + RUN) {
                c = stay + cp;
                f |= 2;
            } else {
                c = costT + RUN + cp;
            }
            from[i] = f;
            costT = t;
            costC = c;
        }
        boolean asT = costT <= costC;
        for (int i = count - 1; i >= 0; i--) {
            boolean previousAsT = asT ? (from[i] & 1) != 0 : (from[i] & 2) == 0;
            if (asT) pixels[i] = transparent;
            asT = previousAsT;
        }
    }
}
