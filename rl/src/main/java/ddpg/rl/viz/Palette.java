package ddpg.rl.viz;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A 255-colour palette for a whole animation, chosen once by median cut from a sample frame, plus a fixed grey ramp so
 * captions (white on dark) always survive; the last index is kept free for {@link #UNCHANGED}. Mapping a frame is one
 * table lookup per pixel on colours reduced to 6 bits per channel (5 bits left visible bands in the sky gradient),
 * the nearest palette entry of each such colour found the first time it occurs. No dithering: a 4x4 ordered dither removed the
 * faint banding in the sky but doubled the file size (noise compresses badly).
 *
 * <p>One palette for the whole clip keeps a colour on the same index from frame to frame, so an unchanged pixel is an
 * unchanged index: what {@link GifWriter}'s delta frames rely on.
 */
final class Palette {
    static final int GREYS = 16, SIZE = 256;
    /** Never a colour: {@link GifWriter} uses it for "same as the previous frame" (transparent). */
    static final int UNCHANGED = SIZE - 1;

    private final byte[] r = new byte[SIZE], g = new byte[SIZE], b = new byte[SIZE];
    static final int BITS = 6, MASK = (1 << BITS) - 1;
    private final short[] lookup = new short[1 << 3 * BITS]; // 6-6-6 colour -> palette index, -1 until first needed

    private Palette(int[] colours) {
        for (int i = 0; i < SIZE; i++) {
            int c = i < colours.length ? colours[i] : 0;
            r[i] = (byte) (c >> 16);
            g[i] = (byte) (c >> 8);
            b[i] = (byte) c;
        }
        Arrays.fill(lookup, (short) -1);
    }

    /** A palette fitted to the colours of {@code sample}. */
    static Palette fit(BufferedImage sample) {
        int[] hist = new int[1 << 3 * BITS];
        for (int y = 0; y < sample.getHeight(); y++) {
            for (int x = 0; x < sample.getWidth(); x++) hist[reduce(sample.getRGB(x, y))]++;
        }
        List<Integer> colours = new ArrayList<>();
        for (int i = 0; i < GREYS; i++) {
            int v = i * 255 / (GREYS - 1);
            colours.add(v << 16 | v << 8 | v);
        }
        for (int c : medianCut(hist, SIZE - 1 - GREYS)) colours.add(c);
        return new Palette(colours.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The palette index of every pixel of {@code src}, row by row. */
    byte[] indices(BufferedImage src) {
        int w = src.getWidth(), h = src.getHeight();
        byte[] dst = new byte[w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            src.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) dst[y * w + x] = (byte) index(reduce(row[x]));
        }
        return dst;
    }

    /** The colour of entry {@code index} as 0xRRGGBB. */
    int rgb(int index) {
        return (r[index] & 255) << 16 | (g[index] & 255) << 8 | (b[index] & 255);
    }

    private int nearest(int cr, int cg, int cb) {
        int best = 0;
        long bestD = Long.MAX_VALUE;
        for (int i = 0; i < UNCHANGED; i++) {
            int dr = cr - (r[i] & 255), dg = cg - (g[i] & 255), db = cb - (b[i] & 255);
            long d = 3L * dr * dr + 4L * dg * dg + 2L * db * db; // rough perceptual weights
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    /** Up to {@code k} representative colours: split the fullest, widest box at its median until there are k. */
    static int[] medianCut(int[] hist, int k) {
        int nonZero = 0;
        for (int c : hist) if (c > 0) nonZero++;
        int[] bins = new int[nonZero];
        int j = 0;
        for (int c = 0; c < hist.length; c++) if (hist[c] > 0) bins[j++] = c;
        List<int[]> boxes = new ArrayList<>(); // {from, to} ranges of bins
        boxes.add(new int[] {0, nonZero});
        while (boxes.size() < k) {
            int pick = -1, axis = 0;
            long bestScore = 0;
            for (int i = 0; i < boxes.size(); i++) {
                int[] bx = boxes.get(i);
                if (bx[1] - bx[0] < 2) continue;
                int[] ext = extent(bins, bx);
                int a = ext[0] >= ext[1] && ext[0] >= ext[2] ? 0 : ext[1] >= ext[2] ? 1 : 2;
                long score = weight(hist, bins, bx) * ext[a];
                if (score > bestScore) {
                    bestScore = score;
                    pick = i;
                    axis = a;
                }
            }
            if (pick < 0) break; // every box is a single colour already
            int[] bx = boxes.get(pick);
            int shift = 2 * BITS - BITS * axis;
            Integer[] part = new Integer[bx[1] - bx[0]];
            for (int i = 0; i < part.length; i++) part[i] = bins[bx[0] + i];
            Arrays.sort(part, (p, q) -> Integer.compare((p >> shift) & MASK, (q >> shift) & MASK));
            for (int i = 0; i < part.length; i++) bins[bx[0] + i] = part[i];
            long half = weight(hist, bins, bx) / 2, acc = 0;
            int cut = bx[0] + 1;
            for (int i = bx[0]; i < bx[1] - 1; i++) {
                acc += hist[bins[i]];
                cut = i + 1;
                if (acc >= half) break;
            }
            boxes.set(pick, new int[] {bx[0], cut});
            boxes.add(new int[] {cut, bx[1]});
        }
        int[] out = new int[boxes.size()];
        for (int i = 0; i < out.length; i++) out[i] = mean(hist, bins, boxes.get(i));
        return out;
    }

    private static int[] extent(int[] bins, int[] bx) {
        int[] lo = {MASK, MASK, MASK}, hi = {0, 0, 0};
        for (int i = bx[0]; i < bx[1]; i++) {
            for (int a = 0; a < 3; a++) {
                int v = (bins[i] >> (2 * BITS - BITS * a)) & MASK;
                lo[a] = Math.min(lo[a], v);
                hi[a] = Math.max(hi[a], v);
            }
        }
        return new int[] {hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]};
    }

    private static long weight(int[] hist, int[] bins, int[] bx) {
        long w = 0;
        for (int i = bx[0]; i < bx[1]; i++) w += hist[bins[i]];
        return w;
    }

    private static int mean(int[] hist, int[] bins, int[] bx) {
        double sr = 0, sg = 0, sb = 0, w = 0;
        for (int i = bx[0]; i < bx[1]; i++) {
            int c = bins[i], n = hist[c];
            sr += n * expand(c >> 2 * BITS);
            sg += n * expand(c >> BITS & MASK);
            sb += n * expand(c & MASK);
            w += n;
        }
        return (int) Math.round(sr / w) << 16 | (int) Math.round(sg / w) << 8 | (int) Math.round(sb / w);
    }

    /** The palette index for a reduced colour, computed on first use (a frame has a few thousand distinct ones). */
    private int index(int reduced) {
        int i = lookup[reduced];
        if (i < 0) {
            i = nearest(expand(reduced >> 2 * BITS), expand(reduced >> BITS & MASK), expand(reduced & MASK));
            lookup[reduced] = (short) i;
        }
        return i;
    }

    private static int reduce(int rgb) {
        int drop = 8 - BITS;
        return ((rgb >> 16 + drop) & MASK) << 2 * BITS | ((rgb >> 8 + drop) & MASK) << BITS | ((rgb >> drop) & MASK);
    }

    /** The 8-bit value at the centre of a reduced step. */
    private static int expand(int v) {
        return (v & MASK) << (8 - BITS) | (1 << (7 - BITS));
    }

}
