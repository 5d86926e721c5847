package ddpg.engine.kernels;

/** Per-thread scratch arrays for the kernels, grown on demand and then reused (no allocation in steady state). */
final class Scratch {
    private Scratch() {}

    private static final ThreadLocal<float[][]> BUFFERS = ThreadLocal.withInitial(() -> new float[][] {new float[0], new float[0]});

    /** This thread's array number {@code slot} (0 or 1), at least {@code size} floats long; its contents are left over. */
    static float[] floats(int slot, int size) {
        float[][] b = BUFFERS.get();
        if (b[slot].length < size) b[slot] = new float[size];
        return b[slot];
    }
}
