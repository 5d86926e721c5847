package ddpg.engine.perf;

import ddpg.engine.kernels.Gemm;
import ddpg.engine.kernels.Kernels;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The GEMM calls one {@link DdpgShapedUpdate} makes, replayed alone: the floor that the kernels set for an update,
 * to compare with the whole update's time (everything above it is elementwise work, optimizer and overhead).
 * Run: {@code java --add-modules jdk.incubator.vector -cp engine/target/classes ddpg.engine.perf.UpdateGemms}.
 */
public final class UpdateGemms {
    private UpdateGemms() {}

    /** {form, m, k, n} of every product in one update (actor BN net, critic with linearOfConcat, critic frozen in the actor step). */
    static int[][] calls(int obs, int act, int h1, int h2, int b) {
        final int NN = 0, NT = 1, TN = 2;
        return new int[][] {
                // target actor + target critic forward
                {NN, b, obs, h1}, {NN, b, h1, h2}, {NN, b, h2, act}, {NN, b, obs, h1}, {NN, b, h1 + act, h2}, {NN, b, h2, 1},
                // critic forward, backward (no dX for the first layer: the state needs no gradient)
                {NN, b, obs, h1}, {NN, b, h1 + act, h2}, {NN, b, h2, 1},
                {NT, b, 1, h2}, {TN, h2, b, 1}, {NT, b, h2, h1}, {TN, h1 + act, b, h2}, {TN, obs, b, h1},
                // actor forward, critic forward, backward through the frozen critic into the action, actor backward
                {NN, b, obs, h1}, {NN, b, h1, h2}, {NN, b, h2, act}, {NN, b, obs, h1}, {NN, b, h1 + act, h2}, {NN, b, h2, 1},
                {NT, b, 1, h2}, {NT, b, h2, act},       // only the action's columns of the critic's input
                {NT, b, act, h2}, {TN, h2, b, act}, {NT, b, h2, h1}, {TN, h1, b, h2}, {TN, obs, b, h1},
        };
    }

    /** Seconds of this thread's CPU time per update spent in GEMM, and the FLOPs per update. */
    public static double[] measure(int obs, int act, int h1, int h2, int batch, int reps) {
        int[][] calls = calls(obs, act, h1, h2, batch);
        int max = 0;
        for (int[] c : calls) max = Math.max(max, Math.max(c[1] * c[2], Math.max(c[2] * c[3], c[1] * c[3])));
        float[] a = new float[max], b = new float[max], c = new float[max];
        java.util.Arrays.fill(a, 0.01f);
        java.util.Arrays.fill(b, 0.02f);
        Gemm g = Kernels.gemm();
        double flops = 0;
        for (int[] call : calls) flops += 2.0 * call[1] * call[2] * call[3];
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int warm = 0; warm < 2; warm++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (int r = 0; r < reps; r++) {
                for (int[] call : calls) {
                    switch (call[0]) {
                        case 0: g.nn(call[1], call[2], call[3], a, b, c, false); break;
                        case 1: g.nt(call[1], call[2], call[3], a, b, c, false); break;
                        default: g.tn(call[1], call[2], call[3], a, b, c, false); break;
                    }
                }
            }
            if (warm == 1) return new double[] {(mx.getCurrentThreadCpuTime() - t0) * 1e-9 / reps, flops};
        }
        throw new AssertionError();
    }

    public static void main(String[] args) {
        double[] r = measure(24, 6, 400, 300, 64, 2000);
        System.out.printf(Locale.ROOT, "gemm only (walker, batch 64, 400-300, %s): %.3f ms/update, %.1f MFLOP/update, %.1f GFLOP/s, %.0f updates/cpu-s%n",
                Kernels.gemm().name(), r[0] * 1e3, r[1] / 1e6, r[1] / r[0] / 1e9, 1 / r[0]);
    }
}
