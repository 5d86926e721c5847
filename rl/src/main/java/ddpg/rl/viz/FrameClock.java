package ddpg.rl.viz;

/**
 * Picks which simulation steps become animation frames. Time is cut into slots of 1/fps seconds; the first state in
 * each slot is drawn and shown for the whole slot (or until the next drawn slot, if control steps are longer than a
 * slot). With a 0.025 s control step and 30 fps that draws steps 0, 2, 3, 4, 6, 7, 8..., each shown for 1/30 s: the
 * clip plays evenly and in real time.
 */
public final class FrameClock {
    private final double fps;
    private long nextSlot; // the first slot not drawn yet
    private long lastSlot = -1;

    public FrameClock(double fps) {
        if (!(fps > 0 && fps <= 100)) throw new IllegalArgumentException("frames per second must be in (0, 100], got " + fps);
        this.fps = fps;
    }

    /** True if the state at simulated time {@code t} (seconds, non-decreasing) opens a new slot and should be drawn. */
    public boolean due(double t) {
        long slot = (long) Math.floor(t * fps + 1e-9);
        if (slot < nextSlot) return false;
        lastSlot = slot;
        nextSlot = slot + 1;
        return true;
    }

    /** The slot of the last state {@link #due} accepted: that frame is shown from {@code lastSlot() / fps}. */
    public long lastSlot() { return lastSlot; }

    public double fps() { return fps; }
}
