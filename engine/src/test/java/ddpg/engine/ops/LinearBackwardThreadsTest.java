package ddpg.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ddpg.engine.Arena;
import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import ddpg.engine.autograd.Graph;
import ddpg.engine.kernels.Kernels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * On several threads a linear layer's input gradient and its parameter gradients run side by side
 * (Parallel.alongside). They must give the bits of one thread, both when they overwrite and when they accumulate,
 * for a plain, a ReLU and a concatenated-input layer, with the intermediate tensors in a recycled arena.
 */
class LinearBackwardThreadsTest {
    private static final int BATCH = 64, IN = 120, ACT = 8, OUT = 128;

    @Test
    void theGradientsOfOneTwoAndThreeThreadsAreTheSameBits() {
        Assumptions.assumeTrue(Kernels.vectorAvailable(), "the multi-threaded GEMM needs the Vector API");
        int before = Kernels.threads();
        try {
            List<float[]> reference = null;
            for (int threads : new int[] {1, 2, 3}) {
                Kernels.setThreads(threads);
                List<float[]> grads = gradients();
                if (reference == null) reference = grads;
                for (int i = 0; i < grads.size(); i++) {
                    assertArrayEquals(reference.get(i), grads.get(i), threads + " threads, gradient " + i);
                }
            }
        } finally {
            Kernels.setThreads(before);
        }
    }

    /** Every gradient of three layers after two backward passes each (the second accumulates onto the first). */
    private static List<float[]> gradients() {
        Rng rng = new Rng(7);
        Tensor x = Tensor.normal(rng, 0, 1, BATCH, IN).requiresGrad(true);
        Tensor act = Tensor.normal(rng, 0, 1, BATCH, ACT).requiresGrad(true);
        Tensor w = Tensor.normal(rng, 0, 0.1f, IN, OUT).requiresGrad(true);
        Tensor wc = Tensor.normal(rng, 0, 0.1f, IN + ACT, OUT).requiresGrad(true);
        Tensor b = Tensor.normal(rng, 0, 0.1f, OUT).requiresGrad(true);
        float[] seed = Tensor.normal(rng, 0, 1, BATCH, OUT).data();
        Arena arena = new Arena();
        List<float[]> out = new ArrayList<>();
        for (int layer = 0; layer < 3; layer++) {
            for (Tensor t : new Tensor[] {x, act, w, wc, b}) t.zeroGrad();
            for (int pass = 0; pass < 2; pass++) {
                try (Arena step = arena.enter()) {
                    Tensor y = layer == 0 ? Products.linear(x, w, b)
                            : layer == 1 ? Products.linearRelu(x, w, b)
                            : Products.linearOfConcatRelu(new Tensor[] {x, act}, wc, b);
                    Graph.backward(y, seed);
                }
            }
            for (Tensor t : layer == 2 ? new Tensor[] {x, act, wc, b} : new Tensor[] {x, w, b}) out.add(t.grad().clone());
        }
        return out;
    }
}
