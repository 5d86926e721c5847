package ddpg.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import ddpg.engine.ops.Shapes;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sequential runs each Linear directly followed by a ReLU as one fused op. The result must be what applying the
 * layers one by one gives, bit for bit: outputs and every parameter's and input's gradient, for a plain MLP, one
 * with batch norm between Linear and ReLU (not fused) and the critic-style {@code forwardConcat}.
 */
class SequentialFusionTest {
    @Test
    void anMlpGivesTheBitsOfItsLayersAppliedOneByOne() {
        Sequential net = Mlp.input(24, new Rng(1)).linear(256).relu().linear(256).relu().finalLinear(6, 3e-3f).tanh().build();
        Tensor x = Tensor.uniform(new Rng(2), -1, 1, 64, 24).requiresGrad(true);
        compare(net, x, () -> net.forward(x), () -> oneByOne(net.layers(), x));
    }

    @Test
    void batchNormBetweenLinearAndReluIsLeftAsItIs() {
        Sequential net = Mlp.input(13, new Rng(3)).linear(37).batchNorm().relu().linear(19).relu().linear(3).build();
        Tensor x = Tensor.uniform(new Rng(4), -1, 1, 21, 13).requiresGrad(true);
        compare(net, x, () -> net.forward(x), () -> oneByOne(net.layers(), x));
    }

    @Test
    void forwardConcatFusesItsFirstLayerToo() {
        Sequential joint = Mlp.input(256 + 6, new Rng(5)).linear(256).relu().finalLinear(1, 3e-3f).build();
        Tensor h = Tensor.uniform(new Rng(6), 0, 1, 32, 256).requiresGrad(true);
        Tensor a = Tensor.uniform(new Rng(7), -1, 1, 32, 6).requiresGrad(true);
        compare(joint, a, () -> joint.forwardConcat(h, a), () -> oneByOne(joint.layers(), Shapes.concatColumns(h, a)));
    }

    private static Tensor oneByOne(List<Layer> layers, Tensor x) {
        for (Layer l : layers) x = l.forward(x);
        return x;
    }

    private static void compare(Sequential net, Tensor input, java.util.function.Supplier<Tensor> fused,
                                java.util.function.Supplier<Tensor> plain) {
        List<Tensor> params = net.parameters();
        Tensor y1 = fused.get();
        float[] upstream = Tensor.uniform(new Rng(9), -1, 1, y1.shape()).data();
        y1.backward(upstream);
        float[] gIn = input.grad().clone();
        float[][] g = new float[params.size()][];
        for (int i = 0; i < g.length; i++) {
            g[i] = params.get(i).grad().clone();
            params.get(i).zeroGrad();
        }
        input.zeroGrad();
        Tensor y2 = plain.get();
        y2.backward(upstream);
        assertArrayEquals(y2.data(), y1.data(), "outputs");
        assertArrayEquals(input.grad(), gIn, "input gradient");
        for (int i = 0; i < g.length; i++) assertArrayEquals(params.get(i).grad(), g[i], "gradient of parameter " + i);
    }
}
