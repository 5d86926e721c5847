package ddpg.engine.kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Picks the kernels at run time: the Vector API ones when the {@code jdk.incubator.vector} module is in the boot
 * layer, the scalar references otherwise. The switch {@code -Dddpg.kernels=...} (or, when that property is unset,
 * the environment variable {@code DDPG_KERNELS}) takes one of {@link #CHOICES}:
 * <ul>
 *   <li>{@code scalar}: the plain-Java references;</li>
 *   <li>{@code simd} (the default): Vector API kernels at the CPU's widest vector, at most 512 bits;</li>
 *   <li>{@code simd128}, {@code simd256}, {@code simd512}: Vector API kernels at exactly that width. A width wider
 *       than the CPU's still works (the Vector API emulates it in plain Java) but is many times slower.</li>
 * </ul>
 * Every path gives the same bits (see the package documentation: each reduction has one canonical order), so the
 * choice only changes speed. The width is fixed when the first SIMD kernel class loads; the scalar switch is read
 * whenever a kernel is picked.
 *
 * <p>Classes that touch {@code jdk.incubator.vector} are only loaded behind {@link #vectorAvailable()}, through
 * {@link VectorKernels}, whose methods return plain interfaces so that loading this class never needs them.
 *
 * <p>Threads: {@link #gemm()} uses {@link #threads()} threads for large products (default 1, or
 * {@code -Dddpg.threads=N}); one thread is already the fast path, more only help big matrices.
 */
public final class Kernels {
    private Kernels() {}

    /** Name of the kernel switch (system property), and its environment twin (used when the property is unset). */
    public static final String PROPERTY = "ddpg.kernels";
    public static final String ENV = "DDPG_KERNELS";
    /** The values the switch accepts. */
    public static final List<String> CHOICES = List.of("scalar", "simd", "simd128", "simd256", "simd512");
    /** System property with the default GEMM thread count. */
    public static final String THREADS_PROPERTY = "ddpg.threads";

    private static final boolean MODULE_PRESENT =
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    /** True when the incubator module is loaded (regardless of the scalar switch). */
    public static boolean vectorModulePresent() {
        return MODULE_PRESENT;
    }

    /**
     * The kernel path asked for: the system property, else the environment variable, else {@code "simd"};
     * lower-cased. An unknown value is an IllegalArgumentException naming the setting and the valid values.
     */
    public static String requested() {
        String p = System.getProperty(PROPERTY);
        String source = "-D" + PROPERTY;
        if (p == null) {
            p = System.getenv(ENV);
            source = ENV;
        }
        if (p == null || p.isBlank()) return "simd";
        return parse(p, source);
    }

    /** {@code value} lower-cased when it is one of {@link #CHOICES}; otherwise an IllegalArgumentException. */
    public static String parse(String value, String source) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!CHOICES.contains(v)) {
            throw new IllegalArgumentException(source + " expects " + String.join(", ", CHOICES) + "; got '" + value + "'");
        }
        return v;
    }

    /** The kernel path set explicitly (property or environment), or null when neither is set. */
    public static String explicitChoice() {
        String p = System.getProperty(PROPERTY);
        if (p == null) p = System.getenv(ENV);
        return p == null || p.isBlank() ? null : requested();
    }

    /** True when the scalar path was asked for explicitly. */
    public static boolean scalarRequested() {
        return requested().equals("scalar");
    }

    /** The vector width asked for in bits: 128, 256 or 512, or 0 for "the CPU's widest" (and for scalar). */
    static int requestedBits() {
        String r = requested();
        return r.startsWith("simd") && r.length() > 4 ? Integer.parseInt(r.substring(4)) : 0;
    }

    /** True when SIMD kernels are in use. */
    public static boolean vectorAvailable() {
        return MODULE_PRESENT && !scalarRequested();
    }

    /** The path in use: "scalar", or "simd" plus the vector width in bits, e.g. "simd512". */
    public static String path() {
        return vectorAvailable() ? "simd" + VectorInfo.bits() : "scalar";
    }

    /**
     * The path in use with its vector species, e.g. "simd512 (FloatVector S_512_BIT, 16 lanes)", or "scalar";
     * a width the CPU lacks says so: "simd512 (FloatVector S_512_BIT, 16 lanes; emulated, the CPU has 256 bits)".
     */
    public static String description() {
        return vectorAvailable() ? path() + " (" + VectorInfo.describe() + ")" : "scalar";
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
