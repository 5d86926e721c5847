package ddpg.engine.ops;

import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import org.junit.jupiter.api.Test;

import static ddpg.engine.testing.GradCheck.check;
import static ddpg.engine.testing.GradCheck.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NormalizationTest {
    private final Rng rng = new Rng(7);

    @Test void trainingModeGradient() {
        Tensor x = input(rng, -2f, 2f, 6, 4), gamma = input(rng, 0.5f, 1.5f, 4), beta = input(rng, -1f, 1f, 4);
        check("batchNorm train", t -> Normalization.batchNormTrain(t[0], t[1], t[2], 1e-5f, null, null, 0.1f), x, gamma, beta);
    }

    @Test void trainingModeGradientOnWideRows() {
        // 37 and 67 features: the column-sum and scale-shift kernels run their SIMD body and a ragged tail
        for (int f : new int[] {37, 67}) {
            Tensor x = input(rng, -2f, 2f, 5, f), gamma = input(rng, 0.5f, 1.5f, f), beta = input(rng, -1f, 1f, f);
            check("tanh(batchNorm) " + f + " features",
                    t -> Activations.tanh(Normalization.batchNormTrain(t[0], t[1], t[2], 1e-5f, null, null, 0.1f)), x, gamma, beta);
        }
    }

    @Test void trainingModeGradientThroughFollowingOps() {
        // Through a nonlinearity the sum-over-batch terms of the backward really matter.
        Tensor x = input(rng, -2f, 2f, 5, 3), gamma = input(rng, 0.5f, 1.5f, 3), beta = input(rng, -1f, 1f, 3);
        check("tanh(batchNorm)", t -> Activations.tanh(Normalization.batchNormTrain(t[0], t[1], t[2], 1e-5f, null, null, 0.1f)),
                x, gamma, beta);
    }

    @Test void evalModeGradient() {
        Tensor rm = Tensor.uniform(rng, -0.5f, 0.5f, 4), rv = Tensor.uniform(rng, 0.5f, 2f, 4);
        Tensor x = input(rng, -2f, 2f, 3, 4), gamma = input(rng, 0.5f, 1.5f, 4), beta = input(rng, -1f, 1f, 4);
        check("batchNorm eval", t -> Normalization.batchNormEval(t[0], t[1], t[2], rm, rv, 1e-5f), x, gamma, beta);
        Tensor rmWide = Tensor.uniform(rng, -0.5f, 0.5f, 37), rvWide = Tensor.uniform(rng, 0.5f, 2f, 37);
        check("batchNorm eval wide", t -> Normalization.batchNormEval(t[0], t[1], t[2], rmWide, rvWide, 1e-5f),
                input(rng, -2f, 2f, 3, 37), input(rng, 0.5f, 1.5f, 37), input(rng, -1f, 1f, 37));
    }

    @Test void trainingNormalizesAndUpdatesRunningStats() {
        Tensor x = Tensor.fromRows(new float[][] {{1, 10}, {3, 20}, {5, 60}});
        Tensor rm = Tensor.zeros(2), rv = Tensor.ones(2);
        Tensor y = Normalization.batchNormTrain(x, Tensor.ones(2), Tensor.zeros(2), 0f, rm, rv, 0.1f);
        // column 0: mean 3, biased var 8/3 -> (1-3)/sqrt(8/3) = -1.2247
        assertEquals(-2 / Math.sqrt(8.0 / 3), y.get(0, 0), 1e-5);
        assertEquals(0, y.get(1, 0), 1e-6);
        // running: 0.9 * 0 + 0.1 * 3; var uses the unbiased estimate 8/2 = 4: 0.9 + 0.4
        assertEquals(0.3f, rm.get(0), 1e-6);
        assertEquals(1.3f, rv.get(0), 1e-6);
        assertEquals(3f, rm.get(1), 1e-5);  // mean 30
    }

    @Test void evalUsesRunningStats() {
        Tensor x = Tensor.fromRows(new float[][] {{2}, {4}});
        Tensor rm = Tensor.fromArray(new float[] {1}, 1), rv = Tensor.fromArray(new float[] {4}, 1);
        Tensor y = Normalization.batchNormEval(x, Tensor.full(3f, 1), Tensor.full(0.5f, 1), rm, rv, 0f);
        assertEquals(3 * (2 - 1) / 2.0 + 0.5, y.get(0, 0), 1e-6);
        assertEquals(3 * (4 - 1) / 2.0 + 0.5, y.get(1, 0), 1e-6);
    }

    @Test void singleRowInTrainingIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                Normalization.batchNormTrain(Tensor.zeros(1, 3), Tensor.ones(3), Tensor.zeros(3), 1e-5f, null, null, 0.1f));
        assertTrue(e.getMessage().contains("eval()"), e.getMessage());
    }
}
