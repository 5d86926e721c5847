package ddpg.physics.smooth;

import ddpg.physics.model.Model;
import ddpg.physics.validate.PipelineFixtures;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tree-aware LDL against a plain dense Gaussian elimination, on matrices with each model's sparsity. */
class FactorTest {
    @Test
    void solveMatchesDenseEliminationOnTreeSparseMatrices() {
        Random rnd = new Random(42);
        for (String name : PipelineFixtures.MODELS) {
            Model m = PipelineFixtures.model(name);
            int nv = m.nv;
            for (int trial = 0; trial < 20; trial++) {
                double[] M = treeSpd(m, rnd);
                double[] LD = new double[nv * nv], dinv = new double[nv];
                Factor.factor(m, M, LD, dinv);
                double[] b = new double[nv];
                for (int i = 0; i < nv; i++) b[i] = rnd.nextGaussian();
                double[] x = b.clone();
                Factor.solve(m, LD, dinv, x);
                double[] expect = denseSolve(M, b, nv);
                for (int i = 0; i < nv; i++) {
                    assertEquals(expect[i], x[i], 1e-10 * (1 + Math.abs(expect[i])), name + " x[" + i + "]");
                }
                // M x reproduces b
                double[] mx = new double[nv];
                Factor.mulM(nv, M, x, mx);
                double scale = 0;
                for (int i = 0; i < nv * nv; i++) scale = Math.max(scale, Math.abs(M[i]));
                for (int i = 0; i < nv; i++) scale = Math.max(scale, Math.abs(x[i]) * scale);
                for (int i = 0; i < nv; i++) assertEquals(b[i], mx[i], 1e-13 * nv * (1 + scale), name + " (M x)[" + i + "]");
            }
        }
    }

    @Test
    void factorDoesNotFillInOutsideTheAncestorPattern() {
        Model m = PipelineFixtures.model("humanoid");
        double[] M = treeSpd(m, new Random(7));
        double[] LD = new double[m.nv * m.nv];
        Factor.factor(m, M, LD, new double[m.nv]);
        for (int i = 0; i < m.nv; i++) {
            for (int j = 0; j < i; j++) {
                if (!isAncestor(m, j, i)) assertEquals(0.0, LD[i * m.nv + j], "L[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void nonPositivePivotIsReported() {
        Model m = PipelineFixtures.model("cartpole");
        assertEquals(1, Factor.factor(m, new double[]{1, 0, 0, 0}, new double[4], new double[2]));
        assertEquals(-1, Factor.factor(m, new double[]{2, 1, 1, 2}, new double[4], new double[2]));
    }

    /** A random symmetric positive-definite matrix with nonzeros only at (i, ancestor of i). */
    static double[] treeSpd(Model m, Random rnd) {
        int nv = m.nv;
        // M = A^T A + I with A's row i supported on i and its ancestors keeps the pattern (L^T D L structure)
        double[] L = new double[nv * nv];
        for (int i = 0; i < nv; i++) {
            L[i * nv + i] = 1;
            for (int j = m.dofParentid[i]; j >= 0; j = m.dofParentid[j]) L[i * nv + j] = 0.3 * rnd.nextGaussian();
        }
        double[] M = new double[nv * nv];
        for (int i = 0; i < nv; i++) {
            for (int j = 0; j < nv; j++) {
                double s = 0;
                for (int k = 0; k < nv; k++) s += L[k * nv + i] * (0.5 + k % 3) * L[k * nv + j];
                M[i * nv + j] = s;
            }
        }
        return M;
    }

    private static boolean isAncestor(Model m, int j, int i) {
        for (int k = m.dofParentid[i]; k >= 0; k = m.dofParentid[k]) if (k == j) return true;
        return false;
    }

    private static double[] denseSolve(double[] M, double[] b, int n) {
        double[] a = M.clone(), x = b.clone();
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(a[r * n + c]) > Math.abs(a[p * n + c])) p = r;
            for (int k = 0; k < n; k++) {
                double t = a[c * n + k]; a[c * n + k] = a[p * n + k]; a[p * n + k] = t;
            }
            double t = x[c]; x[c] = x[p]; x[p] = t;
            for (int r = c + 1; r < n; r++) {
                double f = a[r * n + c] / a[c * n + c];
                for (int k = c; k < n; k++) a[r * n + k] -= f * a[c * n + k];
                x[r] -= f * x[c];
            }
        }
        for (int r = n - 1; r >= 0; r--) {
            double s = x[r];
            for (int k = r + 1; k < n; k++) s -= a[r * n + k] * x[k];
            x[r] = s / a[r * n + r];
        }
        return x;
    }
}
