package ddpg.examples;

import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import ddpg.engine.autograd.NoGrad;
import ddpg.engine.ops.Losses;
import ddpg.engine.ops.Normalization;
import ddpg.engine.ops.Products;
import ddpg.engine.ops.Shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Example 2: gradient checking. A backward rule is a hand-written derivative, and hand-written derivatives have bugs.
 * The cure is to compare each one with the definition of the derivative, numerically:
 * <pre>
 *   dL/dx_i  ~  (L(x + h e_i) - L(x - h e_i)) / 2h          (central difference, error O(h^2))
 * </pre>
 * To test an op whose output is a whole matrix, we turn it into one scalar with fixed random weights R,
 * L = sum(op(inputs) * R), so every output element matters with a different weight. The analytic gradient is one
 * call, {@code out.backward(R)} (R is dL/dout); the numeric one costs two forward passes per input element.
 *
 * <p>Choosing h: in float32 each output carries a rounding error of ~1e-7 relative, which the difference quotient
 * divides by 2h, while the truncation error grows like h^2. h = 1e-3 balances the two at about 1e-4, so an error
 * above 1e-2 means a wrong rule, not noise. Points where an op has a kink (relu at 0, clamp at its bounds) have no
 * derivative; the inputs are kept away from them.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp ddpg.jar:examples/target/classes ddpg.examples.E02GradientCheck}
 */
public final class E02GradientCheck {
    private E02GradientCheck() {}

    static final float H = 1e-3f;
    /** A rule passes when |analytic - numeric| <= TOLERANCE * max(1, |numeric|). */
    public static final double TOLERANCE = 1e-2;

    /** One op to check: its inputs' shapes, the range they are drawn from, and the op itself. */
    private record Case(String name, float lo, float hi, int[][] shapes, Function<Tensor[], Tensor> op) {}

    /** The worst error of each op, and the worst overall. */
    public record Result(List<String> ops, List<Double> errors, double worst) {
        public boolean passed() { return worst <= TOLERANCE; }
    }

    private static final int[] M = {3, 4}, ROW = {4}, SCALAR = {};

