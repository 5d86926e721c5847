package ddpg.rl.bench;

/**
 * One family of benchmarks behind {@code ddpg.jar bench <name>}. To add one (mlp, ddpg, physics...), implement this
 * and add it to {@link BenchSuites#all()}; {@link BenchContext} has the options, the measured peak and the timer.
 */
public interface BenchSuite {
    /** The word after {@code bench}, e.g. "gemm". */
    String name();

    /** One line for the help text. */
    String summary();

    /** Measures and prints one line per result to {@code ctx.out()}. Bad options: IllegalArgumentException. */
    void run(BenchContext ctx) throws Exception;
}
