package ddpg.rl.ddpg;

import ddpg.engine.Arena;
import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import ddpg.engine.autograd.NoGrad;
import ddpg.engine.kernels.Parallel;
import ddpg.engine.ops.Losses;
import ddpg.engine.optim.Adam;
import ddpg.engine.optim.StateDicts;
import ddpg.engine.optim.TargetUpdate;
import ddpg.rl.replay.Batch;
import ddpg.rl.replay.ReplayBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DDPG (Lillicrap et al. 2015, Algorithm 1): an actor mu, a critic Q, their slowly-following target copies mu' and
 * Q', and the update that trains them from replayed transitions. {@link #update} is the inner loop of the paper's
 * algorithm box, line by line.
 *
 * <p>Speed: a minibatch lives in preallocated arrays that the tensors below wrap, and every intermediate tensor of
 * an update comes from an {@link Arena} that is recycled at the end of the update (the target pass has one of its
 * own, since it may run on another thread), so the hot loop allocates no tensor data. The actor's backward pass goes
 * through the critic with the critic's weights frozen, so no critic weight gradients are computed there.
 */
public final class DdpgAgent {
    private final DdpgConfig config;
    private final int obsSize, actSize;

    private final Actor actor, targetActor;
    private final Critic critic, targetCritic;
    private final Adam actorOptimizer, criticOptimizer;
    private final TargetUpdate actorTargetSync, criticTargetSync;

    // The minibatch, refilled in place by the replay buffer, and tensors that view its arrays.
    private final Rng sampler;
    private final Batch batch;
    private final Tensor s, a, r, discount, s2;

    private final DeterministicPolicy policy;

    private final Arena arena = new Arena();
    // The targets y_i of the critic's regression, and the arena of the pass that computes them (see computeTargets).
    private final Tensor targets;
    private final Arena targetArena = new Arena();
    private long updates;
    private float lastCriticLoss = Float.NaN, lastActorLoss = Float.NaN, lastMeanQ = Float.NaN;

    public DdpgAgent(int obsSize, int actSize, DdpgConfig config, long seed) {
        config.validate();
        this.config = config.copy();
        this.obsSize = obsSize;
        this.actSize = actSize;
        Rng init = new Rng(Rng.derive(seed, "network-init"));
        // Randomly initialise critic Q(s, a | theta^Q) and actor mu(s | theta^mu).
        actor = Actor.of(obsSize, actSize, config, init);
        critic = Critic.of(obsSize, actSize, config, init);
        // Initialise target networks Q' and mu' with weights theta^Q' <- theta^Q, theta^mu' <- theta^mu.
        targetActor = Actor.of(obsSize, actSize, config, init);
        targetCritic = Critic.of(obsSize, actSize, config, init);
        targetActor.eval();
        targetCritic.eval();
        targetActor.setRequiresGrad(false);
        targetCritic.setRequiresGrad(false);
        actorTargetSync = new TargetUpdate(targetActor, actor);
        criticTargetSync = new TargetUpdate(targetCritic, critic);
        actorTargetSync.hard();
        criticTargetSync.hard();

        actorOptimizer = new Adam(actor.namedParameters(), config.actorLr);
        criticOptimizer = new Adam(critic.namedParameters(), config.criticLr).weightDecay(config.criticL2);

        sampler = new Rng(Rng.derive(seed, "replay-sampling"));
        int n = config.batch;
        batch = new Batch(n, obsSize, actSize);
        s = Tensor.wrap(batch.obs, n, obsSize);
        a = Tensor.wrap(batch.act, n, actSize);
        r = Tensor.wrap(batch.rew, n, 1);
        discount = Tensor.wrap(batch.disc, n, 1);
        s2 = Tensor.wrap(batch.nextObs, n, obsSize);
        targets = Tensor.zeros(n, 1);
        policy = new DeterministicPolicy(actor);
    }

