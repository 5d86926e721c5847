package ddpg.rl.viz;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * Turns a stream of simulation states into a real-time animated GIF: ask {@link #due} at every control step and, when
 * it says yes, render that state and {@link #add} it. Frames are shown for whole 1/fps slots; GIF delays are whole
 * hundredths of a second, so they are rounded cumulatively (3, 3, 4, 3, 3, 4... at 30 fps) and the clip does not drift.
 * Several episodes play one after another: call {@link #nextEpisode} between them.
 */
public final class GifRecorder implements AutoCloseable {
    public static final double DEFAULT_FPS = 30;

    private final GifWriter gif;
    private FrameClock clock; // restarts with every episode
    private BufferedImage pending;
    private long pendingSlot = -1, firstSlot = -1;
    private long slotOffset;  // slots used by earlier episodes
    private long shownCs;     // hundredths of a second given to frames already written

    public GifRecorder(Path out, double fps) {
        this.clock = new FrameClock(fps);
        this.gif = new GifWriter(out);
    }

    /** Whether the state at simulated time {@code t} (seconds since its episode began) should become a frame. */
    public boolean due(double t) {
        return clock.due(t);
    }

    /** Adds the frame for the state {@link #due} just accepted (the image is copied, so it may be reused). */
    public void add(BufferedImage frame) {
        long slot = clock.lastSlot() + slotOffset;
        if (clock.lastSlot() < 0 || slot <= pendingSlot) throw new IllegalStateException("add() must follow a due() that returned true");
        if (pending != null) flush(slot);
        if (firstSlot < 0) firstSlot = slot;
        pending = copy(frame, pending);
        pendingSlot = slot;
    }

    /** The next states belong to a new episode whose time starts again at 0. */
    public void nextEpisode() {
        slotOffset = pendingSlot + 1;
        clock = new FrameClock(clock.fps());
    }

    public int frameCount() { return gif.frameCount() + (pending != null ? 1 : 0); }

    @Override
    public void close() {
        if (pending != null) {
            flush(pendingSlot + 1);
            pending = null;
        }
        gif.close();
    }

    /** Gives up without touching the target file. */
    public void abort() {
        gif.abort();
    }

    /** Writes the pending frame, shown until slot {@code untilSlot} begins. */
    private void flush(long untilSlot) {
        long untilCs = Math.round((untilSlot - firstSlot) * 100 / clock.fps());
        int delay = (int) Math.max(2, untilCs - shownCs); // 0-1 cs means "as fast as possible" to many viewers
        shownCs += delay;
        gif.addFrame(pending, delay);
    }

    private static BufferedImage copy(BufferedImage src, BufferedImage reuse) {
        BufferedImage dst = reuse != null && reuse.getWidth() == src.getWidth() && reuse.getHeight() == src.getHeight()
                ? reuse : new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = dst.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return dst;
    }
}
