package ddpg.examples;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recomputes the printed DDPG quantities independently, in double precision, from copies of the weights. */
class E07DdpgStepByStepTest {
    /** A stack of Linear layers (weights [in, out], row-major) with ReLU between them, in double. */
    static double[] mlp(Map<String, float[]> weights, double[] x, boolean tanhOut) {
        List<String> layers = new ArrayList<>();
        for (String k : weights.keySet()) if (k.endsWith(".weight")) layers.add(k.substring(0, k.length() - ".weight".length()));
        double[] h = x;
        for (int l = 0; l < layers.size(); l++) {
            float[] w = weights.get(layers.get(l) + ".weight"), b = weights.get(layers.get(l) + ".bias");
            int out = b.length, in = w.length / out;
            assertEquals(in, h.length, "layer " + layers.get(l) + " input width");
            double[] y = new double[out];
            for (int j = 0; j < out; j++) {
                double s = b[j];
                for (int i = 0; i < in; i++) s += h[i] * w[i * out + j];
                y[j] = l < layers.size() - 1 ? Math.max(0, s) : (tanhOut ? Math.tanh(s) : s);
            }
            h = y;
        }
        return h;
    }

    static double[] concat(double[] a, double[] b) {
        double[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void printedTargetLossAndUpdatesMatchAnIndependentRecomputation() {
        E07DdpgStepByStep.Result r = E07DdpgStepByStep.run(1, false);
        // y = r + gamma * discount * Q'(s', mu'(s')), from the target networks' weights before the update
        double[] nextA = mlp(r.targetActorBefore(), r.s2(), true);
        double nextQ = mlp(r.targetCriticBefore(), concat(r.s2(), nextA), false)[0];
        double y = r.r() + r.gamma() * r.discount() * nextQ;
        assertEquals(y, r.y(), 1e-5, "critic target y");
        // L = (y - Q(s, a))^2 with the critic before its step
        double q = mlp(r.criticBefore(), concat(r.s(), r.a()), false)[0];
        assertEquals(q, r.q(), 1e-5, "Q(s, a)");
        assertEquals((y - q) * (y - q), r.criticLoss(), 1e-5 * (y - q) * (y - q), "critic loss");
        // chain rule through tanh to the actor's last bias, against backward()
        assertEquals(-r.dQda() * (1 - r.muS() * r.muS()), r.actorBiasGrad(), 1e-6 * Math.abs(r.dQda()) + 1e-12);
        // soft update
        assertEquals(r.tau() * r.onlineAfter() + (1 - r.tau()) * r.targetBefore(), r.targetAfter(), 1e-7);
        assertTrue(r.targetAfter() != r.targetBefore(), "the target moved");
        // the walk-through is exactly DdpgAgent.update
        assertTrue(r.sameAsAgentUpdate(), "walk-through and DdpgAgent.update differ");
        assertEquals(1.0, r.discount(), "Control Suite tasks have no terminal states: always bootstrap");
    }

    @Test
    void mainRuns() {
        E07DdpgStepByStep.main(new String[0]);
    }
}
