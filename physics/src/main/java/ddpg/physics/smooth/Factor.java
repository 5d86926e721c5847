package ddpg.physics.smooth;

import ddpg.physics.model.Model;

/**
 * Tree-aware L^T D L factorisation of a joint-space matrix (Featherstone's "LTDL"), and solves with it.
 *
 * <p>Nonzeros of M (i, j) exist only when dof j is an ancestor of dof i (dof_parentid chain). Eliminating from the
 * leaves (highest index) towards the root touches only ancestor pairs, so there is no fill-in and the cost is the
 * sum of squared depths instead of nv^3.
 *
 * <p>Storage of the factor ("tree-sparse rows", the layout of MuJoCo's qLD): row k holds, contiguously from
 * {@code adr[k]}, the entries for k itself (D[k]) and then its ancestors parent(k), parent(parent(k)), ... (L[k][.]).
 * The ancestors of an ancestor i of k are a suffix of k's row, so eliminating row k into row i is one contiguous
 * axpy. The input M is the dense nv x nv matrix of {@code Data.qM} (lower triangle read).
 */
public final class Factor {
    private final int nv;
    /** Row start, row length (1 + depth) and column index of every stored entry. */
    private final int[] adr, len, col;
    public final int nnz;

    public Factor(Model m) {
        nv = m.nv;
        adr = new int[nv];
        len = new int[nv];
        int n = 0;
        for (int k = 0; k < nv; k++) {
            adr[k] = n;
            for (int j = k; j >= 0; j = m.dofParentid[j]) len[k]++;
            n += len[k];
        }
        nnz = n;
        if (n != m.nM) {
            throw new IllegalArgumentException(m.source + ": nM = " + m.nM + " but the dof tree has " + n
                    + " ancestor pairs; the model's dof_parentid and nM disagree");
        }
        col = new int[n];
        for (int k = 0; k < nv; k++) {
            int p = adr[k];
            for (int j = k; j >= 0; j = m.dofParentid[j]) col[p++] = j;
        }
    }

    /**
     * LD := factor of M + diag(diagAdd) (diagAdd may be null), diagInv := 1/D. M is not modified. Returns -1, or
     * the first dof whose pivot was not positive (M not positive definite: only a diverged state or a broken model
     * does that; the result is then garbage, which the divergence check after the solve reports, so this does not
     * throw).
     */
    public int factor(double[] M, double[] diagAdd, double[] LD, double[] diagInv) {
        for (int k = 0; k < nv; k++) {
            int a = adr[k], rowM = k * nv;
            for (int e = 0; e < len[k]; e++) LD[a + e] = M[rowM + col[a + e]];
            if (diagAdd != null) LD[a] += diagAdd[k];
        }
        int bad = -1;
        for (int k = nv - 1; k >= 0; k--) {
            int a = adr[k], n = len[k];
            double dk = LD[a];
            if (!(dk > 0) && bad < 0) bad = k;
            double inv = 1 / dk;
            // D[k] is final here (only rows below k, eliminated already, change it): 1/D[k] is inv
            diagInv[k] = inv;
            for (int e = 1; e < n; e++) {
                int i = col[a + e];
                double s = LD[a + e] * inv;
                // row i (i and its ancestors) -= s * (entries e.. of row k)
                int ai = adr[i], ni = n - e, ak = a + e;
                if (ni == 1) LD[ai] -= s * LD[ak]; // the root-most ancestor (every row has one): no loop set-up
                else for (int t = 0; t < ni; t++) LD[ai + t] -= s * LD[ak + t];
                LD[a + e] = s;
            }
        }
        return bad;
    }

    /** x := M^-1 x using the factor from {@link #factor}. */
    public void solve(double[] LD, double[] diagInv, double[] x) {
        // L^T z = x, leaves first
        for (int k = nv - 1; k >= 0; k--) {
            double xk = x[k];
            if (xk == 0) continue;
            int a = adr[k];
            for (int e = 1; e < len[k]; e++) x[col[a + e]] -= LD[a + e] * xk;
        }
        for (int k = 0; k < nv; k++) x[k] *= diagInv[k];
        // L x = y, root first
        for (int k = 0; k < nv; k++) {
            int a = adr[k];
            double s = x[k];
            for (int e = 1; e < len[k]; e++) s -= LD[a + e] * x[col[a + e]];
            x[k] = s;
        }
    }

    /** res = M x for the dense M of Data.qM, touching only the tree's nonzeros (res may not alias x). */
    public void mulM(double[] M, double[] x, double[] res) {
        for (int i = 0; i < nv; i++) res[i] = M[i * nv + i] * x[i];
        for (int i = 0; i < nv; i++) {
            int a = adr[i], row = i * nv;
            for (int e = 1; e < len[i]; e++) {
                int j = col[a + e];
                double mij = M[row + j];
                res[i] += mij * x[j];
                res[j] += mij * x[i];
            }
        }
    }
}
