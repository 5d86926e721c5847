/**
 * The number crunching under the engine: matrix multiply (GEMM) and elementwise kernels, each with a plain scalar
 * reference and a Vector API (SIMD) version that is tested against it.
 *
 * <h2>Using them</h2>
 * <pre>
 *   Gemm g = Kernels.gemm();                 // fastest available: "vector" (SIMD) or "scalar"; same bits either way
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
 *       one to three rows, {@code NarrowGemm}'s 8-lane rows for 2 to 8 columns when vectors have 16 lanes (JDK 25+), the
 *       blocked kernel otherwise); this is what {@link ddpg.engine.kernels.Kernels#gemm()}
 *       returns. {@code ParallelGemm} splits it across threads by column (or row) blocks; {@code Parallel} splits
 *       elementwise and optimizer passes, and runs independent pieces of work side by side ({@code alongside}).</li>
 * </ol>
 *
 * <h2>The same bits on any CPU</h2>
 * Every kernel computes in one canonical order that no vector width, shape dispatch or thread split changes, so the
 * scalar references and the SIMD kernels at 128, 256 and 512 bits give identical bits:
 * <ul>
 *   <li>GEMM: for each output and each K block (at most 512, fixed by K alone), one chain of fused multiply-adds
 *       along the block in order from +0, then added to C ({@link ddpg.engine.kernels.Gemm}); scalar code uses
 *       {@link java.lang.Math#fma} wherever a vector fuses.</li>
 *   <li>sum and dot: 16 partial sums (element i into partial i mod 16), folded by a fixed tree, then the tail in
 *       order ({@link ddpg.engine.kernels.ScalarElementwise#PARTIALS}); 512-bit vectors hold the 16 partials in one
 *       register, 256-bit in two, 128-bit in four.</li>
 *   <li>column sums: row by row for each column; elementwise kernels: the same IEEE operation per element on every
 *       path (multiply-then-add where the reference multiplies and adds); tanh: {@link ddpg.engine.kernels.FloatTanh},
 *       plain IEEE operations in double.</li>
 * </ul>
 * {@code CrossWidthBitsTest} runs every kernel in four JVMs (scalar, simd128, simd256, simd512) and compares the bits.
 *
 * <h2>Choosing the path</h2>
 * {@code -Dddpg.kernels=scalar|simd|simd128|simd256|simd512} (or the environment variable {@code DDPG_KERNELS});
 * {@code simd}, the default, is the CPU's widest vector up to 512 bits. A width the CPU lacks runs emulated, slowly.
 * Classes that import {@code jdk.incubator.vector} are reached only through {@code VectorKernels}, and only when
 * {@link ddpg.engine.kernels.Kernels#vectorAvailable()}; without the module (or with {@code -Dddpg.kernels=scalar})
 * everything runs on the scalar references.
 */
package ddpg.engine.kernels;