    private static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(new Case("add", -1, 1, new int[][] {M, M}, in -> in[0].add(in[1])));
        c.add(new Case("add, row-vector broadcast (bias)", -1, 1, new int[][] {M, ROW}, in -> in[0].add(in[1])));
        c.add(new Case("add, scalar broadcast", -1, 1, new int[][] {M, SCALAR}, in -> in[0].add(in[1])));
        c.add(new Case("sub, broadcast", -1, 1, new int[][] {M, ROW}, in -> in[0].sub(in[1])));
        c.add(new Case("mul, broadcast", -1, 1, new int[][] {M, ROW}, in -> in[0].mul(in[1])));
        c.add(new Case("div", 0.5f, 2, new int[][] {M, M}, in -> in[0].div(in[1])));
        c.add(new Case("neg", -1, 1, new int[][] {M}, in -> in[0].neg()));
        c.add(new Case("scale", -1, 1, new int[][] {M}, in -> in[0].scale(-2.5f)));
        c.add(new Case("addScalar", -1, 1, new int[][] {M}, in -> in[0].addScalar(0.7f)));
        c.add(new Case("matmul", -1, 1, new int[][] {M, {4, 2}}, in -> in[0].matmul(in[1])));
        c.add(new Case("linear (x W + b)", -1, 1, new int[][] {M, {4, 2}, {2}}, in -> Products.linear(in[0], in[1], in[2])));
        c.add(new Case("linearOfConcat ([s, a] W + b)", -1, 1, new int[][] {{3, 2}, {3, 1}, {3, 2}, {2}},
                in -> Products.linearOfConcat(new Tensor[] {in[0], in[1]}, in[2], in[3])));
        c.add(new Case("transpose", -1, 1, new int[][] {M}, in -> in[0].transpose()));
        c.add(new Case("reshape", -1, 1, new int[][] {M}, in -> Shapes.reshape(in[0], 2, 6)));
        c.add(new Case("concatColumns", -1, 1, new int[][] {M, {3, 2}}, in -> Shapes.concatColumns(in[0], in[1])));
        c.add(new Case("sliceColumns", -1, 1, new int[][] {M}, in -> Shapes.sliceColumns(in[0], 1, 3)));
        c.add(new Case("sum", -1, 1, new int[][] {M}, in -> in[0].sum()));
        c.add(new Case("sum over rows (axis 0)", -1, 1, new int[][] {M}, in -> in[0].sum(0)));
        c.add(new Case("mean", -1, 1, new int[][] {M}, in -> in[0].mean()));
        c.add(new Case("mean over columns (axis 1)", -1, 1, new int[][] {M}, in -> in[0].mean(1)));
        c.add(new Case("relu", -2, 2, new int[][] {M}, in -> in[0].relu()));
        c.add(new Case("tanh", -2, 2, new int[][] {M}, in -> in[0].tanh()));
        c.add(new Case("sigmoid", -3, 3, new int[][] {M}, in -> in[0].sigmoid()));
        c.add(new Case("exp", -1, 1, new int[][] {M}, in -> in[0].exp()));
        c.add(new Case("log", 0.5f, 2, new int[][] {M}, in -> in[0].log()));
        c.add(new Case("square", -1, 1, new int[][] {M}, in -> in[0].square()));
        c.add(new Case("sqrt", 0.5f, 2, new int[][] {M}, in -> in[0].sqrt()));
        c.add(new Case("pow 1.5", 0.5f, 2, new int[][] {M}, in -> in[0].pow(1.5f)));
        c.add(new Case("clamp [-0.5, 0.5]", -1, 1, new int[][] {M}, in -> in[0].clamp(-0.5f, 0.5f)));
        c.add(new Case("mse", -1, 1, new int[][] {M, M}, in -> Losses.mse(in[0], in[1])));
        c.add(new Case("batch norm, training", -1, 1, new int[][] {{6, 3}, {3}, {3}},
                in -> Normalization.batchNormTrain(in[0], in[1], in[2], 1e-5f, null, null, 0.1f)));
        c.add(new Case("batch norm, eval", -1, 1, new int[][] {{6, 3}, {3}, {3}},
                in -> Normalization.batchNormEval(in[0], in[1], in[2], Tensor.full(0.2f, 3), Tensor.full(0.5f, 3), 1e-5f)));
        return c;
    }

    public static Result run(long seed) {
        Rng rng = new Rng(seed);
        List<String> names = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        double worst = 0;
        for (Case c : cases()) {
            double err = worstError(c.op(), c.lo(), c.hi(), rng, c.shapes());
            names.add(c.name());
            errors.add(err);
            worst = Math.max(worst, err);
        }
        return new Result(names, errors, worst);
    }

    /** Checks one op on random inputs of the given shapes drawn from [lo, hi): the worst error over all input elements. */
    public static double worstError(Function<Tensor[], Tensor> op, float lo, float hi, Rng rng, int[]... shapes) {
        Tensor[] in = new Tensor[shapes.length];
        for (int k = 0; k < in.length; k++) {
            in[k] = Tensor.uniform(rng, lo, hi, shapes[k]).requiresGrad(true);
            awayFromKinks(in[k].data());
        }
        // Analytic: one backward pass, seeded with R = dL/dout.
        Tensor out = op.apply(in);
        float[] r = new float[out.size()];
        for (int i = 0; i < r.length; i++) r[i] = (float) rng.uniform(-1, 1);
        out.backward(r);
        // Numeric: wiggle every element of every input, in both directions.
        double err = 0;
        for (Tensor x : in) {
            float[] analytic = x.grad().clone(), xd = x.data();
            for (int i = 0; i < xd.length; i++) {
                float orig = xd[i];
                xd[i] = orig + H;
                double plus = contract(op, in, r);
                xd[i] = orig - H;
                double minus = contract(op, in, r);
                xd[i] = orig;
                double numeric = (plus - minus) / ((double) (orig + H) - (double) (orig - H)); // the step float really took
                err = Math.max(err, Math.abs(analytic[i] - numeric) / Math.max(1, Math.abs(numeric)));
            }
        }
        return err;
    }

    /** L = sum(op(inputs) * r), summed in double; NoGrad because only the value is needed. */
    @SuppressWarnings("try")
    private static double contract(Function<Tensor[], Tensor> op, Tensor[] in, float[] r) {
        try (NoGrad valuesOnly = NoGrad.enter()) {
            float[] o = op.apply(in).data();
            double s = 0;
            for (int i = 0; i < o.length; i++) s += (double) o[i] * r[i];
            return s;
        }
    }

    /** Moves values off the kinks of relu (0) and clamp (+-0.5) by more than the finite-difference step. */
    private static void awayFromKinks(float[] v) {
        for (int i = 0; i < v.length; i++) {
            for (float kink : new float[] {0f, 0.5f, -0.5f}) {
                if (Math.abs(v[i] - kink) < 20 * H) v[i] = kink + (v[i] >= kink ? 20 * H : -20 * H);
            }
        }
    }

    public static void main(String[] args) {
        Result r = run(args.length > 0 ? Long.parseLong(args[0]) : 7);
        System.out.println("op                                   worst |analytic - numeric| / max(1, |numeric|)");
        for (int i = 0; i < r.ops().size(); i++) {
            System.out.printf(Locale.ROOT, "%-36s %.2e%n", r.ops().get(i), r.errors().get(i));
        }
        System.out.printf(Locale.ROOT, "%nworst error over %d ops: %.2e (tolerance %.0e): %s%n", r.ops().size(), r.worst(),
                TOLERANCE, r.passed() ? "PASS" : "FAIL");
        System.out.println("Try it: break a rule (in engine/src/main/java/ddpg/engine/ops/Arithmetic.java make mul's first");
        System.out.println("rule g * x instead of g * y), rebuild, and watch the mul lines jump far above the tolerance.");
    }
}
