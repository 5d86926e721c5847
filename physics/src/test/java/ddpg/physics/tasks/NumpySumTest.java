package ddpg.physics.tasks;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Expected values printed by NumPy 1.24.2 ({@code /usr/bin/python3}); the commands are in the comments. */
class NumpySumTest {
    @Test
    void twentyOneValuesSumInNumpysBlockOrderNotLeftToRight() {
        // np.array([1e16] + [1.0]*20): np.sum -> 1.0000000000000016e+16 (left to right would give 1e16);
        // np.mean -> 476190476190476.94
        double[] a = new double[21];
        a[0] = 1e16;
        for (int i = 1; i < 21; i++) a[i] = 1.0;
        assertEquals(1.0000000000000016e16, NumpySum.sum(a, 0, 21));
        assertEquals(476190476190476.94, NumpySum.mean(a));
    }

    @Test
    void largeArraysRecurseInHalves() {
        // b = [(1e16 if i%7==0 else 1.0) * (0.1*i+0.3) * (-1)**i for i in range(300)]:
        // np.sum -> 1.4999999999999987e+17 (left to right: 1.4999999999999984e+17); np.mean -> 499999999999999.56
        double[] b = new double[300];
        for (int i = 0; i < 300; i++) b[i] = (i % 7 == 0 ? 1e16 : 1.0) * (0.1 * i + 0.3) * (i % 2 == 0 ? 1 : -1);
        assertEquals(1.4999999999999987e17, NumpySum.sum(b, 0, 300));
        assertEquals(499999999999999.56, NumpySum.mean(b));
    }

    @Test
    void smallArraysAddLeftToRight() {
        assertEquals(0.6, NumpySum.mean(new double[] {0.5, 0.7}), 0.0);
        assertEquals(0.0, NumpySum.sum(new double[0], 0, 0));
    }
}
