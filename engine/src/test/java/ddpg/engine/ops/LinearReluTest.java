package ddpg.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The fused hidden-layer ops give exactly the bits of the two ops they replace, forward and backward: linearRelu vs
 * relu(linear), linearOfConcatRelu vs relu(linearOfConcat). Shapes from a few rows (the unfused default path) to a
 * batch of 256 through the blocked kernel's fused store, with an upstream gradient that is not all ones.
 */
class LinearReluTest {
    private final Rng rng = new Rng(3);

    @Test
    void linearReluIsReluOfLinearBitForBit() {
        int[][] shapes = {{2, 5, 7}, {37, 30, 70}, {256, 24, 256}, {64, 67, 300}, {9, 256, 1}};
        for (int[] s : shapes) {
            Tensor x = param(s[0], s[1]), w = param(s[1], s[2]), b = param(s[2]);
            float[] upstream = Tensor.uniform(rng, -1, 1, s[0], s[2]).data();
            same("linearRelu " + java.util.Arrays.toString(s), upstream, new Tensor[] {x, w, b},
                    () -> Products.linearRelu(x, w, b), () -> Activations.relu(Products.linear(x, w, b)));
        }
    }

    @Test
    void linearOfConcatReluIsReluOfLinearOfConcatBitForBit() {
        Tensor h = param(256, 256), a = param(256, 6), w = param(262, 256), b = param(256);
        float[] upstream = Tensor.uniform(rng, -1, 1, 256, 256).data();
        same("linearOfConcatRelu", upstream, new Tensor[] {h, a, w, b},
                () -> Products.linearOfConcatRelu(new Tensor[] {h, a}, w, b),
                () -> Activations.relu(Products.linearOfConcat(new Tensor[] {h, a}, w, b)));
    }

    @Test
    void aMissingBiasIsAClearError() {
        Tensor x = param(3, 2), w = param(2, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Products.linearRelu(x, w, null));
        assertEquals("linearRelu needs a bias", e.getMessage());
    }

    private Tensor param(int... shape) {
        return Tensor.uniform(rng, -1, 1, shape).requiresGrad(true);
    }

    private static void same(String what, float[] upstream, Tensor[] params, Supplier<Tensor> fused, Supplier<Tensor> plain) {
        Tensor y1 = fused.get();
        y1.backward(upstream);
        float[][] grads = new float[params.length][];
        for (int i = 0; i < params.length; i++) {
            grads[i] = params[i].grad().clone();
            params[i].zeroGrad();
        }
        Tensor y2 = plain.get();
        y2.backward(upstream);
        assertArrayEquals(y2.data(), y1.data(), what + ": values");
        for (int i = 0; i < params.length; i++) assertArrayEquals(params[i].grad(), grads[i], what + ": gradient " + i);
    }
}
