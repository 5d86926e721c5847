package ddpg.rl.bench;

import ddpg.engine.kernels.Kernels;
import ddpg.engine.perf.DdpgShapedUpdate;

/**
 * {@code bench ddpg}: full DDPG updates (target forward, critic step, actor step through the critic, soft target
 * updates) with the engine's {@link DdpgShapedUpdate} at walker sizes (24 observations, 6 actions, 400-300
 * networks), batch 64 and 256: updates per second in consecutive blocks (flat = no slow-down as the networks age,
 * e.g. from float subnormals) and the number of subnormal values left in weights and optimizer state. The long
 * 20,000-update flatness run is {@code DdpgShapedUpdate.main} (see engine/README.md).
 */
public final class DdpgSuite implements BenchSuite {
    @Override public String name() { return "ddpg"; }

    @Override public String summary() { return "DDPG updates per second (walker sizes, batch 64 and 256), block by block"; }

    @Override
    public void run(BenchContext ctx) {
        int blocks = ctx.quick() ? 3 : 5, block = ctx.quick() ? 50 : 200;
        ctx.out().printf("# ddpg <batch> <updates/s per block of %d updates, after %d warm-up updates> (gemm %s)%n",
                block, block, Kernels.gemm().name());
        for (int batch : new int[] {64, 256}) {
            DdpgShapedUpdate d = new DdpgShapedUpdate(24, 6, 400, 300, batch, 1);
            for (int i = 0; i < block; i++) d.update();   // warm-up: JIT and arena pools
            double[] rates = d.updatesPerSecondByBlock(blocks * block, block);
            StringBuilder sb = new StringBuilder();
            for (double r : rates) sb.append(String.format(" %.0f", r));
            ctx.out().printf("ddpg walker batch %d updates/s%s  subnormals %d%n", batch, sb, d.subnormalCount());
            ctx.out().flush();
        }
    }
}
