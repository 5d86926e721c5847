package ddpg.physics.constraint;

/**
 * Factorisation {@code H = L' D L} of a symmetric matrix with the sparsity of a kinematic tree: H[i][k] may be
 * nonzero only when dof i is an ancestor of dof k (or i == k). The joint-space inertia M has this pattern, and so
 * has {@code M + J' D J} when every row of J touches the dofs of a single chain (contacts with the world, joint
 * limits). Eliminating from the leaves up creates no fill-in (Featherstone, Rigid Body Dynamics Algorithms, 6.3,
 * "LTDL"), so the cost is the sum over dofs of their depth squared instead of nv^3/6.
 *
 * <p>Storage: the dense row-major n x n array whose upper triangle holds H (entry (ancestor i, dof k), i &lt; k, at
 * {@code h[i*n + k]}); the factor overwrites it in place (L's entry (k, i) at {@code h[i*n + k]}, D on the diagonal).
 */
final class TreeFactor {
    private TreeFactor() {}

    /** In-place L'DL of the tree-patterned matrix in {@code h}'s upper triangle; parent[k] &lt; k or -1. */
    static void factor(double[] h, int[] parent, int n) {
        for (int k = n - 1; k >= 0; k--) {
            double dk = h[k * n + k];
            if (!(dk > 0)) throw new ArithmeticException("constraint Hessian not positive definite");
            for (int i = parent[k]; i >= 0; i = parent[i]) {
                double a = h[i * n + k] / dk;
                // H[i][j] -= a * H[k][j] for j = i and the ancestors of i (all are ancestors of k too)
                for (int j = i; j >= 0; j = parent[j]) h[j * n + i] -= a * h[j * n + k];
                h[i * n + k] = a;
            }
        }
    }

    /** Solves (L' D L) x = b in place with the factor of {@link #factor}. */
    static void solve(double[] h, int[] parent, double[] b, int n) {
        for (int k = n - 1; k >= 0; k--) {          // L' z = b
            double bk = b[k];
            if (bk == 0) continue;
            for (int j = parent[k]; j >= 0; j = parent[j]) b[j] -= h[j * n + k] * bk;
        }
        for (int k = 0; k < n; k++) b[k] /= h[k * n + k];
        for (int k = 0; k < n; k++) {               // L x = z
            double s = b[k];
            for (int j = parent[k]; j >= 0; j = parent[j]) s -= h[j * n + k] * b[j];
            b[k] = s;
        }
    }
}
