package ddpg.examples;

import ddpg.engine.Rng;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Correctness only: speed is shown by running the example, never asserted in a test. */
class E05SimdTest {
    @Test
    void dotProductsMatchADoubleReferenceAtAwkwardLengths() {
        Rng rng = new Rng(11);
        for (int n : new int[] {0, 1, 3, 15, 16, 17, 63, 64, 65, 257, 1000}) {
            float[] a = new float[n], b = new float[n];
            double ref = 0, mag = 0;
            for (int i = 0; i < n; i++) {
                a[i] = (float) rng.uniform(-1, 1);
                b[i] = (float) rng.uniform(-1, 1);
                ref += (double) a[i] * b[i];
                mag += Math.abs((double) a[i] * b[i]);
            }
            double tol = 1e-6 * (1 + mag);
            assertEquals(ref, E05Simd.dotScalar(a, b, n), tol, "scalar n=" + n);
            assertEquals(ref, E05Simd.dotVector(a, b, n), tol, "vector n=" + n);
            assertEquals(ref, E05Simd.dotVector4(a, b, n), tol, "vector4 n=" + n);
        }
    }

    @Test
    void timedRunsReturnTheSameNumbers() {
        List<E05Simd.Timing> d = E05Simd.dots(100, 5, 1);
        assertEquals(3, d.size());
        for (E05Simd.Timing t : d) assertEquals(d.get(0).value(), t.value(), 1e-4, t.name());
        List<E05Simd.Timing> g = E05Simd.gemms(17, 33, 65, 1, 0);
        assertTrue(g.size() >= 2, "naive and scalar at least");
        for (E05Simd.Timing t : g) assertTrue(t.value() < 1e-4, t.name() + " differs from the scalar reference by " + t.value());
    }
}
