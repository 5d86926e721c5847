package ddpg.rl.bench;

import java.util.Arrays;

/**
 * A small, honest timer for code that runs for microseconds to seconds. Warm-up runs chunks of calls for at least
 * {@code warmupSeconds} and then until a chunk is no longer faster than the best before it (the JIT has finished;
 * a Vector API loop that still runs interpreted is a thousand times slower, so stopping early would lie), capped
 * at ten times the warm-up. Then it picks a repetition count so one sample lasts {@code sampleSeconds}, takes
 * {@code samples} samples and reports the median and the best time per call. On a machine shared with other work
 * the best of many short samples is the one least disturbed by the scheduler; the median shows the disturbance.
 */
public record Stopwatch(double warmupSeconds, double sampleSeconds, int samples) {
    /**
     * Seconds per call: median and best wall-clock time over the samples, and the median of this thread's CPU time
     * per call (time the scheduler gave us; on a busy machine it shows the speed while actually running).
     */
    public record Timing(double median, double best, double cpuMedian) {}

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Median seconds per call of {@code body}. */
    public double secondsPerCall(Runnable body) {
        return time(body).median();
    }

    /** Median and best seconds per call of {@code body}. */
    public Timing time(Runnable body) {
        long start = System.nanoTime();
        double chunkSeconds = Math.min(0.05, warmupSeconds / 4);
        double best = Double.MAX_VALUE;
        int reps = 1;
        while (true) {
            long t0 = System.nanoTime();
            for (int r = 0; r < reps; r++) body.run();
            double perCall = (System.nanoTime() - t0) / 1e9 / reps;
            boolean improving = perCall < best * 0.97;
            best = Math.min(best, perCall);
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (elapsed >= 10 * warmupSeconds || (elapsed >= warmupSeconds && !improving)) break;
            reps = (int) Math.max(1, Math.min(1_000_000, chunkSeconds / Math.max(best, 1e-9)));
        }
        int sampleReps = (int) Math.max(1, Math.min(10_000_000, sampleSeconds / Math.max(best, 1e-9)));
        double[] times = new double[samples], cpu = new double[samples];
        boolean cpuClock = THREADS.isCurrentThreadCpuTimeSupported();
        for (int s = 0; s < samples; s++) {
            long c1 = cpuClock ? THREADS.getCurrentThreadCpuTime() : 0;
            long t1 = System.nanoTime();
            for (int r = 0; r < sampleReps; r++) body.run();
            times[s] = (System.nanoTime() - t1) / 1e9 / sampleReps;
            cpu[s] = cpuClock ? (THREADS.getCurrentThreadCpuTime() - c1) / 1e9 / sampleReps : Double.NaN;
        }
        Arrays.sort(times);
        Arrays.sort(cpu);
        return new Timing(times[samples / 2], times[0], cpu[samples / 2]);
    }
}
