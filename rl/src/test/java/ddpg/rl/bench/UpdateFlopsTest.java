package ddpg.rl.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ddpg.engine.kernels.Gemm;
import ddpg.engine.kernels.Kernels;
import ddpg.rl.ddpg.DdpgConfig;
import ddpg.rl.ddpg.Presets;
import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/** The counted FLOPs of one update equal the matrix products the engine really runs in it. */
class UpdateFlopsTest {
    /** Wraps the engine's GEMM and adds 2 m k n per call. */
    private static final class CountingGemm implements Gemm {
        final Gemm inner;
        long flops;

        CountingGemm(Gemm inner) {
            this.inner = inner;
        }

        @Override public void nn(int m, int k, int n, float[] a, float[] b, float[] c, boolean acc) {
            flops += 2L * m * k * n;
            inner.nn(m, k, n, a, b, c, acc);
        }

        @Override public void nt(int m, int k, int n, float[] a, float[] b, float[] c, boolean acc) {
            flops += 2L * m * k * n;
            inner.nt(m, k, n, a, b, c, acc);
        }

        @Override public void tn(int m, int k, int n, float[] a, float[] b, float[] c, boolean acc) {
            flops += 2L * m * k * n;
            inner.tn(m, k, n, a, b, c, acc);
        }

        @Override public String name() {
            return "counting";
        }
    }

    /** Runs one update with the counting GEMM installed where {@link Kernels#gemm()} keeps its instance. */
    private static long measured(int obs, int act, DdpgConfig c) throws Exception {
        DdpgBench.Bench b = DdpgBench.Bench.of(obs, act, c);
        Field f = Kernels.class.getDeclaredField("gemm");
        f.setAccessible(true);
        Object before = f.get(null);
        CountingGemm counting = new CountingGemm(Kernels.gemm());
        f.set(null, counting);
        try {
            b.update();
        } finally {
            f.set(null, before);
        }
        return counting.flops;
    }

    @Test
    void theCountMatchesTheProductsRun() throws Exception {
        DdpgConfig small = Presets.defaults();
        small.hidden = new int[] {32, 16};
        small.batch = 8;
        DdpgConfig paper = Presets.paper();
        paper.hidden = new int[] {40, 30};
        paper.batch = 16;
        DdpgConfig bn = paper.copy();
        bn.batchNorm = true;
        DdpgConfig bnFirst = small.copy();
        bnFirst.batchNorm = true;
        DdpgConfig deep = Presets.defaults();
        deep.hidden = new int[] {20, 24, 12};
        deep.actionLayer = 3;
        deep.batch = 4;
        for (DdpgConfig c : new DdpgConfig[] {small, paper, bn, bnFirst, deep}) {
            assertEquals(measured(24, 6, c), UpdateFlops.of(24, 6, c), "hidden " + java.util.Arrays.toString(c.hidden)
                    + " action layer " + c.actionLayer + " batch norm " + c.batchNorm);
        }
    }
}
