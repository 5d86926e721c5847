package ddpg.physics.smooth;

import ddpg.physics.model.Model;

/**
 * Tree-aware L^T D L factorisation of a joint-space matrix (Featherstone's "LTDL"), and solves with it.
 *
 * <p>Nonzeros of M (i, j) exist only when dof j is an ancestor of dof i (dof_parentid chain). Eliminating from the
 * leaves (highest index) towards the root touches only ancestor pairs, so there is no fill-in and the cost is
 * proportional to the sum of squared depths instead of nv^3. Storage is dense nv x nv (row-major); L (unit lower)
 * is written below the diagonal, D on it.
 */
public final class Factor {
    private Factor() {}

    /**
     * LD := factor of the lower triangle of M (M is not modified), diagInv := 1/D. Returns -1, or the first dof
     * whose pivot was not positive (M not positive definite: only a diverged state or a broken model does that;
     * the result is then garbage and the divergence check after the solve reports it, so this does not throw).
     */
    public static int factor(Model m, double[] M, double[] LD, double[] diagInv) {
        int nv = m.nv;
        int[] parent = m.dofParentid;
        System.arraycopy(M, 0, LD, 0, nv * nv);
        int bad = -1;
        for (int k = nv - 1; k >= 0; k--) {
            double dk = LD[k * nv + k];
            if (!(dk > 0) && bad < 0) bad = k;
            for (int i = parent[k]; i >= 0; i = parent[i]) {
                double a = LD[k * nv + i] / dk;
                for (int j = i; j >= 0; j = parent[j]) LD[i * nv + j] -= a * LD[k * nv + j];
                LD[k * nv + i] = a;
            }
        }
        for (int k = 0; k < nv; k++) diagInv[k] = 1 / LD[k * nv + k];
        return bad;
    }

    /** x := M^-1 x using the factor from {@link #factor}. */
    public static void solve(Model m, double[] LD, double[] diagInv, double[] x) {
        int nv = m.nv;
        int[] parent = m.dofParentid;
        // L^T z = x, leaves first
        for (int k = nv - 1; k >= 0; k--) {
            double xk = x[k];
            if (xk == 0) continue;
            for (int i = parent[k]; i >= 0; i = parent[i]) x[i] -= LD[k * nv + i] * xk;
        }
        for (int k = 0; k < nv; k++) x[k] *= diagInv[k];
        // L x = y, root first
        for (int k = 0; k < nv; k++) {
            double s = x[k];
            for (int i = parent[k]; i >= 0; i = parent[i]) s -= LD[k * nv + i] * x[i];
            x[k] = s;
        }
    }

    /** res = M x for a dense M (res may not alias x). */
    public static void mulM(int nv, double[] M, double[] x, double[] res) {
        for (int i = 0; i < nv; i++) {
            double s = 0;
            for (int j = 0; j < nv; j++) s += M[i * nv + j] * x[j];
            res[i] = s;
        }
    }
}
