package ddpg.examples;

import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import ddpg.engine.nn.BatchNorm1d;

import java.util.Locale;

/**
 * Example 4: batch normalisation, and what changes between training and evaluation mode.
 *
 * <p>BatchNorm1d normalises each feature (column) to mean 0 and variance 1, then scales and shifts it by learnable
 * gamma and beta: y = gamma (x - mu) / sqrt(var + eps) + beta. The question is WHICH mu and var:
 * <ul>
 *   <li><b>training mode</b>: the current batch's own mean and (biased) variance. The statistics are functions of all
 *       rows, so one example's output depends on its batch-mates, and the gradient flows through mu and var
 *       (derivation: engine/README.md, "BatchNorm's backward, derived"). On the side it updates running averages,
 *       running = (1 - momentum) running + momentum batch_stat (momentum 0.1, unbiased variance, as PyTorch).</li>
 *   <li><b>eval mode</b>: the running averages, frozen. Each row is transformed independently by a fixed affine
 *       map, so the output is a function of that row alone and works for a batch of one.</li>
 * </ul>
 * Why DDPG cares: the actor picks an action for ONE state at a time, so it must act in eval mode, and its target
 * networks (evaluating s' for y = r + gamma Q'(s', mu'(s'))) run in eval mode too, so targets do not depend on which
 * other transitions happened to share the minibatch.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp ddpg.jar:examples/target/classes ddpg.examples.E04BatchNorm}
 */
public final class E04BatchNorm {
    private E04BatchNorm() {}

    /** Column means/stds of the output in training mode, the running statistics, and the other observations. */
    public record Result(double[] trainMean, double[] trainStd, float runningMeanAfterOne, float expectedRunningMean,
                         float rowInBatchA, float rowInBatchB, float rowEvalA, float rowEvalB,
                         double gradSumTrain, double gradSumEval, String singleRowError,
                         float runningMeanFinal, float runningVarFinal, double[] evalMean, double[] evalStd) {}

    /** A batch of n rows: feature 0 ~ N(5, 2^2), feature 1 ~ N(-3, 0.5^2). Row 0 is always (6, -2.5). */
    static Tensor batch(Rng rng, int n) {
        Tensor x = Tensor.zeros(n, 2);
        for (int i = 0; i < n; i++) {
            x.set(i, 0, (float) (5 + 2 * rng.nextGaussian()));
            x.set(i, 1, (float) (-3 + 0.5 * rng.nextGaussian()));
        }
        return x.set(0, 0, 6f).set(0, 1, -2.5f);
    }

    public static Result run(long seed, int trainingBatches) {
        Rng rng = new Rng(seed);
        BatchNorm1d bn = new BatchNorm1d(2);          // gamma = 1, beta = 0, running mean 0, running var 1

        // 1. Training mode normalises with the batch's own statistics: each output column has mean 0, std 1.
        Tensor a = batch(rng, 8);
        Tensor ya = bn.forward(a);
        double[] mean = columnMean(ya), std = columnStd(ya, mean);
        // ... and nudges the running mean 10% of the way from 0 towards this batch's mean.
        float expected = 0.1f * (float) columnMean(a)[0];
        float runningAfterOne = bn.runningMean().get(0);

        // 2. The same row (6, -2.5) in two different batches gives two different outputs in training mode.
        Tensor b = batch(rng, 8);
        float inA = ya.get(0, 0), inB = bn.forward(b).get(0, 0);

        // 3. Gradients flow through mu and var: adding a constant to a whole column changes nothing in training mode,
        //    so the gradient summed down each column is zero. In eval mode each row stands alone: no such constraint.
        double sumTrain = columnGradSum(bn, a, rng), sumEval;
        bn.eval();
        sumEval = columnGradSum(bn, a, rng);
        bn.train();

        // 4. One row cannot be normalised by its own statistics (its variance is 0): training mode refuses.
        String error;
        try {
            bn.forward(Tensor.fromRows(new float[][] {{6f, -2.5f}}));
            error = "(no error)";
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
        }

        // 5. After many training batches the running statistics approach the data's mean 5 and variance 4 ...
        for (int i = 0; i < trainingBatches; i++) bn.forward(batch(rng, 64));
        bn.eval();
        // ... and eval mode then gives (nearly) the same normalisation, now row by row, batch-independent.
        float evalA = bn.forward(a).get(0, 0), evalB = bn.forward(b).get(0, 0);
        Tensor big = bn.forward(batch(rng, 4096));
        double[] em = columnMean(big), es = columnStd(big, em);
        return new Result(mean, std, runningAfterOne, expected, inA, inB, evalA, evalB, sumTrain, sumEval, error,
                bn.runningMean().get(0), bn.runningVar().get(0), em, es);
    }

