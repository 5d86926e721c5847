package ddpg.rl.bench;

import ddpg.engine.kernels.Kernels;
import ddpg.physics.env.Tasks;
import ddpg.rl.ddpg.DdpgConfig;
import ddpg.rl.ddpg.Presets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench ddpg}, four tables, all timing the objects that train:
 * <ol>
 *   <li>{@code update}: {@code DdpgAgent.update} (replay sampling, target passes, critic step, actor step through the
 *       critic, soft target updates) on random replay data, walker (24/6) and humanoid (67/21) sizes, 256-256 and
 *       400-300 networks, batch 64 and 256, one thread, timed by {@link Stopwatch}; median and best wall-clock rates
 *       and the median CPU-time rate, the FLOPs of one update ({@link UpdateFlops}) and the share of this core's FMA
 *       peak measured in the same run; then the same updates on each larger thread count (the cores,
 *       {@code --threads}), wall clock and speed-up;</li>
 *   <li>{@code act}: {@code DdpgAgent.act}, one observation (the call the trainer makes every env step);</li>
 *   <li>{@code train}: {@code TrainingStep.take} (act with noise, env step, store, one update) per task, default
 *       preset, on 1 thread and on every core, env steps per second;</li>
 *   <li>{@code flat}: consecutive blocks of updates with the count of subnormal floats in the agent's state (flat =
 *       no slow-down as the networks age).</li>
 * </ol>
 * The peer is PyTorch's update at the same sizes ({@code torch_ddpg.py} in the team's peer tools); bench/README.md
 * has both measured side by side.
 */
public final class DdpgSuite implements BenchSuite {
    /** The tasks whose learning results the README reports. */
    static final List<String> TASKS = List.of("cartpole-swingup", "reacher-hard", "cheetah-run", "walker-run", "humanoid-walk");

    /** One row of the update table. */
    record UpdateRow(String sizes, int obs, int act, int[] hidden, int batch) {
        DdpgConfig config() {
            DdpgConfig c = Presets.defaults();
            c.hidden = hidden.clone();
            c.batch = batch;
            return c;
        }
    }

    /** Walker and humanoid sizes x 256-256 and 400-300 x batch 64 and 256. */
    static List<UpdateRow> updateRows() {
        List<UpdateRow> rows = new ArrayList<>();
        for (Object[] size : new Object[][] {{"walker", 24, 6}, {"humanoid", 67, 21}})
            for (int[] hidden : new int[][] {{256, 256}, {400, 300}})
                for (int batch : new int[] {64, 256})
                    rows.add(new UpdateRow((String) size[0], (int) size[1], (int) size[2], hidden, batch));
        return rows;
    }

    /** How much of each table to run: the update rows' timer, env steps per train row, the flat table's blocks. */
    record Amounts(Stopwatch updateTimer, int envSteps, int blocks, int block) {}

    @Override public String name() { return "ddpg"; }

    @Override public String summary() {
        return "DDPG updates/s and % of FMA peak, actor latency, training env steps/s per task and thread count";
    }

    @Override
    public void run(BenchContext ctx) {
        Amounts a = ctx.quick() ? new Amounts(updateTimer(ctx), 1_000, 3, 50) : new Amounts(updateTimer(ctx), 5_000, 5, 200);
        runWith(ctx, updateRows(), TASKS, threadCounts(ctx), a);
    }

    /** The context's warm-up and sample count, with samples of at least 250 ms (100 with --quick): an update takes ms. */
    static Stopwatch updateTimer(BenchContext ctx) {
        Stopwatch sw = ctx.stopwatch();
        return new Stopwatch(sw.warmupSeconds(), Math.max(sw.sampleSeconds(), ctx.quick() ? 0.1 : 0.25), sw.samples());
    }

    /** 1, the cores of this machine, and --threads when given. */
    static int[] threadCounts(BenchContext ctx) {
        return java.util.stream.IntStream.of(1, Runtime.getRuntime().availableProcessors(), ctx.threads())
                .distinct().sorted().toArray();
    }

