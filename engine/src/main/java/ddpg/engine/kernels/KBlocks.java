package ddpg.engine.kernels;

/**
 * How every GEMM cuts K (see {@link Gemm}): into {@code ceil(k / 512)} blocks of {@link #length} values each (the
 * last may be shorter). Each block's products are summed into a fresh partial sum, which is then added to C, so the
 * blocking is part of the canonical arithmetic: it depends on k alone, never on the vector width or the kernel.
 * 512 keeps the blocked kernel's A strip (8 rows x 512 floats = 16 KB) in L1; with k at most 512, as in every DDPG
 * layer, there is one block.
 */
final class KBlocks {
    private KBlocks() {}

    /** The largest block. */
    static final int MAX = 512;

    /** The block length for a K of k >= 1: k split into ceil(k / MAX) nearly equal blocks. */
    static int length(int k) {
        int blocks = (k + MAX - 1) / MAX;
        return (k + blocks - 1) / blocks;
    }
}
