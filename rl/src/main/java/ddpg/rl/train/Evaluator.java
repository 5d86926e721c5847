package ddpg.rl.train;

import ddpg.engine.Rng;
import ddpg.physics.env.Environment;
import ddpg.physics.env.StepResult;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the deterministic policy (no exploration noise) for a number of episodes and reports the mean and standard
 * deviation of the returns. Episode k of an evaluation always starts from the same seeded initial state, so every
 * evaluation of a run (and {@code ddpg.jar eval} with the same --seed) sees the same K starting states. With several
 * (environment, policy) pairs the episodes run on that many threads at once, with the same returns.
 */
public final class Evaluator {
    private Evaluator() {}

    /** Maps an observation to an action in [-1, 1]^n, e.g. {@code agent::act}. */
    @FunctionalInterface
    public interface Policy {
        void act(double[] observation, double[] action);
    }

    /** Returns of the episodes, their mean and (population) standard deviation, and how many diverged. */
    public record Result(double mean, double std, double[] returns, int diverged) {}

    /** The initial-state seed of evaluation episode {@code k} for a run seeded {@code seed}. */
    public static long episodeSeed(long seed, int k) {
        return Rng.mix(Rng.derive(seed, "evaluation") + k);
    }

    /** The episodes one after another on the calling thread. */
    public static Result evaluate(Environment env, Policy policy, long seed, int episodes) {
        return evaluate(List.of(env), List.of(policy), seed, episodes);
    }

    /**
     * The episodes spread over one thread per (environment, policy) pair, the calling thread among them: each thread
     * takes the next episode not yet taken and runs it whole with its own pair (neither is shared between threads, so
     * each policy must only read its weights). Episode k starts from the same seeded state and runs the same
     * deterministic policy whichever thread runs it, so the result is the same on any number of pairs.
     */
    public static Result evaluate(List<? extends Environment> envs, List<? extends Policy> policies, long seed, int episodes) {
        if (envs.isEmpty() || envs.size() != policies.size()) {
            throw new IllegalArgumentException("need one policy per environment, got " + envs.size() + " and " + policies.size());
        }
        double[] returns = new double[episodes];
        boolean[] diverged = new boolean[episodes];
        AtomicInteger next = new AtomicInteger();
        int threads = Math.min(envs.size(), episodes);
        Thread[] helpers = new Thread[Math.max(0, threads - 1)];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int t = 0; t < helpers.length; t++) {
            Environment env = envs.get(t + 1);
            Policy policy = policies.get(t + 1);
            helpers[t] = new Thread(() -> {
                try {
                    runEpisodes(env, policy, seed, next, returns, diverged);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    next.set(episodes); // the others stop taking episodes
                }
            }, "ddpg-eval-" + (t + 1));
            helpers[t].setDaemon(true);
            helpers[t].start();
        }
        try {
            runEpisodes(envs.get(0), policies.get(0), seed, next, returns, diverged);
        } catch (RuntimeException | Error e) {
            next.set(episodes); // the helpers stop taking episodes
            throw e;
        } finally {
            for (Thread h : helpers) joinUninterruptibly(h);
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException re) throw re;
        if (e instanceof Error err) throw err;
        if (e != null) throw new IllegalStateException("evaluation failed on a helper thread", e);
        int divergedCount = 0;
        for (boolean d : diverged) if (d) divergedCount++;
        double mean = 0;
        for (double r : returns) mean += r;
        mean /= episodes;
        double var = 0;
        for (double r : returns) var += (r - mean) * (r - mean);
        return new Result(mean, Math.sqrt(var / episodes), returns, divergedCount);
    }

    /** Runs episodes until none is left: each one's return (up to a divergence, which ends it) into returns[k]. */
    private static void runEpisodes(Environment env, Policy policy, long seed, AtomicInteger next, double[] returns,
                                    boolean[] diverged) {
        double[] action = new double[env.spec().actionSize()];
        for (int k = next.getAndIncrement(); k < returns.length; k = next.getAndIncrement()) {
            double[] obs = env.reset(episodeSeed(seed, k));
            double ret = 0;
            while (true) {
                policy.act(obs, action);
                StepResult res = env.step(action);
                if (res.diverged()) {
                    diverged[k] = true;
                    break;
                }
                ret += res.reward();
                obs = res.observation();
                if (res.last()) break;
            }
            returns[k] = ret;
        }
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
