package ddpg.examples;

import ddpg.engine.Tensor;
import ddpg.engine.autograd.Graph;

import java.util.Locale;

/**
 * Example 1: reverse-mode autodiff on one tiny expression, by hand and by the engine.
 *
 * <p>The expression is a one-neuron regression: a weight w and a bias b map an input x to a prediction
 * z = tanh(w x + b), and the loss is the squared error against a target t:
 * <pre>
 *   u = w * x          (mul)
 *   v = u + b          (add)
 *   z = tanh(v)        (tanh)
 *   e = z - t          (sub)
 *   L = e^2            (square)
 * </pre>
 * Reverse mode walks this list backwards. Each line only needs the gradient of its OUTPUT (already known, because
 * everything after it has been processed) and its own local derivative:
 * <pre>
 *   dL/dL = 1
 *   dL/de = 2e                         (d e^2 / de)
 *   dL/dz = dL/de * 1                  (d (z - t) / dz = 1)
 *   dL/dv = dL/dz * (1 - z^2)          (d tanh(v) / dv = 1 - tanh(v)^2 = 1 - z^2)
 *   dL/du = dL/dv * 1,  dL/db = dL/dv  (an add passes its gradient to both inputs)
 *   dL/dw = dL/du * x,  dL/dx = dL/du * w   (a mul sends each input the OTHER input times the gradient)
 * </pre>
 * That is all backward() does, with the local rules written once per op in {@code engine/src/main/java/ddpg/engine/ops}.
 *
 * <p>Run: {@code mvn -q -B -o -pl examples exec:exec -Dexample=E01ScalarAutodiff}
 */
public final class E01ScalarAutodiff {
    private E01ScalarAutodiff() {}

    /** The loss and the gradients with respect to w, b, x, computed by hand (double) and by the engine (float). */
    public record Result(double loss, double[] byHand, double[] byEngine, String graph) {
        /** Largest |hand - engine| / max(1, |hand|) over the three gradients. */
        public double worstRelativeError() {
            double worst = 0;
            for (int i = 0; i < byHand.length; i++) {
                worst = Math.max(worst, Math.abs(byHand[i] - byEngine[i]) / Math.max(1, Math.abs(byHand[i])));
            }
            return worst;
        }
    }

    public static Result run(double w0, double b0, double x0, double t0) {
        // ---- 1. The engine. Leaves we want gradients for are marked requiresGrad; t is a constant.
        Tensor w = Tensor.scalar((float) w0).name("w").requiresGrad(true);
        Tensor b = Tensor.scalar((float) b0).name("b").requiresGrad(true);
        Tensor x = Tensor.scalar((float) x0).name("x").requiresGrad(true);
        Tensor t = Tensor.scalar((float) t0).name("t");

        // Forward: each op computes its value NOW and records a node (inputs + backward rule) on the side.
        Tensor u = w.mul(x);
        Tensor v = u.add(b);
        Tensor z = v.tanh();
        Tensor e = z.sub(t);
        Tensor loss = e.square();
        // Every intermediate points at the node that made it (creator()); leaves have none.
        StringBuilder graph = new StringBuilder();
        String[] lines = {"u = w * x", "v = u + b", "z = tanh(v)", "e = z - t", "L = e^2"};
        Tensor[] made = {u, v, z, e, loss};
        for (int i = 0; i < made.length; i++) {
            graph.append(String.format(Locale.ROOT, "%-12s = %+.6f   node '%s'%n", lines[i], made[i].item(), made[i].creator().op()));
        }
        graph.append("Graph.describe(L), the order backward() will reverse:\n").append(Graph.describe(loss).indent(2));

        loss.backward();                       // runs the backward rules in REVERSE topological order
        double[] byEngine = {w.grad()[0], b.grad()[0], x.grad()[0]};

        // ---- 2. By hand, in double precision, following the chain rule line by line (see the class comment).
        double uh = w0 * x0, vh = uh + b0, zh = Math.tanh(vh), eh = zh - t0, lossH = eh * eh;
        double dE = 2 * eh;                  // dL/de
        double dZ = dE;                      // dL/dz
        double dV = dZ * (1 - zh * zh);      // dL/dv
        double dU = dV;                      // dL/du
        double[] byHand = {dU * x0, dV, dU * w0};   // dL/dw, dL/db, dL/dx

        return new Result(lossH, byHand, byEngine, graph.toString());
    }

    public static void main(String[] args) {
        double w = 0.8, b = -0.3, x = 1.5, t = 0.25;
        System.out.printf(Locale.ROOT, "L = (tanh(w*x + b) - t)^2   with w = %.2f, b = %.2f, x = %.2f, t = %.2f%n%n", w, b, x, t);
        Result r = run(w, b, x, t);

        System.out.println("The forward pass, as the engine recorded it:");
        System.out.print(r.graph().indent(4));
        System.out.printf(Locale.ROOT, "%nL = %.8f%n%n", r.loss());

        String[] names = {"dL/dw = 2e (1 - z^2) x", "dL/db = 2e (1 - z^2)  ", "dL/dx = 2e (1 - z^2) w"};
        System.out.println("gradient                        by hand (double)    engine (float32)    rel. difference");
        for (int i = 0; i < names.length; i++) {
            double h = r.byHand()[i], g = r.byEngine()[i];
            System.out.printf(Locale.ROOT, "%s    %+.10f      %+.10f       %.1e%n", names[i], h, g,
                    Math.abs(h - g) / Math.max(1, Math.abs(h)));
        }
        System.out.printf(Locale.ROOT, "%nworst relative difference %.1e: float32 round-off (about 1e-7), nothing more.%n",
                r.worstRelativeError());
        System.out.println("Note dL/dx: the engine differentiates with respect to inputs too, not only parameters;");
        System.out.println("DDPG's actor update needs exactly that (the gradient of Q with respect to the action).");
    }
}
