/**
 * The number crunching under the engine: matrix multiply (GEMM) and elementwise kernels, each with a plain scalar
 * reference and a Vector API (SIMD) version that is tested against it.
 *
 * <h2>Using them</h2>
 * <pre>
 *   Gemm g = Kernels.gemm();                 // fastest available: "vector" (SIMD) or "scalar" (no module)
 *   g.nn(m, k, n, a, b, c, false);           // C = A B         (forward:  y  = x W)
 *   g.nt(m, k, n, a, b, c, true);            // C += A B^T      (backward: dx += dy W^T)
 *   g.tn(m, k, n, a, b, c, true);            // C += A^T B      (backward: dW += x^T dy)
 *   Elementwise.relu(x, out, n);             // and add, axpy, addRowVector, columnSums, tanh, adamStep, ...
 *   Kernels.setThreads(2);                   // optional: big products on 2 threads (default 1)
 * </pre>
 *
 * <h2>The GEMM strategies, slowest to fastest (all in this package, all benchmarked in bench/)</h2>
 * <ol>
 *   <li>{@link ddpg.engine.kernels.NaiveGemm}: the textbook triple loop, one dot product per output; walks B
 *       down a column, a new cache line per multiply.</li>
 *   <li>{@link ddpg.engine.kernels.ScalarGemm}: the same arithmetic with the loops reordered so the inner loop
 *       walks rows; the reference every other kernel is tested against.</li>
 *   <li>{@code VectorRowGemm}: ScalarGemm's inner loop in SIMD ("row-FMA"). Each FMA also loads B and loads and
 *       stores C, so the load/store ports, not the FMA units, set the speed.</li>
 *   <li>{@code VectorBlockedGemm}: an 8 x 32 tile of C kept in 16 vector registers through the whole k loop
 *       (register blocking), B packed into the order the tile reads it, K and N cut into blocks that fit L1 and
 *       L2 (cache blocking). FMA-bound: close to the machine's peak.</li>
 *   <li>{@code VectorGemm}: picks per shape (matrix-vector products for one output column, the row kernel for
 *       one to three rows, the blocked kernel otherwise); this is what {@link ddpg.engine.kernels.Kernels#gemm()}
 *       returns. {@code ParallelGemm} splits it across threads by column (or row) blocks.</li>
 * </ol>
 *
 * <h2>Running without the Vector API</h2>
 * Classes that import {@code jdk.incubator.vector} are reached only through {@code VectorKernels}, and only when
 * {@link ddpg.engine.kernels.Kernels#vectorAvailable()}; without the module (or with {@code -Dddpg.kernels=scalar})
 * everything runs on the scalar references.
 */
package ddpg.engine.kernels;
