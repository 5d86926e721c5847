package ddpg.engine.perf;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Measures what {@code Linear.forwardConcat} buys in a DDPG update, fairly on a busy machine: the two variants run
 * in the same JVM in alternating blocks, so both see the same load, and the rate is taken from this thread's CPU time.
 * Run: {@code java --add-modules jdk.incubator.vector -cp engine/target/classes ddpg.engine.perf.ConcatComparison}.
 */
public final class ConcatComparison {
    private ConcatComparison() {}

    public static void main(String[] args) {
        DdpgShapedUpdate[] variants = {
                new DdpgShapedUpdate(24, 6, 400, 300, 64, 0, false),
                new DdpgShapedUpdate(24, 6, 400, 300, 64, 0, true)};
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[2];
        int warmRounds = 4, rounds = 24, block = 200;
        for (int round = 0; round < rounds; round++) {
            for (int v = 0; v < 2; v++) {
                long t0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < block; i++) variants[v].update();
                if (round >= warmRounds) cpu[v] += mx.getCurrentThreadCpuTime() - t0;
            }
        }
        double n = (double) (rounds - warmRounds) * block;
        System.out.printf(Locale.ROOT, "concat + linear: %.0f upd/cpu-s   forwardConcat: %.0f upd/cpu-s   (%d interleaved blocks of %d, java %s)%n",
                n / (cpu[0] * 1e-9), n / (cpu[1] * 1e-9), rounds - warmRounds, block, System.getProperty("java.version"));
    }
}
