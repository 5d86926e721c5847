package ddpg.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TensorTest {
    @Test void shapesAndTheirMatrixView() {
        Tensor s = Tensor.scalar(2f), v = Tensor.zeros(5), m = Tensor.zeros(3, 4);
        assertEquals(0, s.rank());
        assertEquals(1, s.size());
        assertEquals(1, v.rows());
        assertEquals(5, v.cols());
        assertEquals(3, m.rows());
        assertEquals(4, m.cols());
        assertEquals(12, m.size());
        assertArrayEquals(new int[] {3, 4}, m.shape());
    }

    @Test void factoriesFillAsDocumented() {
        assertArrayEquals(new float[] {1, 1}, Tensor.ones(2).data());
        assertArrayEquals(new float[] {7, 7, 7}, Tensor.full(7f, 3).data());
        Tensor r = Tensor.fromRows(new float[][] {{1, 2}, {3, 4}});
        assertEquals(3f, r.get(1, 0));
        float[] backing = {1, 2};
        Tensor w = Tensor.wrap(backing, 2);
        backing[0] = 9;
        assertEquals(9f, w.get(0), "wrap shares storage");
        Tensor c = Tensor.fromArray(backing, 2);
        backing[0] = 5;
        assertEquals(9f, c.get(0), "fromArray copies");
    }

    @Test void seededRandomTensorsAreReproducible() {
        Tensor a = Tensor.uniform(new Rng(1), -1, 1, 10), b = Tensor.uniform(new Rng(1), -1, 1, 10);
        assertArrayEquals(a.data(), b.data());
        assertNotEquals(a.get(0), Tensor.uniform(new Rng(2), -1, 1, 10).get(0));
        for (float x : a.data()) assertTrue(x >= -1 && x < 1);
        Tensor n = Tensor.normal(new Rng(3), 0, 1, 20000);
        double mean = 0, var = 0;
        for (float x : n.data()) mean += x / 20000.0;
        for (float x : n.data()) var += (x - mean) * (x - mean) / 20000.0;
        assertEquals(0, mean, 0.03);
        assertEquals(1, var, 0.05);
    }

    @Test void toStringShowsShapeAndAFewValues() {
        assertEquals("Tensor[2, 2] [1.000, 2.000, 3.000, 4.000]", Tensor.fromRows(new float[][] {{1, 2}, {3, 4}}).toString());
        String big = Tensor.full(0.5f, 3, 10).name("w").requiresGrad(true).toString();
        assertEquals("Tensor 'w'[3, 10] (grad) [0.5000, 0.5000, 0.5000, 0.5000, ..., 0.5000]", big);
        Tensor x = Tensor.ones(2).requiresGrad(true);
        assertTrue(x.tanh().toString().contains("<tanh>"));
    }

    @Test void badShapesAndIndicesAreClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3, 4));
        assertTrue(e.getMessage().contains("rank 0, 1 or 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.fromArray(new float[5], 2, 3));
        assertTrue(e.getMessage().contains("5 values") && e.getMessage().contains("[2, 3]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> Tensor.zeros(2, 2).get(2, 0));
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(3).item());
        assertTrue(e.getMessage().contains("one-element"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(3, 4).matmul(Tensor.zeros(3, 4)));
        assertTrue(e.getMessage().contains("[3, 4] x [3, 4]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(3, 4).add(Tensor.zeros(2, 4)));
        assertTrue(e.getMessage().contains("do not broadcast"), e.getMessage());
    }
}
