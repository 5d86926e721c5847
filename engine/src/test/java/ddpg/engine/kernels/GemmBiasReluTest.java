package ddpg.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Gemm#nnBiasRelu}, the forward pass of a hidden layer in one product, against its definition written out
 * here: relu(bias[j] + the canonical chain), relu(v) = v &gt; 0 ? v : 0. Bit for bit on every variant, on the tile
 * edges of the fused store (rows not a multiple of 8, columns not a multiple of two vectors, one vector or less), on
 * the paths that keep the unfused default (one column, fewer than 4 rows, K over one block) and split across threads.
 */
class GemmBiasReluTest {
    static List<Gemm> variants() {
        List<Gemm> list = new ArrayList<>(GemmTest.simdVariants());
        list.add(new ScalarGemm());
        list.add(new NaiveGemm());
        return list;
    }

    @Test
    void everyVariantGivesTheDefinitionsBits() {
        int[][] shapes = {
            {1, 1, 1}, {3, 17, 15}, {8, 16, 32}, {9, 33, 17}, {16, 7, 48}, {17, 65, 63}, {33, 24, 70}, {64, 6, 300},
            {256, 24, 256}, {256, 256, 256}, {256, 406, 300}, {65, 30, 400}, // the walker update's hidden layers
            {2, 67, 260}, {1, 256, 21}, {37, 300, 1}, {17, 513, 23}, {40, 1100, 70}, // few rows, one column, K > 512
        };
        Random rnd = new Random(17);
        for (int[] s : shapes) check(variants(), s[0], s[1], s[2], rnd);
    }

    @Test
    void notANumberAndNegativeZeroComeOutAsTheReluKernelsMakeThem() {
        // relu(NaN) = 0 and relu(-0) = +0, as in ScalarElementwise.relu: the compare fails, the lane is zero.
        int m = 9, k = 3, n = 33;
        float[] a = new float[m * k], b = new float[k * n], bias = new float[n];
        bias[0] = Float.NaN;
        bias[1] = -0f;
        bias[2] = 2f;
        for (Gemm g : variants()) {
            float[] c = new float[m * n];
            java.util.Arrays.fill(c, 7f);
            g.nnBiasRelu(m, k, n, a, b, bias, c);
            for (int i = 0; i < m; i++) {
                assertEquals(0, Float.floatToRawIntBits(c[i * n]), g.name() + ": relu(NaN) is +0");
                assertEquals(0, Float.floatToRawIntBits(c[i * n + 1]), g.name() + ": relu(-0) is +0");
                assertEquals(2f, c[i * n + 2], g.name());
            }
        }
    }

    @Test
    void aShortBiasGetsOneClearMessage() {
        for (Gemm g : variants()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> g.nnBiasRelu(2, 3, 4, new float[6], new float[12], new float[3], new float[8]));
            assertEquals("gemm nnBiasRelu: bias has 3 floats but the shape needs 4", e.getMessage(), g.name());
        }
    }

    static void check(List<Gemm> variants, int m, int k, int n, Random rnd) {
        float[] a = GemmTest.random(m * k, rnd), b = GemmTest.random(k * n, rnd), bias = GemmTest.random(n, rnd);
        float[] want = new float[m * n];
        int blocks = (k + 511) / 512, kc = (k + blocks - 1) / blocks;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = bias[j];
                for (int p0 = 0; p0 < k; p0 += kc) {
                    float t = 0f;
                    for (int p = p0; p < Math.min(k, p0 + kc); p++) t = Math.fma(a[i * k + p], b[p * n + j], t);
                    s += t;
                }
                want[i * n + j] = s > 0f ? s : 0f;
            }
        }
        for (Gemm g : variants) {
            float[] got = GemmTest.random(m * n, rnd); // whatever C held before is overwritten
            g.nnBiasRelu(m, k, n, a, b, bias, got);
            for (int e = 0; e < m * n; e++) {
                if (Float.floatToRawIntBits(got[e]) != Float.floatToRawIntBits(want[e])) {
                    fail(String.format("%s nnBiasRelu %dx%dx%d: C[%d][%d] = %s, the definition gives %s",
                            g.name(), m, k, n, e / n, e % n, got[e], want[e]));
                }
            }
        }
    }
}
