package ddpg.physics.constraint;

/** Small dense linear algebra for the solver: Cholesky factorisation and solves, row-major, in place. */
final class Dense {
    private Dense() {}

    /**
     * Lower Cholesky factor L of the symmetric positive definite matrix whose lower triangle is in {@code a}
     * (n x n); L is written to the lower triangle of {@code l}.
     */
    static void cholesky(double[] a, double[] l, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
                if (i == j) {
                    if (!(s > 0)) throw new ArithmeticException("constraint Hessian not positive definite");
                    l[i * n + i] = Math.sqrt(s);
                } else {
                    l[i * n + j] = s / l[j * n + j];
                }
            }
        }
    }

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
}
