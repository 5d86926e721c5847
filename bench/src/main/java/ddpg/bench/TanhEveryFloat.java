package ddpg.bench;

import ddpg.engine.kernels.Elementwise;
import ddpg.engine.kernels.ElementwiseKernels;
import ddpg.engine.kernels.Kernels;

/**
 * The engine's tanh against {@code (float) StrictMath.tanh} on every float from +0 to +infinity, and tanh(-x) =
 * -tanh(x) on each: prints how many differ. Too long for a unit test (about 40 CPU-seconds; FloatTanhTest samples
 * instead), so it is run by hand after any change to the kernel:
 *
 * <pre>java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar ddpg.bench.TanhEveryFloat</pre>
 */
public final class TanhEveryFloat {
    private static final int CHUNK = 4096;
    private static final long LAST = Float.floatToRawIntBits(Float.POSITIVE_INFINITY);

    public static void main(String[] args) throws InterruptedException {
        ElementwiseKernels kernels = Kernels.elementwise();
        int threads = Runtime.getRuntime().availableProcessors();
        long[] differ = new long[threads], odd = new long[threads];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers[t] = new Thread(() -> {
                float[] x = new float[CHUNK], neg = new float[CHUNK], y = new float[CHUNK], yNeg = new float[CHUNK];
                for (long first = (long) id * CHUNK; first <= LAST; first += (long) threads * CHUNK) {
                    int n = (int) Math.min(CHUNK, LAST + 1 - first);
                    for (int i = 0; i < n; i++) {
                        x[i] = Float.intBitsToFloat((int) (first + i));
                        neg[i] = -x[i];
                    }
                    kernels.tanh(x, y, 0, n);
                    kernels.tanh(neg, yNeg, 0, n);
                    for (int i = 0; i < n; i++) {
                        int got = Float.floatToRawIntBits(y[i]);
                        if (got != Float.floatToRawIntBits((float) StrictMath.tanh(x[i]))) differ[id]++;
                        if (Float.floatToRawIntBits(yNeg[i]) != (got ^ 0x80000000)) odd[id]++;
                    }
                }
            });
            workers[t].start();
        }
        long differs = 0, odds = 0;
        for (int t = 0; t < threads; t++) {
            workers[t].join();
            differs += differ[t];
            odds += odd[t];
        }
        System.out.printf("tanh on %s, %d floats in [+0, +inf]: %d differ from (float) StrictMath.tanh, %d break"
                + " tanh(-x) = -tanh(x)%n", Kernels.description(), LAST + 1, differs, odds);
        if (differs + odds > 0) System.exit(1);
    }
}
