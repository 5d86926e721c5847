package ddpg.rl.replay;

import ddpg.engine.Rng;
import ddpg.engine.kernels.Parallel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The replay memory R of the DDPG paper: a fixed-size ring of transitions (s, a, r, discount, s').
 *
 * <p>All storage is allocated once, as flat primitive float arrays (row i of {@code obs} is
 * {@code obs[i*obsSize .. (i+1)*obsSize)}), and never grows: when the ring is full the oldest transition is
 * overwritten. {@link #sample} draws uniformly with replacement from the stored transitions into a caller-owned
 * {@link Batch}, so the training loop allocates nothing.
 *
 * <p>{@code discount} is 1 for an ordinary step and for a time-limit end (the learner still bootstraps from s'),
 * and 0 only at a true terminal state.
 */
public final class ReplayBuffer {
    private static final long MAGIC = 0x4444504752423031L; // "DDPGRB01"

    private final int capacity, obsSize, actSize;
    private final float[] obs, act, rew, disc, nextObs;
    private int size;   // number of valid transitions, <= capacity
    private int next;   // where the next transition goes
    private long added; // transitions ever added

    public ReplayBuffer(int capacity, int obsSize, int actSize) {
        if (capacity <= 0) throw new IllegalArgumentException("replay capacity must be positive, got " + capacity);
        if (obsSize <= 0 || actSize <= 0)
            throw new IllegalArgumentException("observation and action sizes must be positive, got " + obsSize + ", " + actSize);
        if ((long) capacity * obsSize > Integer.MAX_VALUE - 16)
            throw new IllegalArgumentException("replay capacity " + capacity + " x observation size " + obsSize
                    + " exceeds Java's array limit; use a smaller --buffer");
        this.capacity = capacity;
        this.obsSize = obsSize;
        this.actSize = actSize;
        this.obs = new float[capacity * obsSize];
        this.nextObs = new float[capacity * obsSize];
        this.act = new float[capacity * actSize];
        this.rew = new float[capacity];
        this.disc = new float[capacity];
    }

    /** Bytes a buffer of this shape occupies (to warn before allocating). */
    public static long bytesFor(long capacity, int obsSize, int actSize) {
        return capacity * 4L * (2L * obsSize + actSize + 2);
    }

    /** Stores one transition, overwriting the oldest when full. */
    public void add(double[] s, double[] a, double r, double discount, double[] s2) {
        int i = next;
        int o = i * obsSize;
        for (int j = 0; j < obsSize; j++) {
            obs[o + j] = (float) s[j];
            nextObs[o + j] = (float) s2[j];
        }
        int p = i * actSize;
        for (int j = 0; j < actSize; j++) act[p + j] = (float) a[j];
        rew[i] = (float) r;
        disc[i] = (float) discount;
        next = (i + 1 == capacity) ? 0 : i + 1;
        if (size < capacity) size++;
        added++;
    }

    /**
     * Fills {@code batch} with {@code batch.size} transitions drawn uniformly (with replacement). The indices are drawn
     * first, in order; the rows are then copied on the GEMM's threads when the buffer is larger than the cache, where
     * each row is a handful of cache misses (about 50 us for 256 rows of a full 1M walker buffer on one thread). Each
     * row is copied whole by one thread, so the batch is the same on any thread count.
     */
    public void sample(Batch batch, Rng rng) {
        if (size == 0) throw new IllegalStateException("cannot sample from an empty replay buffer");
        if (batch.obsSize != obsSize || batch.actSize != actSize)
            throw new IllegalArgumentException("batch shape does not match the replay buffer");
        for (int b = 0; b < batch.size; b++) batch.index[b] = rng.nextInt(size);
        long bytes = (long) size * Float.BYTES * (2L * obsSize + actSize + 2);
        if (bytes > CACHED_BYTES && Parallel.worthSplitting((long) batch.size * MISS_ROW_COST)) {
            Parallel.forRange(batch.size, MISS_ROW_COST, (from, to) -> copyRows(batch, from, to));
        } else {
            copyRows(batch, 0, batch.size);
        }
    }

    /** Above this many bytes of stored transitions a sampled row is mostly cache misses (this machine's L3 is 32 MB). */
    private static final long CACHED_BYTES = 16L << 20;
    /**
     * A sampled row from an uncached buffer, in the element-passes {@link Parallel} counts: its five pieces are about
     * seven cache lines from memory, some 0.2 us, about what 512 elements of an elementwise pass take.
     */
    private static final int MISS_ROW_COST = 512;

    private void copyRows(Batch batch, int from, int to) {
        for (int b = from; b < to; b++) {
            int i = batch.index[b];
            System.arraycopy(obs, i * obsSize, batch.obs, b * obsSize, obsSize);
            System.arraycopy(nextObs, i * obsSize, batch.nextObs, b * obsSize, obsSize);
            System.arraycopy(act, i * actSize, batch.act, b * actSize, actSize);
            batch.rew[b] = rew[i];
            batch.disc[b] = disc[i];
        }
    }

    public int size() { return size; }
    public int capacity() { return capacity; }
    public int obsSize() { return obsSize; }
    public int actSize() { return actSize; }
    /** Transitions ever added (keeps counting after the ring wraps). */
    public long added() { return added; }
    /** The slot the next {@link #add} writes. */
    public int nextSlot() { return next; }

    /** Reward stored in slot {@code i} (for tests and inspection). */
    public float reward(int i) { return rew[i]; }

    /** Observation component {@code j} stored in slot {@code i}. */
    public float observation(int i, int j) { return obs[i * obsSize + j]; }

    // ---------------------------------------------------------------- persistence

    /**
     * Writes the buffer to {@code file} atomically (temp file + rename): a header (magic, capacity, sizes,
     * counters), then the used rows of each array as little-endian float32.
     */
    public void save(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer head = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
            head.putLong(MAGIC).putInt(capacity).putInt(obsSize).putInt(actSize).putInt(size).putInt(next)
                    .putInt(0).putLong(added).putLong(0);
            head.flip();
            writeFully(ch, head);
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            writeFloats(ch, buf, obs, size * obsSize);
            writeFloats(ch, buf, nextObs, size * obsSize);
            writeFloats(ch, buf, act, size * actSize);
            writeFloats(ch, buf, rew, size);
            writeFloats(ch, buf, disc, size);
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Replaces this buffer's contents with those saved in {@code file}; the shapes must match. */
    public void load(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, head, file);
            head.flip();
            if (head.getLong() != MAGIC) throw new IOException(file + " is not a replay buffer file");
            int cap = head.getInt(), os = head.getInt(), as = head.getInt(), sz = head.getInt(), nx = head.getInt();
            head.getInt();
            long add = head.getLong();
            if (cap != capacity || os != obsSize || as != actSize)
                throw new IOException(file + " holds a replay buffer of capacity " + cap + ", obs " + os + ", act " + as
                        + "; expected " + capacity + ", " + obsSize + ", " + actSize);
            if (sz < 0 || sz > cap || nx < 0 || nx >= cap)
                throw new IOException(file + " has inconsistent replay counters (corrupt file)");
            long expected = 48L + 4L * ((long) sz * (2L * os + as + 2));
            if (ch.size() != expected)
                throw new IOException(file + " is " + ch.size() + " bytes, expected " + expected + " (truncated or corrupt)");
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            readFloats(ch, buf, obs, sz * obsSize, file);
            readFloats(ch, buf, nextObs, sz * obsSize, file);
            readFloats(ch, buf, act, sz * actSize, file);
            readFloats(ch, buf, rew, sz, file);
            readFloats(ch, buf, disc, sz, file);
            size = sz;
            next = nx;
            added = add;
        }
    }

    private static void writeFloats(FileChannel ch, ByteBuffer buf, float[] a, int n) throws IOException {
        int i = 0;
        while (i < n) {
            buf.clear();
            int m = Math.min(n - i, buf.capacity() / 4);
            buf.asFloatBuffer().put(a, i, m);
            buf.limit(m * 4);
            writeFully(ch, buf);
            i += m;
        }
    }

    private static void readFloats(FileChannel ch, ByteBuffer buf, float[] a, int n, Path file) throws IOException {
        int i = 0;
        while (i < n) {
            buf.clear();
            int m = Math.min(n - i, buf.capacity() / 4);
            buf.limit(m * 4);
            readFully(ch, buf, file);
            buf.flip();
            buf.asFloatBuffer().get(a, i, m);
            i += m;
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) ch.write(b);
    }

    private static void readFully(FileChannel ch, ByteBuffer b, Path file) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) throw new IOException(file + " ends early (truncated)");
        }
    }
}
