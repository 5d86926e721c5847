package ddpg.physics.smooth;

import ddpg.physics.model.Model;
import ddpg.physics.validate.PipelineFixtures;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The tree-sparse LDL against a plain dense Gaussian elimination, on matrices with each model's sparsity. */
class FactorTest {
    @Test
    void solveMatchesDenseEliminationOnTreeSparseMatrices() {
        Random rnd = new Random(42);
        for (String name : PipelineFixtures.MODELS) {
            Model m = PipelineFixtures.model(name);
            int nv = m.nv;
            Factor f = new Factor(m);
            for (int trial = 0; trial < 20; trial++) {
                double[] M = treeSpd(m, rnd);
                double[] add = new double[nv];
                for (int i = 0; i < nv; i++) add[i] = trial % 2 == 0 ? 0 : rnd.nextDouble();
                double[] LD = new double[f.nnz], dinv = new double[nv];
                assertEquals(-1, f.factor(M, add, LD, dinv));
                double[] b = new double[nv];
                for (int i = 0; i < nv; i++) b[i] = rnd.nextGaussian();
                double[] x = b.clone();
                f.solve(LD, dinv, x);
                double[] Madd = M.clone();
                for (int i = 0; i < nv; i++) Madd[i * nv + i] += add[i];
                double[] expect = denseSolve(Madd, b, nv);
                for (int i = 0; i < nv; i++) {
                    assertEquals(expect[i], x[i], 1e-10 * (1 + Math.abs(expect[i])), name + " x[" + i + "]");
                }
            }
        }
    }

    @Test
    void treeSparseProductMatchesDenseProduct() {
        Random rnd = new Random(5);
        for (String name : PipelineFixtures.MODELS) {
            Model m = PipelineFixtures.model(name);
            int nv = m.nv;
            double[] M = treeSpd(m, rnd), x = new double[nv], res = new double[nv];
            for (int i = 0; i < nv; i++) x[i] = rnd.nextGaussian();
            new Factor(m).mulM(M, x, res);
            for (int i = 0; i < nv; i++) {
                double s = 0;
                for (int j = 0; j < nv; j++) s += M[i * nv + j] * x[j];
                assertEquals(s, res[i], 1e-12 * (1 + Math.abs(s)), name + " (Mx)[" + i + "]");
            }
        }
    }

    @Test
    void storageIsOneEntryPerDofAncestorPair() {
        // humanoid: 6 free-joint dofs in a chain, then hinge chains hanging from the torso
        Model m = PipelineFixtures.model("humanoid");
        int expect = 0;
        for (int k = 0; k < m.nv; k++) for (int j = k; j >= 0; j = m.dofParentid[j]) expect++;
        assertEquals(expect, new Factor(m).nnz);
        assertEquals(m.nM, expect, "same count as MuJoCo's sparse qM (nM)");
        assertEquals(m.nM, new ddpg.physics.model.Data(m).qLD.length);
    }

    @Test
    void nonPositivePivotIsReported() {
        Model m = PipelineFixtures.model("cartpole");
        Factor f = new Factor(m);
        assertEquals(1, f.factor(new double[]{1, 0, 0, 0}, null, new double[f.nnz], new double[2]));
        assertEquals(-1, f.factor(new double[]{2, 1, 1, 2}, null, new double[f.nnz], new double[2]));
    }

    /** A random symmetric positive-definite matrix with nonzeros only at (i, ancestor of i) and (ancestor, i). */
    static double[] treeSpd(Model m, Random rnd) {
        int nv = m.nv;
        // M = L^T W L with L unit lower on the ancestor pattern keeps the pattern (no fill-in by construction)
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
