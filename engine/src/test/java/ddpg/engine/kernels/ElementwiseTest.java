package ddpg.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Vector API elementwise kernels against {@link ScalarElementwise} on awkward lengths: bit for bit, every one of
 * them. Elementwise ops use the same IEEE operations in the same order, tanh is FloatTanh's on both paths, and the
 * reductions follow the canonical 16-partial layout ({@link ScalarElementwise#PARTIALS}), which is also checked
 * here against the definition written out independently. Other vector widths: {@link CrossWidthBitsTest}.
 */
class ElementwiseTest {
    static final int[] SIZES = {0, 1, 3, 7, 15, 16, 17, 31, 32, 33, 63, 65, 67, 257, 1000};
    final ElementwiseKernels ref = new ScalarElementwise();
    final ElementwiseKernels vec = new VectorElementwise();
    final Random rnd = new Random(5);

    float[] rand(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) rnd.nextGaussian();
        if (n > 2) x[1] = -0.0f;   // relu/flush corner cases
        if (n > 3) x[2] = 0.0f;
        return x;
    }

    interface Op { void apply(ElementwiseKernels k, float[][] arrays, int n); }

    /** Runs op on copies of the same inputs with both implementations and demands identical bits in every array. */
    void same(String name, int arrays, Op op) {
        for (int n : SIZES) {
            float[][] in = new float[arrays][];
            for (int i = 0; i < arrays; i++) in[i] = rand(n);
            float[][] r = copy(in), v = copy(in);
            op.apply(ref, r, n);
            op.apply(vec, v, n);
            for (int i = 0; i < arrays; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(Float.floatToIntBits(r[i][j]), Float.floatToIntBits(v[i][j]),
                            name + " n=" + n + " array " + i + " [" + j + "]: scalar " + r[i][j] + " vector " + v[i][j]);
                }
            }
        }
    }

    static float[][] copy(float[][] x) {
        float[][] y = new float[x.length][];
        for (int i = 0; i < x.length; i++) y[i] = x[i].clone();
        return y;
    }

    @Test
    void binaryAndScalarOpsAreBitIdentical() {
        same("add", 3, (k, a, n) -> k.add(a[0], a[1], a[2], n));
        same("sub", 3, (k, a, n) -> k.sub(a[0], a[1], a[2], n));
        same("mul", 3, (k, a, n) -> k.mul(a[0], a[1], a[2], n));
        same("div", 3, (k, a, n) -> k.div(a[0], a[1], a[2], n));
        same("add in place", 2, (k, a, n) -> k.add(a[0], a[1], a[0], n));
        same("scale", 2, (k, a, n) -> k.scale(a[0], -1.7f, a[1], n));
        same("addScalar", 2, (k, a, n) -> k.addScalar(a[0], 0.3f, a[1], n));
        same("axpy", 2, (k, a, n) -> k.axpy(0.25f, a[0], a[1], n));
        same("mulAddTo", 3, (k, a, n) -> k.mulAddTo(a[0], a[1], a[2], n));
    }

    @Test
    void activationsAreBitIdentical() {
        same("relu", 2, (k, a, n) -> k.relu(a[0], a[1], n));
        same("reluBackward", 3, (k, a, n) -> k.reluBackward(a[0], a[1], a[2], n));
        same("reluMask", 3, (k, a, n) -> k.reluMask(a[0], a[1], a[2], 0, n));
        same("tanhBackward", 3, (k, a, n) -> k.tanhBackward(a[0], a[1], a[2], n));
    }

    @Test
    void piecesOfARangeGiveTheWholeCallsBits() {
        // What Parallel.forRange relies on: cut anywhere (mid-vector too), the pieces write exactly the whole call's bits.
        Random rnd = new Random(17);
        int n = 1000, rows = 40, cols = 25;
        int[][] cuts = {{0, 1000}, {0, 16, 1000}, {0, 7, 333, 999, 1000}, {0, 500, 500, 1000}};
        for (ElementwiseKernels k : new ElementwiseKernels[] {ref, vec}) {
            for (int[] cut : cuts) {
                float[] x = random(n, rnd), dy = random(n, rnd), dx0 = random(n, rnd);
                float[] whole = new float[n], pieces = new float[n];
                k.relu(x, whole, n);
                for (int c = 1; c < cut.length; c++) k.relu(x, pieces, cut[c - 1], cut[c]);
                assertBits(k.name() + " relu", whole, pieces);
                k.tanh(x, whole, n);
                for (int c = 1; c < cut.length; c++) k.tanh(x, pieces, cut[c - 1], cut[c]);
                assertBits(k.name() + " tanh", whole, pieces);
                whole = dx0.clone();
                pieces = dx0.clone();
                k.reluBackward(x, dy, whole, n);
                for (int c = 1; c < cut.length; c++) k.reluBackward(x, dy, pieces, cut[c - 1], cut[c]);
                assertBits(k.name() + " reluBackward", whole, pieces);
                whole = dx0.clone();
                pieces = dx0.clone();
                k.tanhBackward(x, dy, whole, n);
                for (int c = 1; c < cut.length; c++) k.tanhBackward(x, dy, pieces, cut[c - 1], cut[c]);
                assertBits(k.name() + " tanhBackward", whole, pieces);
                for (boolean acc : new boolean[] {false, true}) {
                    float[] sw = random(cols, rnd), sp = sw.clone();
                    k.columnSums(x, rows, cols, sw, acc);
                    int[] colCuts = {0, cut[1] * cols / n, cols};
                    for (int c = 1; c < colCuts.length; c++) k.columnSums(x, rows, cols, sp, acc, colCuts[c - 1], colCuts[c]);
                    assertBits(k.name() + " columnSums acc=" + acc, sw, sp);
                }
            }
        }
    }

    private static float[] random(int n, Random rnd) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) rnd.nextGaussian() * 2f;
        return a;
    }

    @Test
    void reluMaskGivesTheBitsOfReluBackwardOntoZeros() {
        for (ElementwiseKernels k : new ElementwiseKernels[] {ref, vec}) {
            for (int n : SIZES) {
                float[] x = rand(n), dy = rand(n), dz = rand(n), want = new float[n];
                for (int i = 0; i < n; i += 3) dy[i] = -0.0f;   // a -0 gradient where the unit is on comes out +0
                if (n > 4) x[4] = Float.NaN;
                k.reluBackward(x, dy, want, 0, n);
                k.reluMask(x, dy, dz, 0, n);               // dz held other values: they are overwritten
                assertBits(k.name() + " reluMask n=" + n, want, dz);
            }
        }
    }

    private static void assertBits(String what, float[] expected, float[] actual) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]), what + " at " + i);
        }
    }

    @Test
    void rowAndColumnOpsAreBitIdentical() {
        // rows x cols must fit in the 1000-element arrays of same()
        int[][] shapes = {{1, 1}, {1, 17}, {3, 16}, {16, 3}, {17, 33}, {33, 17}, {15, 65}, {3, 257}, {999, 1}};
        for (int[] shape : shapes) {
            int rows = shape[0], cols = shape[1];
            same("addRowVector " + rows + "x" + cols, 3,
                    (k, a, n) -> { if (n == 1000) k.addRowVector(a[0], a[1], a[2], rows, cols); });
            same("scaleShiftRows " + rows + "x" + cols, 4,
                    (k, a, n) -> { if (n == 1000) k.scaleShiftRows(a[0], a[1], a[2], a[3], rows, cols); });
            same("columnSums " + rows + "x" + cols, 2,
                    (k, a, n) -> { if (n == 1000) k.columnSums(a[0], rows, cols, a[1], true); });
            same("columnSums overwrite " + rows + "x" + cols, 2,
                    (k, a, n) -> { if (n == 1000) k.columnSums(a[0], rows, cols, a[1], false); });
        }
    }

    @Test
    void optimizerKernelsOnSlicesGiveTheWholePassBits() {
        // Adam and the soft update run on slices of a tensor on different threads (Parallel.forEachSlice). A slice
        // that wrote past its end would update those elements twice and fail here.
        int n = 1000;
        int[] cuts = {0, 7, 300, 613, 1000};
        for (ElementwiseKernels k : new ElementwiseKernels[] {ref, vec}) {
            float[][] whole = {rand(n), rand(n), rand(n), rand(n)};
            for (int i = 0; i < n; i++) whole[3][i] = Math.abs(whole[3][i]);   // v >= 0
            float[][] sliced = {whole[0].clone(), whole[1].clone(), whole[2].clone(), whole[3].clone()};
            k.adamStep(whole[0], whole[1], whole[2], whole[3], 0, n, 1e-3f, 0.9f, 0.999f, 1e-8f, 1e-2f, 0.19f, 0.002f);
            k.polyak(whole[1], whole[0], 0.005f, 0, n);
            for (int c = 0; c + 1 < cuts.length; c++) {
                k.adamStep(sliced[0], sliced[1], sliced[2], sliced[3], cuts[c], cuts[c + 1], 1e-3f, 0.9f, 0.999f, 1e-8f,
                        1e-2f, 0.19f, 0.002f);
                k.polyak(sliced[1], sliced[0], 0.005f, cuts[c], cuts[c + 1]);
            }
            for (int a = 0; a < 4; a++) assertBits(k.name() + " sliced array " + a, whole[a], sliced[a]);
        }
    }

    @Test
    void optimizerKernelsAreBitIdenticalAndFlushSubnormals() {
        same("adamStep", 4, (k, a, n) -> k.adamStep(a[0], a[1], a[2], a[3], 0, n, 1e-3f, 0.9f, 0.999f, 1e-8f, 1e-2f,
                1f - 0.9f * 0.9f, 1f - 0.999f * 0.999f));
        same("polyak", 2, (k, a, n) -> k.polyak(a[0], a[1], 0.005f, 0, n));
        for (ElementwiseKernels k : new ElementwiseKernels[] {ref, vec}) {
            float[] x = new float[40];
            for (int i = 0; i < x.length; i++) x[i] = (i % 2 == 0 ? 1 : -1) * Float.MIN_VALUE * (i + 1);
            x[39] = Float.MIN_NORMAL;
            k.flushSubnormals(x, 0, x.length);
            for (int i = 0; i < 39; i++) assertEquals(0f, Math.abs(x[i]), k.name() + " flushes subnormal " + i);
            assertEquals(Float.MIN_NORMAL, x[39], k.name() + " keeps the smallest normal");

            // Adam's second moment decays towards zero; it must jump to 0 rather than pass through subnormals.
            float[] w = {1f}, g = {0f}, m = {1e-30f}, v = {1e-36f};
            for (int t = 0; t < 200; t++) k.adamStep(w, g, m, v, 0, 1, 1e-3f, 0.9f, 0.999f, 1e-8f, 0f, 1f, 1f);
            assertTrue(m[0] == 0f || Math.abs(m[0]) >= Float.MIN_NORMAL, k.name() + " m never subnormal");
            assertTrue(v[0] == 0f || v[0] >= Float.MIN_NORMAL, k.name() + " v never subnormal");
        }
        same("flushSubnormals", 1, (k, a, n) -> {
            for (int i = 0; i < n; i += 3) a[0][i] *= 1e-39f;
            k.flushSubnormals(a[0], 0, n);
        });
    }

    @Test
    void tanhIsFloatTanhOnBothPaths() {
        for (int n : SIZES) {
            float[] x = rand(n);
            for (int i = 0; i < n; i += 5) x[i] *= 8;   // include saturated values
            float[] r = new float[n], v = new float[n];
            ref.tanh(x, r, n);
            vec.tanh(x, v, n);
            for (int i = 0; i < n; i++) {
                assertEquals(Float.floatToRawIntBits(FloatTanh.tanh(x[i])), Float.floatToRawIntBits(r[i]), "scalar tanh");
                assertEquals(Float.floatToRawIntBits(r[i]), Float.floatToRawIntBits(v[i]), "tanh(" + x[i] + ")");
            }
        }
    }

    @Test
    void reductionsAreBitIdenticalAndCanonical() {
        for (int n : SIZES) {
            float[] a = CanonicalDigest.wide(n, 100 + n), b = CanonicalDigest.wide(n, 200 + n);
            assertEquals(bits(definition(a, null, n)), bits(ref.sum(a, n)), "scalar sum n=" + n);
            assertEquals(bits(definition(a, b, n)), bits(ref.dot(a, b, n)), "scalar dot n=" + n);
            assertEquals(bits(ref.sum(a, n)), bits(vec.sum(a, n)), "sum n=" + n);
            assertEquals(bits(ref.dot(a, b, n)), bits(vec.dot(a, b, n)), "dot n=" + n);
            assertEquals(bits(ref.dot(a, a, n)), bits(vec.sumOfSquares(a, n)), "sumOfSquares n=" + n);
            assertEquals(bits(ref.dot(a, a, n)), bits(ref.sumOfSquares(a, n)), "scalar sumOfSquares n=" + n);
        }
    }

    /**
     * The canonical reduction written from its definition, one partial at a time: partial j = a[j] + a[j+16] + ...
     * over whole blocks of 16 (fused when b is given), partials folded 8, 4, 2, 1, then the tail in order.
     */
    static float definition(float[] a, float[] b, int n) {
        int blocks = n / 16 * 16;
        float[] p = new float[16];
        for (int j = 0; j < 16; j++) {
            float s = 0f;
            for (int i = j; i < blocks; i += 16) s = b == null ? s + a[i] : Math.fma(a[i], b[i], s);
            p[j] = s;
        }
        float[] q = new float[8];
        for (int j = 0; j < 8; j++) q[j] = p[j] + p[j + 8];
        float[] r = {q[0] + q[4], q[1] + q[5], q[2] + q[6], q[3] + q[7]};
        float s = (r[0] + r[2]) + (r[1] + r[3]);
        for (int i = blocks; i < n; i++) s = b == null ? s + a[i] : Math.fma(a[i], b[i], s);
        return s;
    }

    static int bits(float f) {
        return Float.floatToRawIntBits(f);
    }

    @Test
    void facadeUsesTheVectorKernelsWhenTheModuleIsPresent() {
        assertEquals("vector", Elementwise.implementation());
        float[] x = {1f, -2f, 3f};
        Elementwise.relu(x, x, 3);
        assertEquals(0f, x[1]);
        assertEquals(4f, Elementwise.sum(x, 3));
    }
}
