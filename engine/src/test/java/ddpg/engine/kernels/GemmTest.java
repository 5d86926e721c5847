package ddpg.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every GEMM variant against {@link ScalarGemm}, in all three forms, with and without accumulate, on awkward sizes:
 * bit for bit, because every variant computes the canonical arithmetic of {@link Gemm} (per K block of at most 512,
 * one fma chain per output, added to C). The scalar reference itself is checked against that definition written out
 * in the test. Other vector widths: {@link CrossWidthBitsTest}.
 */
class GemmTest {
    static final int[] AWKWARD = {1, 3, 15, 16, 17, 63, 65};

    /** The Vector API variants (the module is present in the test JVM), plus a 2-thread one that always splits. */
    static List<Gemm> simdVariants() {
        assertTrue(Kernels.vectorAvailable(), "tests run with --add-modules jdk.incubator.vector");
        List<Gemm> list = new ArrayList<>();
        list.add(new VectorRowGemm());
        list.add(new VectorBlockedGemm());
        list.add(new VectorGemm());
        list.add(new ParallelGemm(2, 0));
        list.add(new ParallelGemm(3, 0));
        return list;
    }

    @Test
    void allVariantsMatchScalarOnAllSmallAwkwardShapes() {
        List<Gemm> variants = simdVariants();
        variants.add(new NaiveGemm());
        Random rnd = new Random(42);
        for (int m : AWKWARD) for (int k : AWKWARD) for (int n : AWKWARD) checkAllForms(variants, m, k, n, rnd);
    }

    @Test
    void largerAwkwardShapes() {
        int[][] shapes = {
            {257, 65, 257}, {65, 257, 63}, {257, 257, 17}, {16, 257, 257}, {1, 257, 65}, {257, 1, 257},
            {257, 3, 1}, {3, 257, 1}, {63, 17, 257}, {17, 63, 16}, {8, 8, 32}, {9, 7, 33}, {64, 24, 400},
        };
        Random rnd = new Random(7);
        for (int[] s : shapes) checkAllForms(simdVariants(), s[0], s[1], s[2], rnd);
    }

    @Test
    void cacheBlockingPathsSplitKAndN() {
        // K above the 512 block (two k-blocks, the second accumulates) and packed B above the L2 budget (n-blocks).
        int[][] shapes = {{33, 1100, 70}, {40, 600, 700}, {17, 513, 257}, {2, 1100, 40}, {3, 700, 1}};
        Random rnd = new Random(11);
        for (int[] s : shapes) {
            checkAllForms(List.of(new VectorBlockedGemm(), new VectorGemm(), new ParallelGemm(2, 0), new VectorRowGemm()),
                    s[0], s[1], s[2], rnd);
        }
    }

    @Test
    void fewRowsKeepTheirChainsInRegisters() {
        // m < 4 with full eight-vector column blocks, a ragged rest, and K over one block: the acting path. The rests:
        // two vectors with the second overlapping (21, 37), exactly one vector (16), rows narrower than a vector whose
        // last K steps run lane by lane (6, 5, 1), at the 16 lanes of AVX-512 (other widths: CrossWidthBitsTest).
        int[][] shapes = {{1, 24, 256}, {1, 256, 256}, {1, 256, 6}, {3, 67, 300}, {2, 1100, 129}, {1, 600, 64}, {3, 5, 65},
                {1, 256, 21}, {2, 256, 37}, {1, 67, 16}, {1, 1100, 5}, {3, 7, 1}, {1, 256, 1}};
        Random rnd = new Random(5);
        for (int[] s : shapes) checkAllForms(List.of(new VectorGemm(), new NaiveGemm()), s[0], s[1], s[2], rnd);
    }

    @Test
    void narrowOutputsTakeEightLaneRows() {
        // 2..8 columns of C (NarrowGemm at 16 lanes): the actor's output layer and its gradients, ragged rows, K over
        // one block, and the split across threads by rows.
        int[][] shapes = {{256, 256, 6}, {256, 6, 6}, {37, 1100, 6}, {9, 513, 8}, {8, 3, 2}, {17, 65, 7}, {4, 1, 5}};
        Random rnd = new Random(13);
        List<Gemm> variants = simdVariants();
        variants.add(new NarrowOnly()); // the kernel itself, also where the dispatch does not pick it (JDK 17, 8 lanes)
        for (int[] s : shapes) checkAllForms(variants, s[0], s[1], s[2], rnd);
    }

    /** NarrowGemm called directly, whatever VectorGemm's dispatch would choose on this JDK and vector width. */
    private static final class NarrowOnly implements Gemm {
        @Override public void nn(int m, int k, int n, float[] a, float[] b, float[] c, boolean acc) {
            NarrowGemm.compute(VectorBlockedGemm.NN, m, k, n, a, b, c, acc, 0, m);
        }
        @Override public void nt(int m, int k, int n, float[] a, float[] b, float[] c, boolean acc) {
            NarrowGemm.compute(VectorBlockedGemm.NT, m, k, n, a, b, c, acc, 0, m);
        }
        @Override public void tn(int m, int k, int n, float[] a, float[] b, float[] c, boolean acc) {
            NarrowGemm.compute(VectorBlockedGemm.TN, m, k, n, a, b, c, acc, 0, m);
        }
        @Override public String name() { return "narrow"; }
    }

