package ddpg.engine.testing;

import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import ddpg.engine.autograd.NoGrad;

import java.util.Arrays;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Finite-difference gradient check, sharp enough to reject a backward rule that is 1% wrong.
 *
 * <p>The op's output is contracted with fixed random weights R into the scalar L = sum(out * R) (accumulated in
 * double), so every output element matters and the gradient is not trivially 1. The analytic gradient comes from
 * backward(out, R). The numeric one uses the fourth-order central stencil
 * (8 (L(x+h) - L(x-h)) - (L(x+2h) - L(x-2h))) / 12h for every element of every input. Its truncation error
 * shrinks like h^4, so h can be large (1e-2), and a large h is what keeps the float32 rounding of the op's
 * output, divided by h, small: the engine's ops measure 1e-6 to 2e-4 of the gradient, against 1e-2 for a rule
 * that is 1% off. (The two-point difference (L(x+h) - L(x-h)) / 2h errs by h^2 f'''/6, so curved ops such as
 * pow -2 would need h ~1e-3 and then the rounding noise of the larger reductions would reach the tolerance.)
 *
 * <p>Each input's gradient must pass two tests, both at {@link #TOL} = 1e-3:
 * <ul>
 *   <li>the whole vector: |analytic - numeric| / |numeric| (Euclidean norms), which a rule scaled by 1.01 fails by
 *       a factor of 10;</li>
 *   <li>every element: |a_i - n_i| <= TOL (|n_i| + rms(n)), which catches an error confined to a few elements
 *       (a SIMD tail, one broadcast column) that the norm would dilute.</li>
 * </ul>
 */
public final class GradCheck {
    private GradCheck() {}

    public static final float H = 1e-2f;
    public static final double TOL = 1e-3;

    /** Random input in [lo, hi), marked requiresGrad. */
    public static Tensor input(Rng rng, float lo, float hi, int... shape) {
        return Tensor.uniform(rng, lo, hi, shape).requiresGrad(true);
    }

    public static void check(String what, Function<Tensor[], Tensor> f, Tensor... inputs) {
        check(what, f, H, inputs);
    }

    /** As {@link #check(String, Function, Tensor...)} with step h (keep 2h clear of any kink in the op). */
    public static void check(String what, Function<Tensor[], Tensor> f, float h, Tensor... inputs) {
        Tensor out = f.apply(inputs);
        Rng rng = new Rng(what.hashCode());
        float[] r = new float[out.size()];
        for (int i = 0; i < r.length; i++) r[i] = (float) rng.uniform(-1, 1);
        for (Tensor t : inputs) t.zeroGrad();
        out.backward(r);
        for (int t = 0; t < inputs.length; t++) {
            Tensor x = inputs[t];
            if (!x.requiresGrad()) continue;
            float[] analytic = x.grad().clone();
            double[] numeric = numeric(f, inputs, x.data(), h, r);
            compare(what + ": input " + t + " " + Arrays.toString(x.shape()), analytic, numeric);
        }
    }

    private static double[] numeric(Function<Tensor[], Tensor> f, Tensor[] inputs, float[] xd, float h, float[] r) {
        double[] n = new double[xd.length];
        for (int i = 0; i < xd.length; i++) {
            float orig = xd[i];
            double l1 = at(f, inputs, xd, i, orig + h, r) - at(f, inputs, xd, i, orig - h, r);
            double l2 = at(f, inputs, xd, i, orig + 2 * h, r) - at(f, inputs, xd, i, orig - 2 * h, r);
            xd[i] = orig;
            // the stencil assumes steps of exactly h and 2h; rounding orig +- h to float moves them by at most
            // half an ulp of x, under 3e-5 of h for |x| < 4, far below TOL
            n[i] = (8 * l1 - l2) / (12.0 * h);
        }
        return n;
    }

    private static double at(Function<Tensor[], Tensor> f, Tensor[] inputs, float[] xd, int i, float v, float[] r) {
        xd[i] = v;
        return contract(f, inputs, r);
    }

    private static void compare(String where, float[] a, double[] n) {
        double diff = 0, ref = 0;
        for (int i = 0; i < n.length; i++) {
            diff += (a[i] - n[i]) * (a[i] - n[i]);
            ref += n[i] * n[i];
        }
        diff = Math.sqrt(diff);
        ref = Math.sqrt(ref);
        double rms = ref / Math.sqrt(Math.max(1, n.length));
        if (diff > TOL * ref) {
            fail(where + ": |analytic - numeric| / |numeric| = " + diff / ref + " > " + TOL);
        }
        for (int i = 0; i < n.length; i++) {
            if (Math.abs(a[i] - n[i]) > TOL * (Math.abs(n[i]) + rms)) {
                fail(where + " element " + i + ": analytic " + a[i] + " vs numeric " + n[i] + " (rms " + rms + ")");
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