    /** d/dx of sum(y * w) for random w, summed over the batch for feature 0. */
    private static double columnGradSum(BatchNorm1d bn, Tensor x, Rng rng) {
        Tensor xin = Tensor.copyOf(x).requiresGrad(true);
        Tensor y = bn.forward(xin);
        Tensor w = Tensor.uniform(rng, -1, 1, y.shape());
        y.mul(w).sum().backward();
        double s = 0;
        for (int i = 0; i < x.rows(); i++) s += xin.gradAt(i, 0);
        return s;
    }

    static double[] columnMean(Tensor t) {
        double[] m = new double[t.cols()];
        for (int i = 0; i < t.rows(); i++) for (int j = 0; j < t.cols(); j++) m[j] += t.get(i, j) / t.rows();
        return m;
    }

    static double[] columnStd(Tensor t, double[] mean) {
        double[] v = new double[t.cols()];
        for (int i = 0; i < t.rows(); i++) for (int j = 0; j < t.cols(); j++) v[j] += Math.pow(t.get(i, j) - mean[j], 2) / t.rows();
        for (int j = 0; j < v.length; j++) v[j] = Math.sqrt(v[j]);
        return v;
    }

    public static void main(String[] args) {
        Result r = run(3, 300);
        System.out.println("Data: feature 0 ~ N(5, 2^2), feature 1 ~ N(-3, 0.5^2); batches of 8 rows.\n");
        System.out.printf(Locale.ROOT, "1. training mode: output column means %+.1e %+.1e, stds %.4f %.4f (the batch's own stats)%n",
                r.trainMean()[0], r.trainMean()[1], r.trainStd()[0], r.trainStd()[1]);
        System.out.printf(Locale.ROOT, "   running mean after one batch: %.4f = 0.9 * 0 + 0.1 * batch mean (%.4f)%n",
                r.runningMeanAfterOne(), r.expectedRunningMean());
        System.out.printf(Locale.ROOT, "2. the row (6, -2.5) in batch A -> %+.4f, in batch B -> %+.4f: it depends on its batch-mates%n",
                r.rowInBatchA(), r.rowInBatchB());
        System.out.printf(Locale.ROOT, "3. sum over the batch of dL/dx (feature 0): training %+.1e (zero: mu absorbs any shift),"
                + " eval %+.4f%n", r.gradSumTrain(), r.gradSumEval());
        System.out.println("4. training mode on a single row: " + r.singleRowError());
        System.out.printf(Locale.ROOT, "5. after 300 training batches: running mean %.3f (data: 5), running var %.3f (data: 4)%n",
                r.runningMeanFinal(), r.runningVarFinal());
        System.out.printf(Locale.ROOT, "   eval mode: the row -> %+.4f in batch A and %+.4f in batch B (identical: row by row)%n",
                r.rowEvalA(), r.rowEvalB());
        System.out.printf(Locale.ROOT, "   eval mode on 4096 fresh rows: column means %+.3f %+.3f, stds %.3f %.3f (close to 0 and 1)%n",
                r.evalMean()[0], r.evalMean()[1], r.evalStd()[0], r.evalStd()[1]);
    }
}
