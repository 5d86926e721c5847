package ddpg.physics.tasks;

/**
 * Environment steps per second of one task, single thread: control steps (all physics substeps, then observation
 * and reward) under uniform random actions held 5 steps, as {@code mjref task} drives its episodes. An episode
 * that ends is reset inside the timed loop (one reset per 1000 steps). For {@code bench physics} and the README;
 * never a unit test.
 */
public final class TaskBench {
    private TaskBench() {}

    /** Runs {@code steps / 10} untimed warm-up steps, then {@code steps} timed ones; returns control steps per second. */
    public static double stepsPerSecond(String task, int steps) {
        if (steps < 1) throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        ControlSuiteEnv env = Tasks.make(task);
        run(env, Math.max(1, steps / 10), 1);
        long t0 = System.nanoTime();
        run(env, steps, 2);
        long t1 = System.nanoTime();
        return steps / ((t1 - t0) * 1e-9);
    }

    private static void run(ControlSuiteEnv env, int steps, long seed) {
        int nu = env.spec().actionSize();
        double[] action = new double[nu];
        SplitMix64 actions = SplitMix64.stream(seed, SplitMix64.KIND_TASK_ACTIONS);
        env.reset(seed);
        for (int t = 0; t < steps; t++) {
            if (t % 5 == 0) for (int j = 0; j < nu; j++) action[j] = actions.uniform(-1, 1);
            StepResult r = env.step(action);
            if (r.last()) env.reset(++seed);
        }
    }

    /** {@code java -cp ddpg-physics.jar ddpg.physics.tasks.TaskBench [steps] [task...]}: one line per task. */
    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        java.util.List<String> tasks = args.length > 1 ? java.util.Arrays.asList(args).subList(1, args.length)
                : Tasks.names();
        for (String t : tasks) {
            double sps = stepsPerSecond(t, steps);
            EnvSpec s = Tasks.spec(t);
            System.out.printf(java.util.Locale.ROOT, "%-18s %10.0f control steps/s %10.0f physics steps/s%n", t, sps,
                    sps * s.substeps());
        }
    }
}
