package ddpg.examples;

import ddpg.engine.Arena;
import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import ddpg.engine.autograd.NoGrad;
import ddpg.engine.nn.Mlp;
import ddpg.engine.nn.Sequential;
import ddpg.engine.ops.Losses;
import ddpg.engine.optim.Adam;

import java.util.Locale;

/**
 * Example 3: a multilayer perceptron learns y = sin(3x) on [-1, 1] from 256 samples.
 *
 * <p>The training loop is the same four lines in every gradient-based learner, DDPG's critic included:
 * <pre>
 *   loss = mse(net(x), y)      forward: values now, graph recorded on the side
 *   adam.zeroGrad()            gradients accumulate, so clear last step's
 *   loss.backward()            every parameter's grad() = d loss / d parameter
 *   adam.step()                move each parameter against its gradient (Adam: per-parameter step sizes)
 * </pre>
 * Why a hidden layer helps: a Linear layer alone can only fit a straight line. tanh bends each hidden unit's
 * response into an S-curve; each next layer adds up shifted, scaled copies of the previous layer's curves (and bends
 * them again), and enough of them can trace any smooth curve on an interval. The loss does not fall monotonically:
 * with a large step Adam overshoots now and then and recovers.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp ddpg.jar:examples/target/classes ddpg.examples.E03MlpRegression [steps]}
 */
public final class E03MlpRegression {
    private E03MlpRegression() {}

    /** The loss before training, after each printed step, and the final one on held-out points. */
    public record Result(float initialLoss, float finalLoss, float heldOutLoss, int[] steps, float[] losses) {}

    @SuppressWarnings("try") // scopes (Arena, NoGrad) are used only for their open/close
    public static Result train(int steps, long seed, boolean print) {
        Rng rng = new Rng(seed);

        // Data: 256 points x in [-1, 1] as a [256, 1] matrix (one example per row), targets sin(3x).
        int n = 256;
        Tensor x = Tensor.uniform(rng, -1, 1, n, 1), y = Tensor.zeros(n, 1);
        for (int i = 0; i < n; i++) y.set(i, 0, (float) Math.sin(3 * x.get(i, 0)));

        // The network: 1 -> 32 -> 32 -> 1, tanh between the layers; weights start uniform in +-1/sqrt(fan_in).
        Sequential net = Mlp.input(1, rng).linear(32).tanh().linear(32).tanh().linear(1).build();
        Adam adam = new Adam(net.namedParameters(), 1e-2);   // a large step is fine on such a small problem
        if (print) System.out.println(net + ", " + net.parameterCount() + " parameters\n\n  step      mse loss");

        // An Arena recycles the memory of each step's intermediate tensors (activations, their gradients).
        Arena arena = new Arena();
        int printEvery = Math.max(1, steps / 10);
        int[] marks = new int[steps / printEvery + 1];
        float[] losses = new float[marks.length];
        float initial = Float.NaN, last = Float.NaN;
        int k = 0;
        for (int step = 0; step <= steps; step++) {
            try (Arena scope = arena.enter()) {
                Tensor loss = Losses.mse(net.forward(x), y);
                last = loss.item();                       // copy the number out before the scope recycles it
                if (step == 0) initial = last;
                if (step % printEvery == 0 && k < marks.length) {
                    marks[k] = step;
                    losses[k++] = last;
                    if (print) System.out.printf(Locale.ROOT, "%6d   %.6f %s%n", step, last, bar(last, initial));
                }
                if (step == steps) break;                 // measure after the last update, do not update again
                adam.zeroGrad();
                loss.backward();
                adam.step();
            }
        }

        // Held-out check: points the net never saw, evaluated without building a graph.
        float heldOut;
        try (NoGrad valuesOnly = NoGrad.enter()) {
            Tensor xt = Tensor.zeros(101, 1), yt = Tensor.zeros(101, 1);
            for (int i = 0; i <= 100; i++) {
                xt.set(i, 0, -0.99f + 0.0198f * i);   // an even grid: new points between the random training ones
                yt.set(i, 0, (float) Math.sin(3 * xt.get(i, 0)));
            }
            heldOut = Losses.mse(net.forward(xt), yt).item();
            if (print) {
                System.out.printf(Locale.ROOT, "%nheld-out mse on 101 new points: %.6f%n%n    x    sin(3x)   net(x)%n", heldOut);
                Tensor pred = net.forward(xt);
                for (int i = 0; i <= 100; i += 20) {
                    System.out.printf(Locale.ROOT, "%+.2f   %+.4f   %+.4f%n", xt.get(i, 0), yt.get(i, 0), pred.get(i, 0));
                }
            }
        }
        return new Result(initial, last, heldOut, java.util.Arrays.copyOf(marks, k), java.util.Arrays.copyOf(losses, k));
    }

    /** A text bar, longest for the initial loss, on a log scale so the late, small improvements stay visible. */
    private static String bar(float loss, float initial) {
        double frac = 1 + Math.log10(Math.max(loss, 1e-6f) / initial) / 6;   // 6 decades from full to empty
        return "#".repeat((int) Math.max(0, Math.round(40 * frac)));
    }

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Result r = train(steps, 1, true);
        System.out.printf(Locale.ROOT, "%nloss fell from %.4f to %.6f in %d Adam steps (%.0fx)%n", r.initialLoss(),
                r.finalLoss(), steps, r.initialLoss() / r.finalLoss());
    }
}
