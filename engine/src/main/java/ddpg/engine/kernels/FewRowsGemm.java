package ddpg.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Products with fewer than {@link VectorGemm#FEW_ROWS} rows of C, e.g. acting on one observation (y = x W with x a
 * single row): nothing is worth packing, and each output needs just one chain along K. Eight vectors of C's row stay
 * in registers for a whole K block, so every FMA costs one load of B and nothing else (the row-FMA kernel, {@link
 * VectorRowGemm}, also loads and stores its partial sums for every FMA: about three times the memory traffic). The
 * columns left over (the actor's 6 or 21 outputs) get two registers per pass, the last one overlapping.
 * Each lane holds one output's canonical chain ({@link Gemm}), so the bits equal every other kernel's. Loaded only
 * when the Vector API is.
 */
final class FewRowsGemm {
    private static final VectorSpecies<Float> S = VectorInfo.SPECIES;
    private static final int L = S.length();

    private FewRowsGemm() {}

    static void nn(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        rows(m, k, n, a, k, 1, b, c, accumulate, null);
    }

    /** C = relu(A B + bias), each row stored once (K in one block: {@link VectorBlockedGemm#fusesBiasRelu}). */
    static void nnBiasRelu(int m, int k, int n, float[] a, float[] b, float[] bias, float[] c) {
        rows(m, k, n, a, k, 1, b, c, false, bias);
    }

    static void tn(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        rows(m, k, n, a, 1, m, b, c, accumulate, null);
    }

    /** B [n x k] is transposed into scratch first, so that its rows run along C's row as in nn. */
    static void nt(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        rows(m, k, n, a, k, 1, VectorRowGemm.transposed(b, n, k), c, accumulate, null);
    }

    /**
     * C (+)= op(A) B with op(A)[i][p] = a[i*ai + p*ap] and B [k x n] row-major; with {@code biasRelu} (one K block,
     * no accumulation) each row is stored as relu(t + bias).
     */
    private static void rows(int m, int k, int n, float[] a, int ai, int ap, float[] b, float[] c, boolean accumulate,
                             float[] biasRelu) {
        if (k == 0) {
            if (!accumulate) java.util.Arrays.fill(c, 0, m * n, 0f);
            return;
        }
        int kc = KBlocks.length(k);
        float[] t = Scratch.floats(1, n + L); // + L: a row narrower than a vector is stored whole
        for (int i = 0; i < m; i++) {
            for (int p0 = 0; p0 < k; p0 += kc) {
                int p1 = Math.min(k, p0 + kc), j = 0;
                if (L == 16) for (; j + 16 * L <= n; j += 16 * L) sixteenVectors(a, i * ai, ap, p0, p1, b, n, j, t);
                for (; j + 8 * L <= n; j += 8 * L) eightVectors(a, i * ai, ap, p0, p1, b, n, j, t);
                // Fewer than 8 vectors of columns left: two registers per pass, so two FMA chains overlap their latency.
                for (; n - j >= 2 * L; j += 2 * L) twoVectors(a, i * ai, ap, p0, p1, b, n, j, j + L, t);
                int left = n - j;
                if (left > L) twoVectors(a, i * ai, ap, p0, p1, b, n, j, n - L, t);
                else if (left > 0 && n >= L) oneVector(a, i * ai, ap, p0, p1, b, n, n - L, t);
                else if (left > 0) narrowRow(a, i * ai, ap, p0, p1, b, n, j, t);
                if (biasRelu != null) storeBiasRelu(t, biasRelu, c, i * n, n);
                else VectorRowGemm.addRow(t, c, i * n, n, p0 == 0 && !accumulate);
            }
        }
    }

    /** c[co + j] = relu(t[j] + bias[j]) for j &lt; len; relu(v) = v &gt; 0 ? v : 0, as the ReLU kernels. */
    private static void storeBiasRelu(float[] t, float[] bias, float[] c, int co, int len) {
        int j = 0;
        for (int end = S.loopBound(len); j < end; j += L) {
            FloatVector v = FloatVector.fromArray(S, t, j).add(FloatVector.fromArray(S, bias, j));
            FloatVector.zero(S).blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(c, co + j);
        }
        for (; j < len; j++) {
            float v = t[j] + bias[j];
            c[co + j] = v > 0f ? v : 0f;
        }
    }

    /**
     * Sixteen vectors (256 columns at AVX-512's 16 lanes, whose 32 registers hold them): one pass reads each row of B
     * whole, front to back, so B streams from L2 in order instead of twice in halves. Written out beside
     * {@link #eightVectors} on purpose: C2 keeps vector accumulators in registers only as named locals of one method
     * (an array or a loop over them makes them heap objects, several times slower; see VectorBlockedGemm).
     */
    private static void sixteenVectors(float[] a, int ai0, int ap, int p0, int p1, float[] b, int n, int j, float[] t) {
        FloatVector t0 = FloatVector.zero(S), t1 = t0, t2 = t0, t3 = t0, t4 = t0, t5 = t0, t6 = t0, t7 = t0;
        FloatVector t8 = t0, t9 = t0, t10 = t0, t11 = t0, t12 = t0, t13 = t0, t14 = t0, t15 = t0;
        for (int p = p0; p < p1; p++) {
            FloatVector x = FloatVector.broadcast(S, a[ai0 + p * ap]);
            int row = p * n + j;
            t0 = FloatVector.fromArray(S, b, row).fma(x, t0);
            t1 = FloatVector.fromArray(S, b, row + L).fma(x, t1);
            t2 = FloatVector.fromArray(S, b, row + 2 * L).fma(x, t2);
            t3 = FloatVector.fromArray(S, b, row + 3 * L).fma(x, t3);
            t4 = FloatVector.fromArray(S, b, row + 4 * L).fma(x, t4);
            t5 = FloatVector.fromArray(S, b, row + 5 * L).fma(x, t5);
            t6 = FloatVector.fromArray(S, b, row + 6 * L).fma(x, t6);
            t7 = FloatVector.fromArray(S, b, row + 7 * L).fma(x, t7);
            t8 = FloatVector.fromArray(S, b, row + 8 * L).fma(x, t8);
            t9 = FloatVector.fromArray(S, b, row + 9 * L).fma(x, t9);
            t10 = FloatVector.fromArray(S, b, row + 10 * L).fma(x, t10);
            t11 = FloatVector.fromArray(S, b, row + 11 * L).fma(x, t11);
            t12 = FloatVector.fromArray(S, b, row + 12 * L).fma(x, t12);
            t13 = FloatVector.fromArray(S, b, row + 13 * L).fma(x, t13);
            t14 = FloatVector.fromArray(S, b, row + 14 * L).fma(x, t14);
            t15 = FloatVector.fromArray(S, b, row + 15 * L).fma(x, t15);
        }
        t0.intoArray(t, j);
        t1.intoArray(t, j + L);
        t2.intoArray(t, j + 2 * L);
        t3.intoArray(t, j + 3 * L);
        t4.intoArray(t, j + 4 * L);
        t5.intoArray(t, j + 5 * L);
        t6.intoArray(t, j + 6 * L);
        t7.intoArray(t, j + 7 * L);
        t8.intoArray(t, j + 8 * L);
        t9.intoArray(t, j + 9 * L);
        t10.intoArray(t, j + 10 * L);
        t11.intoArray(t, j + 11 * L);
        t12.intoArray(t, j + 12 * L);
        t13.intoArray(t, j + 13 * L);
        t14.intoArray(t, j + 14 * L);
        t15.intoArray(t, j + 15 * L);
    }

    /**
     * Eight vectors of one row's outputs, columns [j, j + 8L), over K block [p0, p1): eight independent chains hide
     * the FMA latency and every broadcast of A feeds eight FMAs.
     */
    private static void eightVectors(float[] a, int ai0, int ap, int p0, int p1, float[] b, int n, int j, float[] t) {
        FloatVector t0 = FloatVector.zero(S), t1 = t0, t2 = t0, t3 = t0, t4 = t0, t5 = t0, t6 = t0, t7 = t0;
        for (int p = p0; p < p1; p++) {
            FloatVector x = FloatVector.broadcast(S, a[ai0 + p * ap]);
            int row = p * n + j;
            t0 = FloatVector.fromArray(S, b, row).fma(x, t0);
            t1 = FloatVector.fromArray(S, b, row + L).fma(x, t1);
            t2 = FloatVector.fromArray(S, b, row + 2 * L).fma(x, t2);
            t3 = FloatVector.fromArray(S, b, row + 3 * L).fma(x, t3);
            t4 = FloatVector.fromArray(S, b, row + 4 * L).fma(x, t4);
            t5 = FloatVector.fromArray(S, b, row + 5 * L).fma(x, t5);
            t6 = FloatVector.fromArray(S, b, row + 6 * L).fma(x, t6);
            t7 = FloatVector.fromArray(S, b, row + 7 * L).fma(x, t7);
        }
        t0.intoArray(t, j);
        t1.intoArray(t, j + L);
        t2.intoArray(t, j + 2 * L);
        t3.intoArray(t, j + 3 * L);
        t4.intoArray(t, j + 4 * L);
        t5.intoArray(t, j + 5 * L);
        t6.intoArray(t, j + 6 * L);
        t7.intoArray(t, j + 7 * L);
    }

    /*
     * The columns left after the eight-vector blocks (the actor's 21 outputs, or 6). A vector that would run past
     * column n starts at n - L instead and recomputes columns already done: each lane is its own chain, so it writes
     * the same bits again. Rows narrower than one vector have their own way. Scalar chains here would cost the 4-cycle
     * FMA latency per K step per column group: a third of the whole actor forward at humanoid sizes.
     */

    /** Columns [j1, j1 + L) and [j2, j2 + L) over K block [p0, p1), in one pass. */
    private static void twoVectors(float[] a, int ai0, int ap, int p0, int p1, float[] b, int n, int j1, int j2,
                                   float[] t) {
        FloatVector t0 = FloatVector.zero(S), t1 = t0;
        for (int p = p0; p < p1; p++) {
            FloatVector x = FloatVector.broadcast(S, a[ai0 + p * ap]);
            t0 = FloatVector.fromArray(S, b, p * n + j1).fma(x, t0);
            t1 = FloatVector.fromArray(S, b, p * n + j2).fma(x, t1);
        }
        t0.intoArray(t, j1);
        t1.intoArray(t, j2);
    }

    /** Columns [j, j + L). */
    private static void oneVector(float[] a, int ai0, int ap, int p0, int p1, float[] b, int n, int j, float[] t) {
        FloatVector t0 = FloatVector.zero(S);
        for (int p = p0; p < p1; p++) {
            t0 = FloatVector.fromArray(S, b, p * n + j).fma(FloatVector.broadcast(S, a[ai0 + p * ap]), t0);
        }
        t0.intoArray(t, j);
    }

    /**
     * Columns [j, n) of a row narrower than one vector (n < L). Each load takes L floats of B of which the first n - j
     * are this row's (the rest belong to the next rows of B and their lanes are thrown away), as long as a whole vector
     * fits in B; the last K steps continue the same chains one lane at a time. Not a masked load: JDK 17 does those
     * element by element (ten times slower here).
     */
    private static void narrowRow(float[] a, int ai0, int ap, int p0, int p1, float[] b, int n, int j, float[] t) {
        // p < whole: p * n + j + L <= b.length
        int whole = Math.max(p0, Math.min(p1, Math.floorDiv(b.length - L - j, n) + 1));
        FloatVector t0 = FloatVector.zero(S);
        for (int p = p0; p < whole; p++) {
            t0 = FloatVector.fromArray(S, b, p * n + j).fma(FloatVector.broadcast(S, a[ai0 + p * ap]), t0);
        }
        t0.intoArray(t, j);
        for (int p = whole; p < p1; p++) {
            float x = a[ai0 + p * ap];
            for (int q = j; q < n; q++) t[q] = Math.fma(x, b[p * n + q], t[q]);
        }
    }
}
