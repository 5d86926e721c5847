package ddpg.rl.ddpg;

import ddpg.rl.noise.Rng;
import ddpg.rl.replay.ReplayBuffer;

/**
 * Measures DDPG update throughput (updates per second) on random data, for {@code ddpg.jar bench ddpg} and the
 * README's comparison with PyTorch (the team's peer script {@code tools/peers/torch_ddpg.py}). One update = replay sampling,
 * target forward passes, critic step, actor step and both soft target updates, exactly {@link DdpgAgent#update}.
 */
public final class DdpgBench {
    private DdpgBench() {}

    /** Shorthand with the default preset's other settings (Adam, tau 0.005, no batch norm, action at the input). */
    public static double updatesPerSecond(int obs, int act, int[] hidden, int batch, int updates) {
        DdpgConfig c = Presets.defaults();
        c.hidden = hidden.clone();
        c.batch = batch;
        return updatesPerSecond(obs, act, c, updates);
    }

    /**
     * Builds an agent with {@code config}, fills a replay buffer with 10,000 random transitions, runs a warm-up of
     * {@code max(50, updates / 5)} updates (JIT compilation), then times {@code updates} updates.
     */
    public static double updatesPerSecond(int obs, int act, DdpgConfig config, int updates) {
        return measure(obs, act, config, updates)[0];
    }

    /**
     * {wall-clock updates/s, updates per second of this thread's CPU time}. The second stays meaningful on a busy
     * machine where other processes take turns on the core (wall time then counts their turns too).
     */
    public static double[] measure(int obs, int act, DdpgConfig config, int updates) {
        return measure(obs, act, config, Math.max(50, updates / 5), updates);
    }

    /** As {@link #measure(int, int, DdpgConfig, int)} with an explicit number of untimed warm-up updates. */
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
     */
    public static double trainingStepsPerSecond(ddpg.physics.tasks.Environment env, DdpgConfig config, int steps) {
        return measureTraining(env, config, steps)[0];
    }

    /** {wall-clock env steps/s, env steps per second of this thread's CPU time} of the loop described above. */
    public static double[] measureTraining(ddpg.physics.tasks.Environment env, DdpgConfig config, int steps) {
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
            ddpg.physics.tasks.StepResult r = env.step(a);
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

    /** {@code java ... ddpg.rl.ddpg.DdpgBench [updates]}: the README table's rows. */
    public static void main(String[] args) {
        int updates = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int[][] hiddens = {{256, 256}, {400, 300}};
        int[][] sizes = {{24, 6}, {67, 21}};
        String[] names = {"walker", "humanoid"};
        System.out.println("# ddpg update throughput, kernels " + ddpg.engine.kernels.Kernels.description()
                + ", threads " + ddpg.engine.kernels.Kernels.threads() + ", JDK " + System.getProperty("java.version"));
        for (int e = 0; e < sizes.length; e++) {
            for (int[] h : hiddens) {
                for (int b : new int[] {64, 256}) {
                    DdpgConfig c = Presets.defaults();
                    c.hidden = h;
                    c.batch = b;
                    double[] ups = measure(sizes[e][0], sizes[e][1], c, updates);
                    System.out.printf(java.util.Locale.ROOT, "%-9s obs %2d act %2d hidden %d-%d batch %3d  %8.1f updates/s wall  %8.1f per CPU-second%n",
                            names[e], sizes[e][0], sizes[e][1], h[0], h[1], b, ups[0], ups[1]);
                }
            }
        }
    }
}
