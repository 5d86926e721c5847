package ddpg.rl.ddpg;

import ddpg.engine.Rng;
import ddpg.rl.replay.ReplayBuffer;

/**
 * Measures DDPG update throughput (updates per second) on random data, for {@code ddpg.jar bench ddpg} and the
 * README's comparison with PyTorch (the team's peer script {@code tools/peers/torch_ddpg.py}). One update = replay sampling,
 * target forward passes, critic step, actor step and both soft target updates, exactly {@link DdpgAgent#update}.
 */
public final class DdpgBench {
    private DdpgBench() {}

    /**
     * {wall-clock updates/s, updates per second of this thread's CPU time}: builds an agent with {@code config},
     * fills a replay buffer with 10,000 random transitions, runs {@code warmup} untimed updates (JIT compilation),
     * then times {@code updates} updates. The CPU-time rate stays meaningful on a busy machine where other processes
     * take turns on the core (wall time then counts their turns too).
     */
    public static double[] measure(int obs, int act, DdpgConfig config, int warmup, int updates) {
        DdpgConfig c = config.copy();
        c.buffer = Math.max(c.batch, 10_000);
        DdpgAgent agent = new DdpgAgent(obs, act, c, 1);
        ReplayBuffer replay = randomReplay(obs, act, c.buffer, 2);
        for (int i = 0; i < warmup; i++) agent.update(replay);
        CpuClock clock = CpuClock.start();
        for (int i = 0; i < updates; i++) agent.update(replay);
        return clock.rates(updates);
    }

    /**
     * End-to-end training speed on a real environment: env steps per second of the training loop proper (act with
     * Gaussian noise, step, store, one update per step), without evaluation or logging. The replay buffer is first
     * filled with {@code max(batch, 1000)} random steps (not timed); then {@code steps} steps are timed.
     * Returns {wall-clock env steps/s, env steps per second of this thread's CPU time}.
     */
    public static double[] measureTraining(ddpg.physics.env.Environment env, DdpgConfig config, int steps) {
        DdpgConfig c = config.copy();
        int obs = env.spec().observationSize(), act = env.spec().actionSize();
        c.buffer = Math.max(c.batch, 1000) + steps;
        DdpgAgent agent = new DdpgAgent(obs, act, c, 1);
        ReplayBuffer replay = new ReplayBuffer(c.buffer, obs, act);
        ddpg.rl.noise.GaussianNoise noise = new ddpg.rl.noise.GaussianNoise(c.noiseSigma, 3);
        Rng rng = new Rng(4);
        double[] a = new double[act], eps = new double[act];
        double[] s = env.reset(0);
        long episode = 0;
        int fill = Math.max(c.batch, 1000);
        CpuClock clock = null;
        for (int t = 0; t < fill + steps; t++) {
            if (t == fill) clock = CpuClock.start();
            if (t < fill) {
                for (int j = 0; j < act; j++) a[j] = rng.uniform(-1, 1);
            } else {
                agent.act(s, a);
                noise.sample(eps);
                for (int j = 0; j < act; j++) a[j] = Math.max(-1, Math.min(1, a[j] + eps[j]));
            }
            ddpg.physics.env.StepResult r = env.step(a);
            if (!r.diverged()) replay.add(s, a, r.reward(), r.discount(), r.observation());
            if (t >= fill) agent.update(replay);
            s = (r.last() || r.diverged()) ? env.reset(++episode) : r.observation();
        }
        return clock.rates(steps);
    }

    /** Wall clock and this thread's CPU clock, started together. */
    private record CpuClock(long wall0, long cpu0) {
        private static final java.lang.management.ThreadMXBean MX = java.lang.management.ManagementFactory.getThreadMXBean();

        static CpuClock start() {
            return new CpuClock(System.nanoTime(), MX.getCurrentThreadCpuTime());
        }

        /** {events per wall second, events per CPU second}. */
        double[] rates(int events) {
            double wall = (System.nanoTime() - wall0) * 1e-9, cpu = (MX.getCurrentThreadCpuTime() - cpu0) * 1e-9;
            return new double[] {events / wall, events / cpu};
        }
    }

    static ReplayBuffer randomReplay(int obs, int act, int n, long seed) {
        ReplayBuffer replay = new ReplayBuffer(n, obs, act);
        Rng rng = new Rng(seed);
        double[] s = new double[obs], s2 = new double[obs], a = new double[act];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < obs; j++) {
                s[j] = rng.nextGaussian();
                s2[j] = rng.nextGaussian();
            }
            for (int j = 0; j < act; j++) a[j] = rng.uniform(-1, 1);
            replay.add(s, a, rng.nextDouble(), 1.0, s2);
        }
        return replay;
    }
}
