package ddpg.engine.kernels;

/**
 * The one door to the Vector API classes. {@link Kernels} calls these only when {@link Kernels#vectorAvailable()};
 * each returns a plain interface, so the JVM never has to load a Vector API class to check {@link Kernels}.
 */
final class VectorKernels {
    private VectorKernels() {}

    static Gemm gemm() {
        return new VectorGemm();
    }

    static Gemm rowGemm() {
        return new VectorRowGemm();
    }

    static Gemm blockedGemm() {
        return new VectorBlockedGemm();
    }

    /** One pool per thread count for the life of the JVM (its threads are daemons). */
    private static final java.util.Map<Integer, Gemm> PARALLEL = new java.util.concurrent.ConcurrentHashMap<>();

    static Gemm parallelGemm(int threads) {
        return PARALLEL.computeIfAbsent(threads, ParallelGemm::new);
    }

    static ElementwiseKernels elementwise() {
        return new VectorElementwise();
    }
}
