package ddpg.engine.testing;

import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import ddpg.engine.autograd.NoGrad;

import java.util.Arrays;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Finite-difference gradient check. The op's output is contracted with fixed random weights R into the scalar
 * L = sum(out * R) (accumulated in double), so every output element matters and the gradient is not trivially 1.
 * The analytic gradient comes from backward(out, R); the numeric one from central differences
 * (L(x + h) - L(x - h)) / 2h for every element of every input.
 */
public final class GradCheck {
    private GradCheck() {}

    public static final float H = 1e-3f;
    public static final double ABS_TOL = 2e-3, REL_TOL = 1e-2;

    /** Random input in [lo, hi), marked requiresGrad. */
    public static Tensor input(Rng rng, float lo, float hi, int... shape) {
        return Tensor.uniform(rng, lo, hi, shape).requiresGrad(true);
    }

    public static void check(String what, Function<Tensor[], Tensor> f, Tensor... inputs) {
        check(what, f, H, inputs);
    }

    public static void check(String what, Function<Tensor[], Tensor> f, float h, Tensor... inputs) {
        Tensor out = f.apply(inputs);
        Rng rng = new Rng(what.hashCode());
        float[] r = new float[out.size()];
        for (int i = 0; i < r.length; i++) r[i] = rng.uniform(-1f, 1f);
        for (Tensor t : inputs) t.zeroGrad();
        out.backward(r);
        for (int t = 0; t < inputs.length; t++) {
            Tensor x = inputs[t];
            if (!x.requiresGrad()) continue;
            float[] analytic = x.grad().clone();
            float[] xd = x.data();
            for (int i = 0; i < xd.length; i++) {
                float orig = xd[i];
                xd[i] = orig + h;
                double plus = contract(f, inputs, r);
                xd[i] = orig - h;
                double minus = contract(f, inputs, r);
                xd[i] = orig;
                // divide by the step actually taken (orig +- h rounded to float), not by 2h
                double numeric = (plus - minus) / ((double) (orig + h) - (double) (orig - h));
                double err = Math.abs(numeric - analytic[i]);
                if (err > ABS_TOL + REL_TOL * Math.abs(numeric)) {
                    fail(what + ": input " + t + " " + Arrays.toString(x.shape()) + " element " + i + ": analytic "
                            + analytic[i] + " vs numeric " + numeric);
                }
            }
        }
    }

    @SuppressWarnings("try") // scopes are used only for their close()
    private static double contract(Function<Tensor[], Tensor> f, Tensor[] inputs, float[] r) {
        try (NoGrad ignored = NoGrad.enter()) {
            float[] o = f.apply(inputs).data();
            double s = 0;
            for (int i = 0; i < o.length; i++) s += (double) o[i] * r[i];
            return s;
        }
    }
}
