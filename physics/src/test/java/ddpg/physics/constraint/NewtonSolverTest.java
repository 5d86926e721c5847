package ddpg.physics.constraint;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The solver's answer is the unique minimiser of the convex cost: checked against a brute-force enumeration of
 * active sets on random problems (the only set whose quadratic minimiser is consistent with it), and independent
 * of the warm start.
 */
class NewtonSolverTest {

    @Test
    void matchesBruteForceActiveSetEnumeration() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            int nv = 2 + rnd.nextInt(4), n = 1 + rnd.nextInt(6);
            double[] mass = spd(nv, rnd), a0 = vec(nv, rnd, 5);
            Rows rows = new Rows(nv, n);
            for (int i = 0; i < n; i++) {
                rows.add(Rows.CONTACT_PYRAMIDAL, i, -0.01, 0);
                for (int k = 0; k < nv; k++) rows.jac[i * nv + k] = rnd.nextGaussian();
                rows.d[i] = 0.1 + 10 * rnd.nextDouble();
                rows.r[i] = 1 / rows.d[i];
                rows.aref[i] = 5 * rnd.nextGaussian();
            }
            NewtonSolver s = new NewtonSolver(nv);
            double[] qacc = new double[nv], qfrc = new double[nv];
            s.solve(mass, a0, rows, null, 100, qacc, qfrc);
            double[] want = bruteForce(mass, a0, rows);
            assertArrayEquals(want, qacc, 1e-9 * (1 + maxAbs(want)), "trial " + trial);
            // optimality: M (qacc - a0) = J' f
            double[] lhs = mul(mass, sub(qacc, a0), nv);
            assertArrayEquals(lhs, qfrc, 1e-9 * (1 + maxAbs(lhs)));
            // any warm start gives the same optimum
            double[] qacc2 = new double[nv];
            s.solve(mass, a0, rows, vec(nv, rnd, 50), 100, qacc2, qfrc);
            assertArrayEquals(qacc, qacc2, 1e-9 * (1 + maxAbs(qacc)));
            assertTrue(s.iterations() <= 20, "iterations " + s.iterations());
        }
    }

    @Test
    void treeFactorisationGivesTheDenseAnswer() {
        // a random dof tree, a mass matrix with its sparsity (M = sum over dofs of chain vectors c c'), rows whose
        // columns lie on one chain (tree path) or span two branches (dense path)
        Random rnd = new Random(11);
        for (int trial = 0; trial < 30; trial++) {
            int nv = 3 + rnd.nextInt(8);
            int[] parent = new int[nv];
            for (int k = 0; k < nv; k++) parent[k] = k == 0 ? -1 : rnd.nextInt(k + 1) - 1;
            double[] mass = new double[nv * nv];
            for (int k = 0; k < nv; k++) {
                mass[k * nv + k] += 0.5;
                double[] c = new double[nv];
                for (int j = k; j >= 0; j = parent[j]) c[j] = rnd.nextGaussian();
                for (int a = 0; a < nv; a++) for (int b = 0; b < nv; b++) mass[a * nv + b] += c[a] * c[b];
            }
            int n = 1 + rnd.nextInt(5);
            Rows rows = new Rows(nv, n);
            for (int i = 0; i < n; i++) {
                rows.add(Rows.CONTACT_FRICTIONLESS, i, -0.01, 0);
                int leaf = rnd.nextInt(nv);
                for (int j = leaf; j >= 0; j = parent[j]) rows.jac[i * nv + j] = rnd.nextGaussian();
                if (rnd.nextInt(3) == 0) rows.jac[i * nv + rnd.nextInt(nv)] += 1;   // maybe off the chain
                rows.d[i] = 0.1 + 10 * rnd.nextDouble();
                rows.aref[i] = 5 * rnd.nextGaussian();
            }
            double[] a0 = vec(nv, rnd, 5), dense = new double[nv], tree = new double[nv], qfrc = new double[nv];
            new NewtonSolver(nv).solve(mass, a0, rows, null, 100, dense, qfrc);
            NewtonSolver t = new NewtonSolver(nv, parent);
            t.solve(mass, a0, rows, null, 100, tree, qfrc);
            assertArrayEquals(dense, tree, 1e-9 * (1 + maxAbs(dense)), "trial " + trial);
        }
    }

    @Test
    void noRowsMeansUnconstrained() {
        double[] mass = {2, 0, 0, 3}, a0 = {1, -2}, qacc = new double[2], qfrc = {9, 9};
        NewtonSolver s = new NewtonSolver(2);
        s.solve(mass, a0, new Rows(2, 1), null, 100, qacc, qfrc);
        assertArrayEquals(a0, qacc);
        assertArrayEquals(new double[]{0, 0}, qfrc);
        assertEquals(0, s.iterations());
    }

    /** Tries every active set; returns the minimiser of the one that is self-consistent. */
    static double[] bruteForce(double[] mass, double[] a0, Rows rows) {
        int nv = rows.nv, n = rows.nefc;
        double[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        NewtonSolver eval = new NewtonSolver(nv);
        for (int set = 0; set < (1 << n); set++) {
            double[] h = mass.clone(), g = mul(mass, a0, nv);
            for (int i = 0; i < n; i++) {
                if ((set >> i & 1) == 0) continue;
                for (int a = 0; a < nv; a++) {
                    g[a] += rows.jac[i * nv + a] * rows.d[i] * rows.aref[i];
                    for (int b = 0; b < nv; b++) h[a * nv + b] += rows.d[i] * rows.jac[i * nv + a] * rows.jac[i * nv + b];
                }
            }
            double[] l = new double[nv * nv];
            Dense.cholesky(h, l, nv);
            Dense.cholSolve(l, g, nv);
            double c = eval.cost(mass, a0, rows, g);
            if (c < bestCost) { bestCost = c; best = g; }
        }
        return best;
    }

    static double[] spd(int n, Random rnd) {
        double[] a = new double[n * n], m = new double[n * n];
        for (int i = 0; i < n * n; i++) a[i] = rnd.nextGaussian();
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
            double s = i == j ? 0.5 : 0;
            for (int k = 0; k < n; k++) s += a[i * n + k] * a[j * n + k];
            m[i * n + j] = s;
        }
        return m;
    }

    static double[] vec(int n, Random rnd, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = scale * rnd.nextGaussian();
        return v;
    }

    static double[] mul(double[] m, double[] v, int n) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) for (int k = 0; k < n; k++) r[i] += m[i * n + k] * v[k];
        return r;
    }

    static double[] sub(double[] a, double[] b) {
        double[] r = a.clone();
        for (int i = 0; i < r.length; i++) r[i] -= b[i];
        return r;
    }

    static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) m = Math.max(m, Math.abs(x));
        return m;
    }
}