    /**
     * One DDPG update from a minibatch of {@code replay}, as in the paper's Algorithm 1.
     */
    public void update(ReplayBuffer replay) {
        float gamma = (float) config.gamma, tau = (float) config.tau;
        try (Arena step = arena.enter()) {
            // Sample a random minibatch of N transitions (s_i, a_i, r_i, s_i+1) from R.
            replay.sample(batch, sampler);

            // Set y_i = r_i + gamma * Q'(s_i+1, mu'(s_i+1)) (computeTargets). At the same time, run the forward passes
            // Q(s_i, a_i) and mu(s_i) that the two steps below start from: the actor's weights do not change before the
            // actor step, and none of the three passes reads what another writes, so on two threads they run side by
            // side, and otherwise one after the other, with the same numbers.
            Tensor[] forward = new Tensor[2];
            Parallel.alongside(() -> computeTargets(gamma), () -> {
                forward[0] = critic.forward(s, a);
                forward[1] = actor.forward(s);
            });
            Tensor q = forward[0], mu = forward[1], y = targets;

            // Update the critic by minimising L = 1/N sum_i (y_i - Q(s_i, a_i))^2.
            Tensor criticLoss = Losses.mse(q, y);
            criticOptimizer.zeroGrad();
            criticLoss.backward();
            criticOptimizer.step();

            // Update the actor with the sampled policy gradient
            //   grad_theta^mu J ~ 1/N sum_i grad_a Q(s, a)|_{s_i, a = mu(s_i)} grad_theta^mu mu(s)|_{s_i},
            // i.e. backpropagate -mean_i Q(s_i, mu(s_i)) through the (frozen) critic into the action, then the actor.
            critic.setRequiresGrad(false);
            Tensor actorLoss;
            try {
                actorLoss = critic.forward(s, mu).mean().neg();
                actorOptimizer.zeroGrad();
                actorLoss.backward();
                actorOptimizer.step();
            } finally {
                critic.setRequiresGrad(true);
            }

            // Update the target networks: theta' <- tau theta + (1 - tau) theta'.
            criticTargetSync.soft(tau);
            actorTargetSync.soft(tau);

            lastCriticLoss = criticLoss.item();
            lastActorLoss = actorLoss.item();
            lastMeanQ = mean(q.data());
        }
        updates++;
    }

    /**
     * y_i = r_i + gamma * Q'(s_i+1, mu'(s_i+1)) into {@link #targets} (discount_i = 0 only at a true terminal state). It
     * may run on a worker thread, so it takes its intermediate tensors from an arena of its own.
     */
    private void computeTargets(float gamma) {
        try (Arena own = targetArena.enter(); NoGrad targetsAreConstants = NoGrad.enter()) {
            Tensor nextQ = targetCritic.forward(s2, targetActor.forward(s2));
            Tensor y = r.add(discount.mul(nextQ).scale(gamma));
            System.arraycopy(y.data(), 0, targets.data(), 0, targets.size());
        }
    }

    /** The deterministic action mu(s) for one observation, written into {@code action} (each entry in [-1, 1]). */
    public void act(double[] observation, double[] action) {
        policy.act(observation, action);
    }

    private static float mean(float[] v) {
        double sum = 0;
        for (float x : v) sum += x;
        return (float) (sum / v.length);
    }

    // ---------------------------------------------------------------- accessors

    public Actor actor() { return actor; }
    public Critic critic() { return critic; }
    public Actor targetActor() { return targetActor; }
    public Critic targetCritic() { return targetCritic; }
    public DdpgConfig config() { return config.copy(); }
    public int obsSize() { return obsSize; }
    public int actSize() { return actSize; }
    /** Updates done so far. */
    public long updates() { return updates; }
    /** Critic loss of the last update (NaN before the first). */
    public float lastCriticLoss() { return lastCriticLoss; }
    /** Actor loss -mean Q(s, mu(s)) of the last update. */
    public float lastActorLoss() { return lastActorLoss; }
    /** Mean Q(s_i, a_i) over the last minibatch. */
    public float lastMeanQ() { return lastMeanQ; }

    // ---------------------------------------------------------------- checkpointing

    /**
     * Every tensor of the learner's state (live references): networks, targets and both Adam states, named
     * "actor.*", "critic.*", "target_actor.*", "target_critic.*", "actor_adam.*", "critic_adam.*".
     */
    public Map<String, Tensor> stateTensors() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.putAll(StateDicts.prefixed("actor", actor.stateDict()));
        m.putAll(StateDicts.prefixed("critic", critic.stateDict()));
        m.putAll(StateDicts.prefixed("target_actor", targetActor.stateDict()));
        m.putAll(StateDicts.prefixed("target_critic", targetCritic.stateDict()));
        m.putAll(StateDicts.prefixed("actor_adam", actorOptimizer.state()));
        m.putAll(StateDicts.prefixed("critic_adam", criticOptimizer.state()));
        return m;
    }

    /** The replay-sampling generator's state (six longs), and the update count. */
    public long[] counterState() {
        long[] st = sampler.state();
        long[] out = new long[st.length + 1];
        System.arraycopy(st, 0, out, 0, st.length);
        out[st.length] = updates;
        return out;
    }

    public void restoreCounterState(long[] state) {
        if (state.length != 7) throw new IllegalArgumentException("agent counter state has " + state.length + " numbers, expected 7");
        sampler.restore(java.util.Arrays.copyOf(state, 6));
        updates = state[6];
    }
}
