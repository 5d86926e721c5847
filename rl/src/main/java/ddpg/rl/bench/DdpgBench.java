package ddpg.rl.bench;

import ddpg.engine.Rng;
import ddpg.engine.optim.Subnormals;
import ddpg.physics.env.Environment;
import ddpg.physics.env.StepResult;
import ddpg.rl.ddpg.DdpgAgent;
import ddpg.rl.ddpg.DdpgConfig;
import ddpg.rl.replay.ReplayBuffer;
import ddpg.rl.train.TrainingStep;

/**
 * Times the objects that train: {@link DdpgAgent#update} on random replay data (updates per second), {@link
 * DdpgAgent#act} at batch 1 (the call made every env step), and {@link TrainingStep#take} on a real task (env steps
 * per second of the training loop proper, without evaluation or logging).
 */
public final class DdpgBench {
    private DdpgBench() {}

    /** An agent with {@code config} and a replay buffer of 10,000 random transitions to update from. */
    public record Bench(DdpgAgent agent, ReplayBuffer replay) {
        public static Bench of(int obs, int act, DdpgConfig config) {
            DdpgConfig c = config.copy();
            c.buffer = Math.max(c.batch, 10_000);
            return new Bench(new DdpgAgent(obs, act, c, 1), randomReplay(obs, act, c.buffer, 2));
        }

        public void update() {
            agent.update(replay);
        }

        /** Subnormal floats in every weight, target and Adam moment (each one can cost a hundred cycles). */
        public long subnormals() {
            return Subnormals.count(agent.stateTensors().values());
        }
    }

    /**
     * {median wall-clock updates/s, best sample's updates/s, median updates per second of this thread's CPU time},
     * timed by {@code timer}: its warm-up runs until the speed stops improving (the first row on a new thread count
     * compiles the pool's paths, which took 2-3 s on two threads here), then its samples. The best sample is the
     * speed least disturbed by the VM's host; the CPU-time rate stays meaningful where other processes take turns on
     * the core.
     */
    static double[] updateRates(int obs, int act, DdpgConfig config, Stopwatch timer) {
        Bench b = Bench.of(obs, act, config);
        Stopwatch.Timing t = timer.time(b::update);
        return new double[] {1 / t.median(), 1 / t.best(), 1 / t.cpuMedian()};
    }

    /**
     * End-to-end training speed on a real environment: the replay buffer is first filled with {@code max(batch,
     * 1000)} random warm-up steps and a few hundred learning steps run untimed (JIT); then {@code steps} steps of
     * {@link TrainingStep#take} are timed. Returns {wall-clock env steps/s, env steps per second of this thread's CPU
     * time} (with GEMM threads the CPU rate counts only this thread's share).
     */
    static double[] trainingRates(Environment env, DdpgConfig config, int steps) {
        DdpgConfig c = config.copy();
        int fill = Math.max(c.batch, 1000), warm = Math.min(steps, 300);
        c.warmup = fill;
        c.learningStarts = fill;
        c.buffer = fill + warm + steps;
        TrainingStep step = new TrainingStep(env, c, 1, TrainingStep.Listener.NONE);
        double[] obs = null;
        long episode = 0;
        CpuClock clock = null;
        for (int t = 0; t < fill + warm + steps; t++) {
            if (t == fill + warm) clock = CpuClock.start();
            if (obs == null) obs = step.startEpisode(episode++);
            StepResult r = step.take(obs, t);
            obs = r.last() || r.diverged() ? null : r.observation();
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

    /** {@code n} transitions with Gaussian states, uniform actions in [-1, 1] and rewards in [0, 1). */
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
