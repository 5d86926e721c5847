package ddpg.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link FloatTanh} against {@code (float) StrictMath.tanh}, which rounds a double-precision tanh to float. Checked
 * offline on every float (bench/README.md, "tanh"): the bits are the same for all of them, so here a sample must
 * match exactly too.
 */
class FloatTanhTest {
    private static void sameAsStrictMath(float x) {
        assertEquals(Float.floatToRawIntBits((float) StrictMath.tanh(x)), Float.floatToRawIntBits(FloatTanh.tanh(x)),
                () -> "tanh(" + x + ")");
    }

    @Test
    void specialValues() {
        float[] xs = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, 1e-30f, 1e-8f, 0.3465f, 0.3466f,
                0.35f, 0.5f, 1f, 8.9f, 9f, 9.01f, 9.1f, 10f, 10.5f, 88f, Float.MAX_VALUE, Float.POSITIVE_INFINITY};
        for (float x : xs) {
            sameAsStrictMath(x);
            sameAsStrictMath(-x);
        }
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(FloatTanh.tanh(-0f)), "the sign of zero");
        assertEquals(1f, FloatTanh.tanh(Float.POSITIVE_INFINITY));
        assertEquals(-1f, FloatTanh.tanh(Float.NEGATIVE_INFINITY));
        assertEquals(Float.NaN, FloatTanh.tanh(Float.NaN));
    }

    @Test
    void randomFloatsOfEveryExponentAndTheDenseRange() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 300_000; i++) {
            sameAsStrictMath(Float.intBitsToFloat(rnd.nextInt() & 0x7f7fffff));          // any finite float, any sign
            sameAsStrictMath((float) (rnd.nextDouble() * 24 - 12));                         // where tanh is not flat
        }
    }

    @Test
    void oddExactly() {
        SplittableRandom rnd = new SplittableRandom(8);
        for (int i = 0; i < 100_000; i++) {
            float x = (float) (rnd.nextGaussian() * 3);
            assertEquals(Float.floatToRawIntBits(FloatTanh.tanh(x)) ^ 0x80000000, Float.floatToRawIntBits(FloatTanh.tanh(-x)));
        }
    }

    @Test
    void theArrayFormIsTheScalarFormOnAnyRange() {
        SplittableRandom rnd = new SplittableRandom(9);
        float[] x = new float[23];
        for (int i = 0; i < x.length; i++) x[i] = (float) (rnd.nextGaussian() * 4);
        for (int from = 0; from < 5; from++) {
            for (int to = from; to <= x.length; to++) {
                float[] out = new float[x.length];
                FloatTanh.tanh(x, out, from, to);
                for (int i = 0; i < x.length; i++) {
                    float want = i >= from && i < to ? FloatTanh.tanh(x[i]) : 0f;
                    assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(out[i]), "[" + from + ", " + to + ") at " + i);
                }
            }
        }
    }
}