    /** The measurement with explicit rows and sizes, so a test can run a small part of it in seconds. */
    void runWith(BenchContext ctx, List<UpdateRow> rows, List<String> tasks, int[] threads, Amounts n) {
        int before = Kernels.threads();
        try {
            Kernels.setThreads(1);
            double peak = ctx.peakGflops(1);
            Stopwatch timer = n.updateTimer();
            ctx.out().printf(Locale.ROOT, "# update <sizes> <obs/act> <hidden> batch <b> <updates/s wall, median> <best>"
                    + " <updates/s CPU> <MFLOP/update> <GFLOP/s CPU> <%% of peak>   (%d samples of %.0f ms after the"
                    + " JIT warm-up, 1 thread; FMA peak %.1f GFLOP/s measured now; gemm %s)%n", timer.samples(),
                    timer.sampleSeconds() * 1000, peak, Kernels.gemm().name());
            // The first row of a fresh JVM read 10-25% low after the timer's own warm-up (C2 was still compiling the
            // engine's methods on the second core): time it once untimed first.
            if (!rows.isEmpty()) DdpgBench.updateRates(rows.get(0).obs(), rows.get(0).act(), rows.get(0).config(), timer);
            double[] oneThread = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                UpdateRow row = rows.get(i);
                double[] r = DdpgBench.updateRates(row.obs(), row.act(), row.config(), timer);
                oneThread[i] = r[0];
                long flops = UpdateFlops.of(row.obs(), row.act(), row.config());
                double gflops = r[2] * flops * 1e-9;
                String item = String.format(Locale.ROOT, "%s %d-%d batch %d", row.sizes(), row.hidden()[0], row.hidden()[1], row.batch());
                ctx.result("ddpg", item, "updates_wall", r[0], "updates/s");
                ctx.result("ddpg", item, "updates_best", r[1], "updates/s");
                ctx.result("ddpg", item, "updates_cpu", r[2], "updates/s");
                ctx.result("ddpg", item, "flops", flops * 1e-6, "MFLOP/update");
                ctx.result("ddpg", item, "peak_share", 100 * gflops / peak, "%");
                ctx.out().printf(Locale.ROOT, "update %-8s %2d/%-2d %d-%d batch %3d %8.1f %8.1f %8.1f %8.1f %7.1f %5.1f%%%n",
                        row.sizes(), row.obs(), row.act(), row.hidden()[0], row.hidden()[1], row.batch(), r[0], r[1],
                        r[2], flops * 1e-6, gflops, 100 * gflops / peak);
                ctx.out().flush();
            }
            updateOnThreads(ctx, rows, oneThread, threads, n);
            actLatency(ctx, rows);
            train(ctx, tasks, threads, n.envSteps());
            Kernels.setThreads(1);
            flat(ctx, n.blocks(), n.block());
        } finally {
            Kernels.setThreads(before);
        }
    }

    /**
     * The same updates on each thread count above one, by wall clock (the CPU time of one thread says nothing about
     * two), with the speed-up over the one-thread row: the figure to put beside PyTorch's multi-threaded update.
     */
    private static void updateOnThreads(BenchContext ctx, List<UpdateRow> rows, double[] oneThread, int[] threads, Amounts n) {
        ctx.out().printf("# update-threads <sizes> <obs/act> <hidden> batch <b> threads <t> <updates/s wall, median>"
                + " <best> <x the 1-thread median>%n");
        for (int t : threads) {
            if (t == 1) continue;
            Kernels.setThreads(t);
            // The pool's paths are compiled on the first row, over 2-3 s on two threads here: run it untimed first.
            if (!rows.isEmpty()) DdpgBench.updateRates(rows.get(0).obs(), rows.get(0).act(), rows.get(0).config(), n.updateTimer());
            for (int i = 0; i < rows.size(); i++) {
                UpdateRow row = rows.get(i);
                double[] r = DdpgBench.updateRates(row.obs(), row.act(), row.config(), n.updateTimer());
                String item = String.format(Locale.ROOT, "%s %d-%d batch %d threads %d", row.sizes(), row.hidden()[0],
                        row.hidden()[1], row.batch(), t);
                ctx.result("ddpg", item, "updates_wall", r[0], "updates/s");
                ctx.result("ddpg", item, "updates_best", r[1], "updates/s");
                ctx.out().printf(Locale.ROOT, "update-threads %-8s %2d/%-2d %d-%d batch %3d threads %d %8.1f %8.1f %6.2fx%n",
                        row.sizes(), row.obs(), row.act(), row.hidden()[0], row.hidden()[1], row.batch(), t, r[0], r[1],
                        r[0] / oneThread[i]);
                ctx.out().flush();
            }
        }
        Kernels.setThreads(1);
    }

    /** Microseconds per {@code DdpgAgent.act} at each size (one row per distinct network). */
    private static void actLatency(BenchContext ctx, List<UpdateRow> rows) {
        ctx.out().printf("# act <sizes> <obs/act> <hidden> <us per action median> <best>   (DdpgAgent.act, one observation,"
                + " 1 thread)%n");
        List<String> seen = new ArrayList<>();
        for (UpdateRow row : rows) {
            String key = row.sizes() + " " + row.hidden()[0] + "-" + row.hidden()[1];
            if (seen.contains(key)) continue;
            seen.add(key);
            DdpgBench.Bench b = DdpgBench.Bench.of(row.obs(), row.act(), row.config());
            double[] obs = new double[row.obs()], action = new double[row.act()];
            for (int j = 0; j < obs.length; j++) obs[j] = Math.sin(j);
            Stopwatch.Timing t = ctx.stopwatch().time(() -> b.agent().act(obs, action));
            ctx.result("ddpg", "act " + key, "median", t.median() * 1e6, "us");
            ctx.result("ddpg", "act " + key, "best", t.best() * 1e6, "us");
            ctx.out().printf(Locale.ROOT, "act %-8s %2d/%-2d %d-%d %8.2f %8.2f%n", row.sizes(), row.obs(), row.act(),
                    row.hidden()[0], row.hidden()[1], t.median() * 1e6, t.best() * 1e6);
            ctx.out().flush();
        }
    }

    private static void train(BenchContext ctx, List<String> tasks, int[] threads, int envSteps) {
        ctx.out().printf("# train <task> threads <t> <env steps/s wall> <env steps/s CPU of the main thread>   (%d steps of"
                + " TrainingStep.take: act + noise + env step + store + 1 update, default preset)%n", envSteps);
        for (String task : tasks) {
            for (int t : threads) {
                Kernels.setThreads(t);
                double[] r = DdpgBench.trainingRates(Tasks.make(task), Presets.defaults(), envSteps);
                ctx.result("ddpg", "train " + task + " threads " + t, "wall", r[0], "env steps/s");
                ctx.out().printf(Locale.ROOT, "train %-17s threads %d %8.1f %8.1f%n", task, t, r[0], r[1]);
                ctx.out().flush();
            }
        }
    }

    private static void flat(BenchContext ctx, int blocks, int block) {
        ctx.out().printf("# flat <batch> <updates/s per block of %d updates, after %d warm-up> subnormals <n>"
                + "   (DdpgAgent.update, walker sizes, 400-300, 1 thread)%n", block, block);
        for (int batch : new int[] {64, 256}) {
            DdpgConfig c = new UpdateRow("walker", 24, 6, new int[] {400, 300}, batch).config();
            DdpgBench.Bench b = DdpgBench.Bench.of(24, 6, c);
            for (int i = 0; i < block; i++) b.update();
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < blocks; k++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < block; i++) b.update();
                sb.append(String.format(Locale.ROOT, " %.0f", block / ((System.nanoTime() - t0) * 1e-9)));
            }
            ctx.out().printf("flat batch %d updates/s%s  subnormals %d%n", batch, sb, b.subnormals());
            ctx.out().flush();
        }
    }
}
