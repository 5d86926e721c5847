package ddpg.rl.bench;

import ddpg.engine.kernels.Kernels;
import ddpg.engine.perf.DdpgShapedUpdate;
import ddpg.physics.env.Tasks;
import ddpg.rl.ddpg.DdpgBench;
import ddpg.rl.ddpg.DdpgConfig;
import ddpg.rl.ddpg.Presets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench ddpg}, three tables, one thread:
 * <ol>
 *   <li>{@code update}: {@code DdpgAgent.update} (replay sampling, target passes, critic step, actor step through the
 *       critic, soft target updates) on random replay data, walker (24/6) and humanoid (67/21) sizes, 256-256 and
 *       400-300 networks, batch 64 and 256; wall-clock and CPU-time rates;</li>
 *   <li>{@code train}: the end-to-end training loop (act with noise, env step, store, one update) per task, default
 *       preset, env steps per second;</li>
 *   <li>{@code flat}: the engine's shaped update in consecutive blocks with the subnormal count (flat = no slow-down
 *       as the networks age).</li>
 * </ol>
 * The peer is PyTorch's update at the same sizes ({@code torch_ddpg.py} in the team's peer tools); rl/README.md has
 * both measured in one session.
 */
public final class DdpgSuite implements BenchSuite {
    /** The tasks whose learning results the README reports. */
    static final List<String> TASKS = List.of("cartpole-swingup", "reacher-hard", "cheetah-run", "walker-run", "humanoid-walk");

    /** One row of the update table. */
    record UpdateRow(String sizes, int obs, int act, int[] hidden, int batch) {}

    /** Walker and humanoid sizes x 256-256 and 400-300 x batch 64 and 256. */
    static List<UpdateRow> updateRows() {
        List<UpdateRow> rows = new ArrayList<>();
        for (Object[] size : new Object[][] {{"walker", 24, 6}, {"humanoid", 67, 21}})
            for (int[] hidden : new int[][] {{256, 256}, {400, 300}})
                for (int batch : new int[] {64, 256})
                    rows.add(new UpdateRow((String) size[0], (int) size[1], (int) size[2], hidden, batch));
        return rows;
    }

    @Override public String name() { return "ddpg"; }

    @Override public String summary() {
        return "DDPG updates/s (walker/humanoid sizes, 256-256/400-300, batch 64/256), training env steps/s per task";
    }

    @Override
    public void run(BenchContext ctx) {
        if (ctx.quick()) runWith(ctx, updateRows(), TASKS, new int[] {64, 256}, 50, 200, 1_000, 3, 50);
        else runWith(ctx, updateRows(), TASKS, new int[] {64, 256}, 200, 1_000, 5_000, 5, 200);
    }

    /** The measurement with explicit rows and sizes, so a test can run a small part of it in seconds. */
    void runWith(BenchContext ctx, List<UpdateRow> rows, List<String> tasks, int[] flatBatches, int warmup, int updates,
                 int envSteps, int blocks, int block) {
        ctx.out().printf("# update <sizes> <obs/act> <hidden> batch <b> <updates/s wall> <updates/s CPU>   (%d updates"
                + " after %d warm-up; gemm %s)%n", updates, warmup, Kernels.gemm().name());
        for (UpdateRow row : rows) {
            DdpgConfig c = Presets.defaults();
            c.hidden = row.hidden().clone();
            c.batch = row.batch();
            double[] r = DdpgBench.measure(row.obs(), row.act(), c, warmup, updates);
            ctx.out().printf("update %-8s %2d/%-2d %d-%d batch %3d %8.1f %8.1f%n", row.sizes(), row.obs(), row.act(),
                    row.hidden()[0], row.hidden()[1], row.batch(), r[0], r[1]);
            ctx.out().flush();
        }
        ctx.out().printf("# train <task> <env steps/s wall> <env steps/s CPU>   (%d steps of act + noise + env step +"
                + " store + 1 update, default preset, after %d random steps)%n", envSteps, 1000);
        for (String task : tasks) {
            double[] r = DdpgBench.measureTraining(Tasks.make(task), Presets.defaults(), envSteps);
            ctx.out().printf("train %-17s %8.1f %8.1f%n", task, r[0], r[1]);
            ctx.out().flush();
        }
        ctx.out().printf("# flat <batch> <updates/s per block of %d updates, after %d warm-up> subnormals <n>"
                + "   (engine's shaped update, walker sizes, 400-300)%n", block, block);
        for (int batch : flatBatches) {
            DdpgShapedUpdate d = new DdpgShapedUpdate(24, 6, 400, 300, batch, 1);
            for (int i = 0; i < block; i++) d.update();   // warm-up: JIT and arena pools
            double[] rates = d.updatesPerSecondByBlock(blocks * block, block);
            StringBuilder sb = new StringBuilder();
            for (double r : rates) sb.append(String.format(" %.0f", r));
            ctx.out().printf("flat batch %d updates/s%s  subnormals %d%n", batch, sb, d.subnormalCount());
            ctx.out().flush();
        }
    }
}
