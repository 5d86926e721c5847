package ddpg.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/**
 * Bit-for-bit repeatability must not depend on whether the JIT has compiled a kernel yet: an interrupted-and-resumed
 * training run (a cold JVM) has to equal an uninterrupted one (a warm JVM). {@code reduceLanes(ADD)} and
 * {@code lanewise(TANH)} break that (their results change after C2 compiles them), so the kernels use a
 * fixed folding-tree lane sum and StrictMath's tanh. These tests pin both, cold and after thousands of warm calls.
 */
class JitDeterminismTest {
    // enough calls that C2 has compiled the kernels even when the JIT threads share a busy machine
    private static final int WARM_CALLS = 2_000_000;

    @Test
    void laneSumIsTheFixedTreeColdAndWarm() {
        Random r = new Random(7);
        float[] x = new float[VectorInfo.SPECIES.length()];
        for (int i = 0; i < x.length; i++) x[i] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(7) - 3));
        FloatVector v = FloatVector.fromArray(VectorInfo.SPECIES, x, 0);
        float expected = Lanes.referenceSum(x);
        assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(Lanes.sum(v)), "cold");
        float warm = 0f;
        for (int c = 0; c < WARM_CALLS; c++) warm = Lanes.sum(v);
        assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(warm), "after warm-up");
    }

    @Test
    void gemmAndReductionsGiveTheSameBitsColdAndWarm() {
        Random r = new Random(11);
        int m = 37, k = 300, n = 1; // n = 1: the critic's output layer, the row-dot path
        float[] a = new float[m * k], b = new float[k * n];
        for (int i = 0; i < a.length; i++) a[i] = (float) r.nextGaussian();
        for (int i = 0; i < b.length; i++) b[i] = (float) r.nextGaussian();
        Gemm g = VectorKernels.gemm();
        VectorElementwise e = new VectorElementwise();
        float[] cold = new float[m * n], warm = new float[m * n];
        g.nn(m, k, n, a, b, cold, false);
        float coldSum = e.sum(a, a.length), coldDot = e.dot(a, a, a.length);
        float[] coldTanh = new float[a.length], warmTanh = new float[a.length];
        e.tanh(a, coldTanh, a.length);
        float warmSum = 0, warmDot = 0;
        for (int c = 0; c < WARM_CALLS / 100; c++) {
            g.nn(m, k, n, a, b, warm, false);
            warmSum = e.sum(a, a.length);
            warmDot = e.dot(a, a, a.length);
        }
        for (int c = 0; c < 3_000; c++) e.tanh(a, warmTanh, a.length);
        for (int i = 0; i < cold.length; i++) assertEquals(Float.floatToRawIntBits(cold[i]), Float.floatToRawIntBits(warm[i]), "gemm row " + i);
        assertEquals(Float.floatToRawIntBits(coldSum), Float.floatToRawIntBits(warmSum), "sum");
        assertEquals(Float.floatToRawIntBits(coldDot), Float.floatToRawIntBits(warmDot), "dot");
        for (int i = 0; i < a.length; i++) {
            assertEquals(Float.floatToRawIntBits((float) StrictMath.tanh(a[i])), Float.floatToRawIntBits(warmTanh[i]), "tanh " + i);
            assertEquals(Float.floatToRawIntBits(coldTanh[i]), Float.floatToRawIntBits(warmTanh[i]), "tanh cold/warm " + i);
        }
    }
}
