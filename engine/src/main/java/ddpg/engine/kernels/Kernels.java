package ddpg.engine.kernels;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks the kernels at run time: the Vector API ones when the {@code jdk.incubator.vector} module is in the boot
 * layer, the scalar references otherwise (or when {@code -Dddpg.kernels=scalar} / {@code DDPG_KERNELS=scalar}).
 * Classes that touch {@code jdk.incubator.vector} are only loaded behind {@link #vectorAvailable()}, through
 * {@link VectorKernels}, whose methods return plain interfaces so that loading this class never needs them.
 *
 * <p>Threads: {@link #gemm()} uses {@link #threads()} threads for large products (default 1, or
 * {@code -Dddpg.threads=N}); one thread is already the fast path, more only help big matrices.
 */
public final class Kernels {
    private Kernels() {}

    /** Name of the switch that forces the scalar path (system property), and its environment twin. */
    public static final String PROPERTY = "ddpg.kernels";
    public static final String ENV = "DDPG_KERNELS";
    /** System property with the default GEMM thread count. */
    public static final String THREADS_PROPERTY = "ddpg.threads";

    private static final boolean MODULE_PRESENT =
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    /** True when the incubator module is loaded (regardless of the scalar switch). */
    public static boolean vectorModulePresent() {
        return MODULE_PRESENT;
    }

    /** True when the scalar path was asked for explicitly. */
    public static boolean scalarRequested() {
        String p = System.getProperty(PROPERTY);
        if (p == null) p = System.getenv(ENV);
        return p != null && p.trim().equalsIgnoreCase("scalar");
    }

    /** True when SIMD kernels are in use. */
    public static boolean vectorAvailable() {
        return MODULE_PRESENT && !scalarRequested();
    }

    /** "FloatVector S_512_BIT, 16 lanes" when SIMD is in use, otherwise "scalar". */
    public static String description() {
        return vectorAvailable() ? VectorInfo.describe() : "scalar";
    }

    private static volatile int threads = defaultThreads();
    private static volatile Gemm gemm;

    private static int defaultThreads() {
        Integer t = Integer.getInteger(THREADS_PROPERTY);
        return t == null || t < 1 ? 1 : t;
    }

    /** GEMM threads currently used by {@link #gemm()}. */
    public static int threads() {
        return threads;
    }

    /** Sets the GEMM thread count (1 = single-threaded, the default). */
    public static synchronized void setThreads(int t) {
        if (t < 1) throw new IllegalArgumentException("threads must be at least 1, got " + t);
        if (t != threads) {
            threads = t;
            gemm = null;
        }
    }

    /** The fastest GEMM available here: the shape-dispatching Vector API kernel (on {@link #threads()} threads), or the scalar reference. */
    public static Gemm gemm() {
        Gemm g = gemm;
        if (g == null) {
            synchronized (Kernels.class) {
                g = gemm;
                if (g == null) {
                    g = gemm(threads);
                    gemm = g;
                }
            }
        }
        return g;
    }

    /** A new GEMM on the given number of threads ({@link ScalarGemm} when SIMD is off; it ignores threads). */
    public static Gemm gemm(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        if (!vectorAvailable()) return new ScalarGemm();
        return threads == 1 ? VectorKernels.gemm() : VectorKernels.parallelGemm(threads);
    }

    /**
     * Every GEMM strategy, slowest first, for benchmarks and teaching: naive, scalar, and when SIMD is on
     * vector-row, vector-blocked, vector (the dispatcher) and, for threads > 1, vector-Nt.
     */
    public static List<Gemm> gemmVariants(int threads) {
        List<Gemm> list = new ArrayList<>();
        list.add(new NaiveGemm());
        list.add(new ScalarGemm());
        if (vectorAvailable()) {
            list.add(VectorKernels.rowGemm());
            list.add(VectorKernels.blockedGemm());
            list.add(VectorKernels.gemm());
            if (threads > 1) list.add(VectorKernels.parallelGemm(threads));
        }
        return list;
    }

    private static volatile ElementwiseKernels elementwise;

    /** The elementwise kernels in use (most callers want the static facade {@link Elementwise}). */
    public static ElementwiseKernels elementwise() {
        ElementwiseKernels e = elementwise;
        if (e == null) {
            e = vectorAvailable() ? VectorKernels.elementwise() : new ScalarElementwise();
            elementwise = e;
        }
        return e;
    }
}
