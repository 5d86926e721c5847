package ddpg.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Products whose C is only a few columns wide (2 to 8: the actor's 6 outputs at walker sizes) on CPUs with 16-lane
 * vectors. The blocked kernel would give each row of C a whole 16-lane vector and use 6 lanes of it; here a row of C
 * is one 8-lane (256-bit) vector, so 6 of 8 lanes work. On a CPU that runs 512-bit operations as two 256-bit halves
 * (this AMD EPYC) an 8-lane FMA costs half a 16-lane one. Measured there (JDK 25, 256x256x6): nn 18 -> 38 GFLOP/s,
 * nt 27.5 -> 36, tn 26.5 -> 35, against the blocked kernel.
 *
 * <p>op(B) is first copied into a zero-padded k x 8 panel (2,048 floats for k = 256), so every form reads B the same
 * way; A is read in place through a row and a column stride, as in {@link VectorBlockedGemm}. Eight rows of C at a
 * time keep eight independent FMA chains in flight (sixteen ran slower: 29 GFLOP/s against 38 on 256x256x6). Each
 * lane holds one output's canonical chain along one K block ({@link Gemm}, {@link KBlocks}), so the bits equal every
 * other kernel's. Loaded only when the Vector API is.
 */
final class NarrowGemm {
    private static final VectorSpecies<Float> S8 = FloatVector.SPECIES_256;
    /** Columns of C one vector holds. */
    static final int LANES = S8.length();
    private static final int MR = 8;
    /**
     * Only from JDK 25 on, where it was measured. On JDK 17 a second vector species in the same JVM made the Vector
     * API's shared code fall back to its plain-Java paths in every kernel (type profiles see two vector classes):
     * the walker update ran at 110 updates/s instead of 250, 256x256x6 itself at 2.8 GFLOP/s. Versions between were
     * not measured, so they keep the blocked kernel, as JDK 17 does.
     */
    private static final boolean SECOND_SPECIES_IS_SAFE = Runtime.version().feature() >= 25;

    private NarrowGemm() {}

    /**
     * True when this kernel should take a product with n columns of C: more than one (n = 1 has its own kernels),
     * at most 8, only when the vectors in use are wider than 8 lanes (at 8 lanes or fewer the blocked kernel
     * already fits the row in one vector), and only on JDK 25 or later.
     */
    static boolean takes(int n) {
        return n > 1 && n <= LANES && VectorInfo.SPECIES.length() > LANES && SECOND_SPECIES_IS_SAFE;
    }

    /** Rows [i0, i1) of C for the given form ({@link VectorBlockedGemm#NN}, NT or TN); arguments already checked. */
    static void compute(int form, int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate, int i0, int i1) {
        if (i0 >= i1) return;
        if (k == 0) {
            if (!accumulate) java.util.Arrays.fill(c, i0 * n, i1 * n, 0f);
            return;
        }
        float[] panel = Scratch.floats(0, k * LANES), tile = Scratch.floats(1, MR * LANES);
        packB(form, b, k, n, panel);
        int ars = form == VectorBlockedGemm.TN ? 1 : k, acs = form == VectorBlockedGemm.TN ? m : 1;
        int kc = KBlocks.length(k);
        for (int p0 = 0; p0 < k; p0 += kc) {
            int p1 = Math.min(k, p0 + kc);
            boolean overwrite = p0 == 0 && !accumulate;
            int i = i0;
            for (; i + MR <= i1; i += MR) {
                eightRows(a, i * ars + p0 * acs, ars, acs, panel, p0, p1, tile);
                store(tile, c, i, MR, n, overwrite);
            }
            for (; i < i1; i++) {
                oneRow(a, i * ars + p0 * acs, acs, panel, p0, p1, tile);
                store(tile, c, i, 1, n, overwrite);
            }
        }
    }

    /** op(B) as k rows of 8 floats, zero beyond column n. */
    private static void packB(int form, float[] b, int k, int n, float[] panel) {
        for (int p = 0; p < k; p++) {
            int dst = p * LANES;
            for (int j = 0; j < n; j++) panel[dst + j] = form == VectorBlockedGemm.NT ? b[j * k + p] : b[p * n + j];
            for (int j = n; j < LANES; j++) panel[dst + j] = 0f;
        }
    }

    /** tile[r][0..8) = sum over p in [p0, p1) of op(A)[row r][p] * panel[p], eight chains side by side. */
    private static void eightRows(float[] a, int ao, int ars, int acs, float[] panel, int p0, int p1, float[] tile) {
        FloatVector c0 = FloatVector.zero(S8), c1 = FloatVector.zero(S8), c2 = FloatVector.zero(S8);
        FloatVector c3 = FloatVector.zero(S8), c4 = FloatVector.zero(S8), c5 = FloatVector.zero(S8);
        FloatVector c6 = FloatVector.zero(S8), c7 = FloatVector.zero(S8);
        int a0 = ao, a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars, a4 = a3 + ars, a5 = a4 + ars, a6 = a5 + ars, a7 = a6 + ars;
        for (int p = p0; p < p1; p++) {
            int ai = (p - p0) * acs;
            FloatVector bv = FloatVector.fromArray(S8, panel, p * LANES);
            c0 = bv.fma(FloatVector.broadcast(S8, a[a0 + ai]), c0);
            c1 = bv.fma(FloatVector.broadcast(S8, a[a1 + ai]), c1);
            c2 = bv.fma(FloatVector.broadcast(S8, a[a2 + ai]), c2);
            c3 = bv.fma(FloatVector.broadcast(S8, a[a3 + ai]), c3);
            c4 = bv.fma(FloatVector.broadcast(S8, a[a4 + ai]), c4);
            c5 = bv.fma(FloatVector.broadcast(S8, a[a5 + ai]), c5);
            c6 = bv.fma(FloatVector.broadcast(S8, a[a6 + ai]), c6);
            c7 = bv.fma(FloatVector.broadcast(S8, a[a7 + ai]), c7);
        }
        c0.intoArray(tile, 0); c1.intoArray(tile, LANES); c2.intoArray(tile, 2 * LANES); c3.intoArray(tile, 3 * LANES);
        c4.intoArray(tile, 4 * LANES); c5.intoArray(tile, 5 * LANES); c6.intoArray(tile, 6 * LANES); c7.intoArray(tile, 7 * LANES);
    }

    /** The same for a single row (the last rows of C when their count is not a multiple of 8). */
    private static void oneRow(float[] a, int ao, int acs, float[] panel, int p0, int p1, float[] tile) {
        FloatVector acc = FloatVector.zero(S8);
        for (int p = p0; p < p1; p++) {
            acc = FloatVector.fromArray(S8, panel, p * LANES).fma(FloatVector.broadcast(S8, a[ao + (p - p0) * acs]), acc);
        }
        acc.intoArray(tile, 0);
    }

    /** The first n columns of the tile's {@code rows} rows into C from row i: stored, or added to what C holds. */
    private static void store(float[] tile, float[] c, int i, int rows, int n, boolean overwrite) {
        for (int r = 0; r < rows; r++) {
            int o = (i + r) * n, t = r * LANES;
            if (overwrite) System.arraycopy(tile, t, c, o, n);
            else for (int j = 0; j < n; j++) c[o + j] += tile[t + j];
        }
    }
}
