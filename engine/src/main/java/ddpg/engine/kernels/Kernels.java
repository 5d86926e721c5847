package ddpg.engine.kernels;

/**
 * Picks the kernels at run time: the Vector API ones when the {@code jdk.incubator.vector} module is in the boot
 * layer, the scalar references otherwise (or when {@code -Dddpg.kernels=scalar} / {@code DDPG_KERNELS=scalar}).
 * Classes that touch {@code jdk.incubator.vector} are only loaded behind {@link #vectorAvailable()}.
 */
public final class Kernels {
    private Kernels() {}

    /** Name of the switch that forces the scalar path (system property), and its environment twin. */
    public static final String PROPERTY = "ddpg.kernels";
    public static final String ENV = "DDPG_KERNELS";

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

    private static volatile Gemm gemm;

    /** The fastest GEMM available here. */
    public static Gemm gemm() {
        Gemm g = gemm;
        if (g == null) {
            g = new ScalarGemm();
            gemm = g;
        }
        return g;
    }
}
