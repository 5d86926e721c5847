package ddpg.engine.kernels;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jdk.incubator.vector.FloatVector;

/**
 * Run by {@link JitDeterminismTest} in a child JVM with {@code -Xbatch -XX:+PrintCompilation} and this class
 * excluded from compilation. For each kernel it prints {@code cold <name> <bits>} from the very first call,
 * {@value #WARM_CALLS} calls later {@code warm <name> <bits>}, and for two of them the scalar reference. This class
 * stays interpreted, so every warm call enters the kernel's own compiled code, and {@code -Xbatch} makes each call
 * that triggers a compilation wait until it is installed: a compilation the log shows before a {@code warm} line
 * is the code that computed it.
 */
public final class ColdWarmDigest {
    /** Calls per kernel: well past HotSpot's tier-4 thresholds (5,000 calls, or 15,000 calls plus loop iterations). */
    static final int WARM_CALLS = 30_000;

    /** Each kernel, and the methods that compute it as -XX:+PrintCompilation names them (rowDots is too big to inline). */
    static final Map<String, List<String>> KERNELS = new LinkedHashMap<>();

    static {
        KERNELS.put("lanes", List.of("ddpg.engine.kernels.Lanes::sum"));
        KERNELS.put("gemm", List.of("ddpg.engine.kernels.VectorGemm::nn", "ddpg.engine.kernels.VectorGemm::rowDots"));
        KERNELS.put("sum", List.of("ddpg.engine.kernels.VectorElementwise::sum"));
        KERNELS.put("dot", List.of("ddpg.engine.kernels.VectorElementwise::dot"));
        KERNELS.put("tanh", List.of("ddpg.engine.kernels.VectorElementwise::tanh", "ddpg.engine.kernels.FloatTanh::tanh"));
    }

    private static final int M = 37, K = 300, N = 1003, T = 100; // gemm n = 1: the critic's output layer, the row-dot path
    private static final float[] LANES = new float[VectorInfo.SPECIES.length()], A = new float[M * K], B = new float[K];
    private static final float[] C = new float[M], TANH = new float[T];
    private static FloatVector v;
    private static final Gemm GEMM = VectorKernels.gemm();
    private static final VectorElementwise E = new VectorElementwise();

    public static void main(String[] args) {
        Random r = new Random(11);
        for (int i = 0; i < LANES.length; i++) LANES[i] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(7) - 3));
        v = FloatVector.fromArray(VectorInfo.SPECIES, LANES, 0);
        for (int i = 0; i < A.length; i++) A[i] = (float) r.nextGaussian();
        for (int i = 0; i < B.length; i++) B[i] = (float) r.nextGaussian();
        for (String kernel : KERNELS.keySet()) {
            System.out.println("cold " + kernel + " " + bits(call(kernel)));
            for (int i = 1; i < WARM_CALLS; i++) call(kernel);
            System.out.println("warm " + kernel + " " + bits(call(kernel)));
        }
        System.out.println("reference lanes " + bits(new float[] {Lanes.referenceSum(LANES)}));
        float[] strict = new float[T];
        for (int i = 0; i < T; i++) strict[i] = (float) StrictMath.tanh(A[i]);
        System.out.println("reference tanh " + bits(strict));
    }

    /** One call of a kernel (no lambdas: a lambda's class could be compiled, and inline the kernel into itself). */
    private static float[] call(String kernel) {
        switch (kernel) {
            case "lanes": return new float[] {Lanes.sum(v)};
            case "gemm":
                GEMM.nn(M, K, 1, A, B, C, false);
                return C;
            case "sum": return new float[] {E.sum(A, N)};   // N ragged: the tail too
            case "dot": return new float[] {E.dot(A, A, N)};
            case "tanh":
                E.tanh(A, TANH, T);
                return TANH;
            default: throw new IllegalArgumentException(kernel);
        }
    }

    private static String bits(float[] x) {
        StringBuilder sb = new StringBuilder();
        for (float f : x) sb.append(Integer.toHexString(Float.floatToRawIntBits(f))).append(',');
        return sb.toString();
    }
}