    @Test
    void ddpgShapesMatchScalar() {
        int[][] shapes = {{256, 400, 300}, {256, 406, 300}, {256, 300, 1}, {256, 24, 400}};
        Random rnd = new Random(3);
        for (int[] s : shapes) checkAllForms(List.of(new VectorGemm(), new ParallelGemm(2, 0)), s[0], s[1], s[2], rnd);
    }

    @Test
    void zeroSizesAreHandled() {
        for (Gemm g : simdVariants()) {
            float[] c = {5f, 5f, 5f, 5f};
            g.nn(2, 0, 2, new float[0], new float[0], c, false);
            assertEquals(0f, c[0], g.name() + ": k = 0 without accumulate gives zeros");
            c[0] = 5f;
            g.tn(2, 0, 2, new float[0], new float[0], c, true);
            assertEquals(5f, c[0], g.name() + ": k = 0 with accumulate leaves C alone");
            g.nt(0, 3, 0, new float[0], new float[0], new float[0], false);
        }
    }

    @Test
    void badArgumentsGiveOneClearMessage() {
        for (Gemm g : List.of(new ScalarGemm(), new NaiveGemm(), new VectorGemm(), new VectorBlockedGemm())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> g.nn(2, 3, 4, new float[6], new float[11], new float[8], false));
            assertEquals("gemm nn: B has 11 floats but the shape needs 12", e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> g.tn(-1, 3, 4, new float[6], new float[12], new float[8], false));
            assertTrue(e.getMessage().contains("negative size m=-1"), e.getMessage());
        }
    }

    static void checkAllForms(List<Gemm> variants, int m, int k, int n, Random rnd) {
        for (String form : new String[] {"nn", "nt", "tn"}) {
            for (boolean acc : new boolean[] {false, true}) check(variants, form, m, k, n, acc, rnd);
        }
    }

    /** Runs every variant on the same random inputs and demands ScalarGemm's bits, which must be the definition's. */
    static void check(List<Gemm> variants, String form, int m, int k, int n, boolean accumulate, Random rnd) {
        float[] a = random(m * k, rnd), b = random(k * n, rnd), c0 = random(m * n, rnd);
        float[] ref = c0.clone();
        run(new ScalarGemm(), form, m, k, n, a, b, ref, accumulate);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                // The definition: K in ceil(k/512) equal blocks, each an fma chain from zero, added to C in order.
                int blocks = (k + 511) / 512, kc = blocks == 0 ? 1 : (k + blocks - 1) / blocks;
                float s = accumulate ? c0[i * n + j] : 0f;
                for (int p0 = 0; p0 < k; p0 += kc) {
                    float t = 0f;
                    for (int p = p0; p < Math.min(k, p0 + kc); p++) t = Math.fma(opA(form, a, m, k, i, p), opB(form, b, k, n, p, j), t);
                    s = p0 == 0 && !accumulate ? t : s + t;
                }
                if (Float.floatToRawIntBits(s) != Float.floatToRawIntBits(ref[i * n + j])) {
                    fail(String.format("scalar %s %dx%dx%d acc=%b: C[%d][%d] = %s, the definition gives %s",
                            form, m, k, n, accumulate, i, j, ref[i * n + j], s));
                }
            }
        }
        for (Gemm g : variants) {
            float[] got = c0.clone();
            run(g, form, m, k, n, a, b, got, accumulate);
            for (int e = 0; e < m * n; e++) {
                if (Float.floatToRawIntBits(got[e]) != Float.floatToRawIntBits(ref[e])) {
                    fail(String.format("%s %s %dx%dx%d acc=%b: C[%d][%d] = %s, scalar %s (not bit-identical)",
                            g.name(), form, m, k, n, accumulate, e / n, e % n, got[e], ref[e]));
                }
            }
        }
    }

    static float opA(String form, float[] a, int m, int k, int i, int p) {
        return form.equals("tn") ? a[p * m + i] : a[i * k + p];
    }

    static float opB(String form, float[] b, int k, int n, int p, int j) {
        return form.equals("nt") ? b[j * k + p] : b[p * n + j];
    }

    static void run(Gemm g, String form, int m, int k, int n, float[] a, float[] b, float[] c, boolean acc) {
        switch (form) {
            case "nn": g.nn(m, k, n, a, b, c, acc); break;
            case "nt": g.nt(m, k, n, a, b, c, acc); break;
            default: g.tn(m, k, n, a, b, c, acc); break;
        }
    }

    static float[] random(int size, Random rnd) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = (float) (rnd.nextGaussian());
        return x;
    }
}
