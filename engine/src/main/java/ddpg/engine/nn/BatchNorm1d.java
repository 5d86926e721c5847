package ddpg.engine.nn;

import ddpg.engine.Tensor;
import ddpg.engine.ops.Normalization;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Batch normalization of [batch, features] (math and backward derivation in {@link Normalization}).
 * Training mode normalizes with the batch's own mean/variance and updates the running statistics; eval mode uses
 * the running statistics. Learnable scale "weight" (gamma, init 1) and shift "bias" (beta, init 0); buffers
 * "running_mean" (init 0) and "running_var" (init 1). Defaults match PyTorch: eps 1e-5, momentum 0.1.
 */
public final class BatchNorm1d implements Layer {
    private final Tensor gamma, beta, runningMean, runningVar;
    private final float eps, momentum;
    private boolean training = true;

    public BatchNorm1d(int features) {
        this(features, 1e-5f, 0.1f);
    }

    public BatchNorm1d(int features, float eps, float momentum) {
        if (features <= 0) throw new IllegalArgumentException("BatchNorm1d needs a positive feature count, got " + features);
        this.eps = eps;
        this.momentum = momentum;
        gamma = Tensor.ones(features).name("weight").requiresGrad(true);
        beta = Tensor.zeros(features).name("bias").requiresGrad(true);
        runningMean = Tensor.zeros(features).name("running_mean");
        runningVar = Tensor.ones(features).name("running_var");
    }

    @Override
    public Tensor forward(Tensor x) {
        return training
                ? Normalization.batchNormTrain(x, gamma, beta, eps, runningMean, runningVar, momentum)
                : Normalization.batchNormEval(x, gamma, beta, runningMean, runningVar, eps);
    }

    public Tensor runningMean() {
        return runningMean;
    }

    public Tensor runningVar() {
        return runningVar;
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("weight", gamma);
        m.put("bias", beta);
        return m;
    }

    @Override
    public Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("running_mean", runningMean);
        m.put("running_var", runningVar);
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
        return "BatchNorm1d(" + gamma.size() + ")";
    }
}
