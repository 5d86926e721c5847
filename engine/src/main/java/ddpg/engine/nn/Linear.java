package ddpg.engine.nn;

import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import ddpg.engine.ops.Products;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * y = x W + b, with W stored [in, out] (so the forward pass is a plain GEMM; PyTorch stores the transpose) and b [out].
 * The bias add is fused into the product (see {@link Products#linear}).
 */
public final class Linear implements Layer {
    private final Tensor weight, bias;
    private boolean training = true;

    /** Fan-in uniform init (+-1/sqrt(in)) for weight and bias, as in PyTorch and the DDPG paper's hidden layers. */
    public Linear(int in, int out, Rng rng) {
        this(in, out, Init.fanInUniform(), Init.fanInUniform(), rng);
    }

    /** Custom init, e.g. {@code new Linear(300, 6, Init.uniform(3e-3f), Init.uniform(3e-3f), rng)} for a final layer. */
    public Linear(int in, int out, Init weightInit, Init biasInit, Rng rng) {
        if (in <= 0 || out <= 0) throw new IllegalArgumentException("Linear needs positive sizes, got " + in + " -> " + out);
        weight = Tensor.zeros(in, out).name("weight").requiresGrad(true);
        bias = Tensor.zeros(out).name("bias").requiresGrad(true);
        weightInit.fill(weight, in, rng);
        biasInit.fill(bias, in, rng);
    }

    /** The DDPG paper's final layer: weights and biases uniform in +-bound (3e-3 there). */
    public static Linear finalLayer(int in, int out, float bound, Rng rng) {
        return new Linear(in, out, Init.uniform(bound), Init.uniform(bound), rng);
    }

    @Override
    public Tensor forward(Tensor x) {
        return Products.linear(x, weight, bias);
    }

    /**
     * Same as {@code forward(Shapes.concatColumns(parts))}, but the backward pass computes input gradients only for
     * the parts that need them (see {@link Products#linearOfConcat}). Use it for a critic's [features, action] input.
     */
    public Tensor forwardConcat(Tensor... parts) {
        return Products.linearOfConcat(parts, weight, bias);
    }

    /** {@code relu(forward(x))} as one fused op ({@link Products#linearRelu}): the same bits, fewer passes. */
    public Tensor forwardRelu(Tensor x) {
        return Products.linearRelu(x, weight, bias);
    }

    /** {@code relu(forwardConcat(parts))} as one fused op ({@link Products#linearOfConcatRelu}). */
    public Tensor forwardConcatRelu(Tensor... parts) {
        return Products.linearOfConcatRelu(parts, weight, bias);
    }

    public Tensor weight() {
        return weight;
    }

    public Tensor bias() {
        return bias;
    }

    public int inFeatures() {
        return weight.rows();
    }

    public int outFeatures() {
        return weight.cols();
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("weight", weight);
        m.put("bias", bias);
        return m;
    }

    @Override
    public void setTraining(boolean on) {
        training = on;
    }

    @Override
    public boolean isTraining() {
        return training;
    }

    @Override
    public String toString() {
        return "Linear(" + inFeatures() + " -> " + outFeatures() + ")";
    }
}
