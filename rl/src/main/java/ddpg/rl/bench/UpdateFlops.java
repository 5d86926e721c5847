package ddpg.rl.bench;

import ddpg.rl.ddpg.DdpgConfig;

/**
 * The floating-point operations of one {@link ddpg.rl.ddpg.DdpgAgent#update}, counted as the PyTorch peer's profiler
 * counts them: 2 m k n for every matrix product (forward, weight gradient, input gradient), nothing for elementwise
 * work (activations, Adam, the soft target updates). A layer [batch, in] -> [batch, out] costs F = 2 batch in out
 * per pass. One update is
 * <pre>
 *   targets    mu'(s') and Q'(s', a'): a forward pass of each
 *   critic     forward; every weight gradient; the input gradients the graph needs (none for the first state
 *              layer, whose input is data; at the layer where the action joins only the hidden part's, since the
 *              fused concat skips the action columns; with batch norm, whose scale and shift learn, also those
 *              of the layers after a batch-norm layer)
 *   actor      mu(s) and Q(s, mu(s)) forward; through the frozen critic input gradients only, down to the action
 *              columns of the joint layer; the actor's weight gradients and its input gradients above layer 1
 * </pre>
 * {@code UpdateFlopsTest} checks this against the products the engine actually runs.
 */
final class UpdateFlops {
    private UpdateFlops() {}

    static long of(int obs, int act, DdpgConfig c) {
        long b = c.batch;
        boolean bn = c.batchNorm; // a batch-norm layer before a Linear has parameters, so its input needs a gradient
        int[] h = c.hidden;
        // Actor layers: obs -> h[0] -> ... -> act.
        int[] actor = new int[h.length + 2];
        actor[0] = obs;
        System.arraycopy(h, 0, actor, 1, h.length);
        actor[h.length + 1] = act;
        long actorPass = 0, actorInputGrads = 0;
        for (int i = 0; i + 1 < actor.length; i++) {
            long f = 2 * b * actor[i] * actor[i + 1];
            actorPass += f;
            if (i > 0 || bn) actorInputGrads += f;
        }
        // Critic: state layers obs -> h[0] .. h[k-2], then the joint layer [w + act] -> h[k-1] .. -> 1.
        int k = c.actionLayer;
        int w = k == 1 ? obs : h[k - 2];
        long statePass = 0, stateInputGrads = 0;
        for (int i = 0; i < k - 1; i++) {
            long f = 2 * b * (i == 0 ? obs : h[i - 1]) * h[i];
            statePass += f;
            if (i > 0 || bn) stateInputGrads += f;
        }
        long jointHidden = 2 * b * w * h[k - 1], jointAction = 2 * b * act * h[k - 1];
        long jointRest = 0;
        for (int i = k - 1; i < h.length; i++) jointRest += 2 * b * h[i] * (i + 1 < h.length ? h[i + 1] : 1);
        long criticPass = statePass + jointHidden + jointAction + jointRest;

        long targets = actorPass + criticPass;
        long criticStep = criticPass + criticPass // forward, weight gradients
                + stateInputGrads + (k > 1 || bn ? jointHidden : 0) + jointRest;
        long actorStep = actorPass + criticPass + jointRest + jointAction // through the frozen critic
                + actorPass + actorInputGrads;
        return targets + criticStep + actorStep;
    }
}
