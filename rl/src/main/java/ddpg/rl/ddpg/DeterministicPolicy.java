package ddpg.rl.ddpg;

import ddpg.engine.Arena;
import ddpg.engine.Tensor;
import ddpg.engine.autograd.NoGrad;

/**
 * The action mu(s) of an actor for one observation, without exploration noise: what evaluation, {@code ddpg.jar eval},
 * {@code ddpg.jar render} and the agent's own {@link DdpgAgent#act} use. The observation goes in as a batch of one,
 * in eval mode (batch norm then uses its running statistics, since one state has no batch statistics), with no
 * autograd graph; an actor that was training is put back into training mode afterwards.
 *
 * <pre>
 * DeterministicPolicy mu = new DeterministicPolicy(PolicyFiles.load(runDir));
 * mu.act(observation, action);   // action[j] in [-1, 1]
 * </pre>
 * Not thread-safe: it reuses one input row (one per thread).
 */
public final class DeterministicPolicy {
    private final Actor actor;
    private final float[] row;
    private final Tensor input;
    private final Arena arena = new Arena(); // the forward pass's intermediate tensors are reused, not reallocated

    public DeterministicPolicy(Actor actor) {
        this.actor = actor;
        row = new float[actor.obsSize()];
        input = Tensor.wrap(row, 1, row.length);
    }

    /** Writes mu(observation) into {@code action} (its first {@code actSize} entries, each in [-1, 1]). */
    public void act(double[] observation, double[] action) {
        for (int j = 0; j < row.length; j++) row[j] = (float) observation[j];
        // Only batch norm behaves differently in eval mode; without it the mode switch would be a tree walk for nothing.
        boolean switchMode = actor.batchNorm() && actor.isTraining();
        if (switchMode) actor.eval();
        try (Arena step = arena.enter(); NoGrad acting = NoGrad.enter()) {
            float[] mu = actor.forward(input).data();
            for (int j = 0; j < actor.actSize(); j++) action[j] = mu[j];
        } finally {
            if (switchMode) actor.train();
        }
    }

    public Actor actor() { return actor; }
}
