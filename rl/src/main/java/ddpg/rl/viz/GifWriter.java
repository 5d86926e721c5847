package ddpg.rl.viz;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An animated GIF (GIF89a) written frame by frame: each frame carries its delay in hundredths of a second, and the
 * NETSCAPE2.0 application extension makes viewers loop it forever. Frames are streamed to a temp file beside the
 * target and renamed into place on {@link #close()}, so an episode of any length never sits in memory and a
 * half-written GIF is never seen.
 *
 * <p>Colour frames are reduced to one 256-colour palette fitted to the first frame ({@link Palette}), written once as
 * the global colour table. After the first frame, each frame stores only the rectangle around the pixels whose
 * palette entry changed. An unchanged pixel inside it may be stored transparent or as its own colour, whichever makes
 * fewer, longer runs of one index ({@link RunChooser}), which LZW packs into fewer codes ({@link GifLzw}); the
 * rectangle is coded under two weightings of that choice and the shorter kept. Nothing else is dropped: a viewer shows
 * every frame exactly as it was mapped to the palette. A frame is always one image, even when two far-apart
 * changes would take less as two rectangles: browsers show every image of a GIF as a frame of its own and stretch a
 * delay under 2/100 s to 1/10 s.
 *
 * <pre>
 * try (GifWriter gif = new GifWriter(Path.of("agent.gif"))) {
 *     for (BufferedImage frame : frames) gif.addFrame(frame, 3);   // 3/100 s each
 * }
 * </pre>
 */
public final class GifWriter implements AutoCloseable {
    private static final int DO_NOT_DISPOSE = 1; // the next frame only paints what changed, over this one

    private final Path out, tmp;
    private final OutputStream stream;
    private final GifLzw lzw = new GifLzw();
    private int frames, width, height;
    private boolean closed;
    private Palette palette; // fitted to the first frame, then shared by all
    private byte[] shown;     // palette indices of the picture on screen
    private byte[] part = new byte[0], trial = new byte[0]; // the changed rectangle of a frame; one way of storing it
    private boolean[] changed = new boolean[0], partChanged = new boolean[0];
    private final RunChooser runs = new RunChooser();
    private final ByteArrayOutputStream codedA = new ByteArrayOutputStream(1 << 14); // a frame's LZW data, two ways
    private final ByteArrayOutputStream codedB = new ByteArrayOutputStream(1 << 14);

    public GifWriter(Path out) {
        this.out = out;
        this.tmp = ImageFiles.tempBeside(out);
        try {
            stream = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
        } catch (IOException e) {
            ImageFiles.deleteQuietly(tmp);
            throw new IllegalArgumentException("cannot write " + out + ": " + e.getMessage());
        }
    }

    /** Appends a frame shown for {@code delayCs} hundredths of a second (1..65535). */
    public void addFrame(BufferedImage frame, int delayCs) {
        if (closed) throw new IllegalStateException("GIF already closed");
        if (delayCs < 1 || delayCs > 65535) throw new IllegalArgumentException("frame delay must be 1..65535 cs, got " + delayCs);
        if (frames > 0 && (frame.getWidth() != width || frame.getHeight() != height)) {
            throw new IllegalArgumentException("frame " + frame.getWidth() + "x" + frame.getHeight()
                    + " differs from the first frame's " + width + "x" + height + "; all frames of a GIF share one size");
        }
        if (frame.getWidth() > 65535 || frame.getHeight() > 65535) {
            throw new IllegalArgumentException("a GIF is at most 65535 pixels a side, got " + frame.getWidth() + "x" + frame.getHeight());
        }
        try {
            if (palette == null) {
                width = frame.getWidth();
                height = frame.getHeight();
                palette = Palette.fit(frame);
                writeHeader();
            }
            byte[] idx = palette.indices(frame);
            if (shown == null) {
                shown = idx;
                codedA.reset();
                lzw.write(codedA, idx, idx.length);
                writeImage(new int[] {0, 0, width, height}, false, delayCs, codedA);
            } else {
                int[] box = markChanged(idx);
                crop(idx, box);
                writeImage(box, true, delayCs, codeRectangle(box[2] * box[3]));
            }
            frames++;
        } catch (IOException e) {
            abort();
            throw new IllegalArgumentException("cannot write " + out + ": " + e.getMessage());
        }
    }

    public int frameCount() { return frames; }

    /** Finishes the file and moves it into place. A GIF needs at least one frame. */
    @Override
    public void close() {
        if (closed) return;
        if (frames == 0) {
            abort();
            throw new IllegalStateException("no frames were added to " + out + "; nothing written");
        }
        closed = true;
        try {
            stream.write(0x3B); // trailer
            stream.close();
            ImageFiles.moveOver(tmp, out);
        } catch (IOException e) {
            ImageFiles.deleteQuietly(tmp);
            throw new IllegalArgumentException("cannot write " + out + ": " + e.getMessage());
        }
    }

    /** Gives up: closes and deletes the temp file, leaves any existing target untouched. */
    public void abort() {
        closed = true;
        try {
            stream.close();
        } catch (IOException ignored) {
            // the temp file is deleted next anyway
        }
        ImageFiles.deleteQuietly(tmp);
    }

    /**
     * Notes which pixels differ from the ones on screen (and shows them), and returns {x, y, width, height} of the
     * smallest rectangle holding every changed pixel (a frame where nothing changed still stores one pixel).
     */
    private int[] markChanged(byte[] idx) {
        if (changed.length < idx.length) changed = new boolean[idx.length];
        int x0 = width, y0 = height, x1 = -1, y1 = -1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                int i = row + x;
                changed[i] = idx[i] != shown[i];
                if (!changed[i]) continue;
                shown[i] = idx[i];
                if (x < x0) x0 = x;
                if (x > x1) x1 = x;
                if (y < y0) y0 = y;
                y1 = y;
            }
        }
        return x1 < 0 ? new int[] {0, 0, 1, 1} : new int[] {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
    }

    /** Copies the {x, y, width, height} part of a frame's indices, and which of them changed, into {@code part}. */
    private void crop(byte[] idx, int[] box) {
        int n = box[2] * box[3];
        if (part.length < n) {
            part = new byte[n];
            trial = new byte[n];
            partChanged = new boolean[n];
        }
        for (int y = 0; y < box[3]; y++) {
            int src = (box[1] + y) * width + box[0];
            System.arraycopy(idx, src, part, y * box[2], box[2]);
            System.arraycopy(changed, src, partChanged, y * box[2], box[2]);
        }
    }

    /**
     * The rectangle's {@code n} pixels LZW-coded, the unchanged ones picked transparent or not under each of the two
     * weightings, whichever is shorter: neither wins on every frame (a still background and a moving one differ).
     */
    private ByteArrayOutputStream codeRectangle(int n) throws IOException {
        code(n, RunChooser.FEWEST_RUNS, codedA);
        code(n, RunChooser.LEAN_TRANSPARENT, codedB);
        return codedB.size() < codedA.size() ? codedB : codedA;
    }

    private void code(int n, RunChooser.Weights weights, ByteArrayOutputStream into) throws IOException {
        System.arraycopy(part, 0, trial, 0, n);
        runs.choose(trial, partChanged, n, (byte) Palette.UNCHANGED, weights);
        into.reset();
        lzw.write(into, trial, n);
    }

    /** Signature, screen size, the palette as the global colour table, and the loop-forever extension. */
    private void writeHeader() throws IOException {
        stream.write("GIF89a".getBytes(StandardCharsets.US_ASCII));
        short16(width);
        short16(height);
        stream.write(0xF7); // global colour table of 2^(7+1) entries, 8 bits a channel
        stream.write(0);    // background: entry 0 (never seen, the first frame covers the screen)
        stream.write(0);    // square pixels
        for (int i = 0; i < Palette.SIZE; i++) {
            int c = palette.rgb(i);
            stream.write(c >> 16 & 255);
            stream.write(c >> 8 & 255);
            stream.write(c & 255);
        }
        stream.write(new byte[] {0x21, (byte) 0xFF, 11});
        stream.write("NETSCAPE2.0".getBytes(StandardCharsets.US_ASCII));
        stream.write(new byte[] {3, 1, 0, 0, 0}); // sub-block 1: loop count 0 = forever (little-endian); end
    }

    /** A graphic control extension (delay, transparency, disposal) and the image at {@code box}, its LZW data {@code coded}. */
    private void writeImage(int[] box, boolean transparent, int delayCs, ByteArrayOutputStream coded) throws IOException {
        stream.write(new byte[] {0x21, (byte) 0xF9, 4, (byte) (DO_NOT_DISPOSE << 2 | (transparent ? 1 : 0))});
        short16(delayCs);
        stream.write(Palette.UNCHANGED);
        stream.write(0);
        stream.write(0x2C);
        for (int v : box) short16(v);
        stream.write(0); // no local colour table, not interlaced
        coded.writeTo(stream);
    }

    private void short16(int v) throws IOException {
        stream.write(v & 255);
        stream.write(v >> 8 & 255);
    }
}
