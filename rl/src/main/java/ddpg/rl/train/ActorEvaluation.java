package ddpg.rl.train;

import ddpg.physics.env.Environment;
import ddpg.rl.ddpg.Actor;
import ddpg.rl.ddpg.DeterministicPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The evaluation episodes of one actor on up to {@code threads} threads: what the trainer's evaluations and
 * {@code ddpg.jar eval} both run. Each thread gets its own environment and its own {@link DeterministicPolicy} over
 * the shared actor (made on first use and kept for later evaluations). A batch-norm actor is held in eval mode for
 * the whole evaluation, so no thread's policy switches the shared mode while another reads it.
 */
public final class ActorEvaluation {
    private final Actor actor;
    private final Supplier<? extends Environment> envFactory;
    private final int threads;
    private final List<Environment> envs = new ArrayList<>();
    private final List<Evaluator.Policy> policies = new ArrayList<>();

    public ActorEvaluation(Actor actor, Supplier<? extends Environment> envFactory, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        this.actor = actor;
        this.envFactory = envFactory;
        this.threads = threads;
    }

    /** Runs {@code episodes} episodes seeded from {@code seed}; the result does not depend on the thread count. */
    public Evaluator.Result run(long seed, int episodes) {
        int n = Math.max(1, Math.min(threads, episodes));
        while (envs.size() < n) {
            envs.add(envFactory.get());
            policies.add(new DeterministicPolicy(actor)::act);
        }
        boolean wasTraining = actor.isTraining();
        actor.eval();
        try {
            return Evaluator.evaluate(envs.subList(0, n), policies.subList(0, n), seed, episodes);
        } finally {
            if (wasTraining) actor.train();
        }
    }
}
