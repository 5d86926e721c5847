package ddpg.rl.ddpg;

import static org.junit.jupiter.api.Assertions.*;

import ddpg.engine.Tensor;
import org.junit.jupiter.api.Test;

class StrictTanhTest {
    @Test
    void valuesAndFiniteDifferenceGradient() {
        ddpg.rl.noise.Rng rng = new ddpg.rl.noise.Rng(3);
        float[] xs = new float[12], ws = new float[12];
        for (int i = 0; i < 12; i++) {
            xs[i] = (float) (2 * rng.nextGaussian());
            ws[i] = (float) rng.nextGaussian();
        }
        Tensor x = Tensor.fromArray(xs, 3, 4).requiresGrad(true);
        Tensor w = Tensor.fromArray(ws, 3, 4);
        Tensor y = StrictTanh.INSTANCE.forward(x);
        for (int i = 0; i < 12; i++) assertEquals((float) Math.tanh(xs[i]), y.data()[i], 1e-7f);
        y.mul(w).sum().backward();
        for (int i = 0; i < 12; i++) {
            double h = 1e-3, f = 0;
            for (int sgn : new int[] {1, -1}) f += sgn * ws[i] * Math.tanh(xs[i] + sgn * h);
            double numeric = f / (2 * h);
            assertEquals(numeric, x.grad()[i], 1e-4 * Math.max(1, Math.abs(numeric)), "element " + i);
        }
    }
}
