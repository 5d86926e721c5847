package ddpg.physics.constraint;

/** Small dense linear algebra for the solver: Cholesky factorisation and solves, row-major, in place. */
final class Dense {
    private Dense() {}

    /**
     * Lower Cholesky factor L of the symmetric positive definite matrix whose lower triangle is in {@code a}
     * (n x n); L is written to the lower triangle of {@code l}, 1/L_ii to {@code invDiag}. Each entry of a row
     * waits for the previous one, so the divisions by L_jj are replaced by multiplications with 1/L_jj (division
     * latency dominated the n = 27 factorisation) and the dot products use four partial sums.
     */
    static void cholesky(double[] a, double[] l, double[] invDiag, int n) {
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            for (int j = 0; j <= i; j++) {
                int rj = j * n;
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                int k = 0;
                for (; k + 3 < j; k += 4) {
                    s0 += l[ri + k] * l[rj + k];
                    s1 += l[ri + k + 1] * l[rj + k + 1];
                    s2 += l[ri + k + 2] * l[rj + k + 2];
                    s3 += l[ri + k + 3] * l[rj + k + 3];
                }
                for (; k < j; k++) s0 += l[ri + k] * l[rj + k];
                double s = a[ri + j] - ((s0 + s1) + (s2 + s3));
                if (i == j) {
                    if (!(s > 0)) throw new ArithmeticException("constraint Hessian not positive definite");
                    l[ri + i] = Math.sqrt(s);
                    invDiag[i] = 1 / l[ri + i];
                } else {
                    l[ri + j] = s * invDiag[j];
                }
            }
        }
    }

    /** {@link #cholesky(double[], double[], double[], int)} with a scratch inverse diagonal (allocates; tests). */
    static void cholesky(double[] a, double[] l, int n) { cholesky(a, l, new double[n], n); }

    /** Solves L L' x = b in place ({@code b} becomes x). */
    static void cholSolve(double[] l, double[] b, int n) {
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) s -= l[i * n + k] * b[k];
            b[i] = s / l[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < n; k++) s -= l[k * n + i] * b[k];
            b[i] = s / l[i * n + i];
        }
    }

    /**
     * Upper Cholesky factor U (A = U'U) of the symmetric positive definite matrix whose upper triangle is in
     * {@code a} (n x n, row-major), right-looking: after each pivot the trailing rows are updated with contiguous
     * {@code row -= f * pivotRow} loops, which the JIT vectorises (measured ~25% faster than the dot-product form at
     * n = 27). U goes to the upper triangle of {@code u}, 1/U_ii to {@code invDiag}; {@code a} is not changed.
     */
    static void choleskyUpper(double[] a, double[] u, double[] invDiag, int n) {
        System.arraycopy(a, 0, u, 0, n * n);
        for (int k = 0; k < n; k++) {
            int rk = k * n;
            double p = u[rk + k];
            if (!(p > 0)) throw new ArithmeticException("constraint Hessian not positive definite");
            double d = Math.sqrt(p), id = 1 / d;
            u[rk + k] = d;
            invDiag[k] = id;
            for (int j = k + 1; j < n; j++) u[rk + j] *= id;
            for (int i = k + 1; i < n; i++) {
                double f = u[rk + i];
                if (f == 0) continue;
                int ri = i * n;
                for (int j = i; j < n; j++) u[ri + j] -= f * u[rk + j];
            }
        }
    }

    /** Solves U'U x = b in place with the factor of {@link #choleskyUpper}. */
    static void solveUpper(double[] u, double[] invDiag, double[] b, int n) {
        for (int k = 0; k < n; k++) {          // U' y = b, column by column
            double y = b[k] * invDiag[k];
            b[k] = y;
            if (y == 0) continue;
            int rk = k * n;
            for (int j = k + 1; j < n; j++) b[j] -= u[rk + j] * y;
        }
        for (int i = n - 1; i >= 0; i--) {     // U x = y
            int ri = i * n;
            double s = b[i];
            for (int j = i + 1; j < n; j++) s -= u[ri + j] * b[j];
            b[i] = s * invDiag[i];
        }
    }
}
