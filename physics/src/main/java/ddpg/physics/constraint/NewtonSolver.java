package ddpg.physics.constraint;

/**
 * Solves MuJoCo's reduced primal problem (computation chapter, "Reduced primal problem") for the pyramidal cone:
 *
 * <pre>  qacc = argmin_x  1/2 (x - a0)' M (x - a0) + sum_i s_i(J_i x - aref_i),
 *         s_i(u) = 1/2 D_i u^2 if u &lt; 0 else 0      (limits, contacts, pyramid edges)</pre>
 *
 * with {@code a0 = qacc_smooth}. The cost is a convex quadratic spline, so Newton's method with an exact line search
 * finds the exact minimiser in a few steps: each step solves the quadratic of the current active set
 * ({@code H = M + J_A' D_A J_A}, dense Cholesky) and then walks along the direction through the spline's breakpoints to
 * the exact 1-D minimum. When a full step crosses no breakpoint and leaves the active set unchanged, the point is
 * the optimum (to round-off). The constraint force of row i is {@code f_i = -D_i u_i} on active rows, 0 otherwise.
 *
 * <p>All work arrays are allocated once (grown only when a step has more rows than ever before).
 */
public final class NewtonSolver {
    private final int nv;
    private final double[] x, xa, grad, dir, mx, mp, h, chol, invDiag;
    private double[] jar, jdir, bp, force;
    private boolean[] active;
    /** Nonzero columns of each Jacobian row (rows touch only the dofs on two kinematic chains). */
    private int[] nnz, cols;
    /** Whether row i's nonzero columns form one chain of the dof tree. */
    private boolean[] chain;
    private int treeSolves, denseSolves;
    private int iterations;

    /** Dof tree (dof_parentid) for the sparse factorisation, or null; ancestor bit masks when nv <= 64. */
    private final int[] parent;
    private final long[] ancestors;

    /** A solver without tree structure: always the dense Cholesky. */
    public NewtonSolver(int nv) { this(nv, null); }

    /**
     * @param dofParentid MuJoCo's {@code dof_parentid} (parent dof or -1), enabling the no-fill-in tree
     *                    factorisation ({@link TreeFactor}) whenever every active row lies on one kinematic chain
     */
    public NewtonSolver(int nv, int[] dofParentid) {
        this.nv = nv;
        this.parent = dofParentid != null && nv <= 64 ? dofParentid.clone() : null;
        this.ancestors = parent == null ? null : new long[nv];
        if (parent != null) {
            for (int k = 0; k < nv; k++) {
                long mask = 0;
                for (int j = parent[k]; j >= 0; j = parent[j]) mask |= 1L << j;
                ancestors[k] = mask;
            }
        }
        x = new double[nv]; xa = new double[nv]; grad = new double[nv]; dir = new double[nv];
        mx = new double[nv]; mp = new double[nv];
        h = new double[nv * nv]; chol = new double[nv * nv]; invDiag = new double[nv];
        ensureRows(16);
    }

    private void ensureRows(int n) {
        if (jar != null && jar.length >= n) return;
        int cap = Math.max(n, jar == null ? 0 : 2 * jar.length);
        jar = new double[cap]; jdir = new double[cap]; bp = new double[cap]; force = new double[cap];
        active = new boolean[cap];
        nnz = new int[cap];
        cols = new int[cap * nv];
        chain = new boolean[cap];
    }

    /** Newton iterations used by the last {@link #solve} (0 when there were no rows). */
    public int iterations() { return iterations; }

    /** Constraint force of row i after the last solve. */
    public double force(int i) { return force[i]; }

    /**
     * @param mass       dense joint-space inertia, nv x nv row-major
     * @param qaccSmooth unconstrained acceleration a0
     * @param rows       constraint rows (Jacobian, D, aref)
     * @param warmstart  starting guess (previous step's qacc), or null
     * @param maxIter    iteration cap (MuJoCo's opt.iterations)
     * @param qacc       out: constrained acceleration
     * @param qfrc       out: constraint force in joint space, J' f
     */
    public void solve(double[] mass, double[] qaccSmooth, Rows rows, double[] warmstart, int maxIter,
                      double[] qacc, double[] qfrc) {
        int n = rows.nefc;
        ensureRows(n);
        iterations = 0;
        if (n == 0) { // the common smooth step: no solve (one plain loop, cheaper than two library calls for few dofs)
            for (int i = 0; i < nv; i++) {
                qacc[i] = qaccSmooth[i];
                qfrc[i] = 0;
            }
            return;
        }
        indexColumns(rows);
        // start from the cheaper of warm start and unconstrained acceleration
        System.arraycopy(qaccSmooth, 0, x, 0, nv);
        if (warmstart != null && cost(mass, qaccSmooth, rows, warmstart) < cost(mass, qaccSmooth, rows, x)) {
            System.arraycopy(warmstart, 0, x, 0, nv);
        }
        residual(rows, x);
        gaussForce(mass, qaccSmooth);
        for (int it = 0; it < Math.max(1, maxIter); it++) {
            iterations = it + 1;
            gradient(rows);
            if (!hessianDirection(mass, rows)) break;   // zero gradient: already optimal
            boolean fullQuadraticStep = lineSearchAndStep(mass, qaccSmooth, rows);
            boolean sameActiveSet = residualKeepsActiveSet(rows);
            if (fullQuadraticStep && sameActiveSet) break;
        }
        System.arraycopy(x, 0, qacc, 0, nv);
        java.util.Arrays.fill(qfrc, 0, nv, 0);
        for (int i = 0; i < n; i++) {
            double f = jar[i] < 0 ? -rows.d[i] * jar[i] : 0;
            force[i] = f;
            if (f != 0) {
                int o = i * nv, co = i * nv;
                for (int p = 0; p < nnz[i]; p++) qfrc[cols[co + p]] += rows.jac[o + cols[co + p]] * f;
            }
        }
    }

    /** Value of the cost at acceleration y. */
    public double cost(double[] mass, double[] a0, Rows rows, double[] y) {
        double c = 0;
        for (int i = 0; i < nv; i++) {
            double s = 0;
            for (int k = 0; k < nv; k++) s += mass[i * nv + k] * (y[k] - a0[k]);
            c += 0.5 * (y[i] - a0[i]) * s;
        }
        for (int i = 0; i < rows.nefc; i++) {
            double u = -rows.aref[i];
            for (int k = 0; k < nv; k++) u += rows.jac[i * nv + k] * y[k];
            if (u < 0) c += 0.5 * rows.d[i] * u * u;
        }
        return c;
    }

    private void indexColumns(Rows rows) {
        for (int i = 0; i < rows.nefc; i++) {
            int o = i * nv, c = 0;
            for (int k = 0; k < nv; k++) if (rows.jac[o + k] != 0) cols[o + c++] = k;
            nnz[i] = c;
            boolean ch = ancestors != null;
            // sorted ascending, a chain iff each column is an ancestor of the next
            for (int p = 0; ch && p + 1 < c; p++) ch = (ancestors[cols[o + p + 1]] >>> cols[o + p] & 1) != 0;
            chain[i] = ch;
        }
    }

    /** How many Newton directions used the tree factorisation and how many the dense one (since construction). */
    public int treeSolves() { return treeSolves; }
    public int denseSolves() { return denseSolves; }

    /** Row i of the Jacobian times y, over its nonzero columns. */
    private double rowDot(Rows rows, int i, double[] y) {
        int o = i * nv;
        double s = 0;
        for (int p = 0; p < nnz[i]; p++) {
            int k = cols[o + p];
            s += rows.jac[o + k] * y[k];
        }
        return s;
    }

    /** jar = J x - aref and the active set at x. */
    private void residual(Rows rows, double[] y) {
        for (int i = 0; i < rows.nefc; i++) {
            double u = rowDot(rows, i, y) - rows.aref[i];
            jar[i] = u;
            active[i] = u < 0;
        }
    }

    /** After a step: recompute jar; true if no row changed its active state. */
    private boolean residualKeepsActiveSet(Rows rows) {
        boolean same = true;
        for (int i = 0; i < rows.nefc; i++) {
            double u = rowDot(rows, i, x) - rows.aref[i];
            jar[i] = u;
            boolean a = u < 0;
            if (a != active[i]) same = false;
            active[i] = a;
        }
        return same;
    }

    /** mx = M (x - a0), from scratch (once per solve; the steps keep it current). Zero at the cold start. */
    private void gaussForce(double[] mass, double[] a0) {
        boolean zero = true;
        for (int k = 0; k < nv; k++) {
            xa[k] = x[k] - a0[k];
            zero &= xa[k] == 0;
        }
        if (zero) {
            java.util.Arrays.fill(mx, 0);
            return;
        }
        for (int i = 0; i < nv; i++) {
            double s = 0;
            int o = i * nv;
            for (int k = 0; k < nv; k++) s += mass[o + k] * xa[k];
            mx[i] = s;
        }
    }

    /** grad = M (x - a0) + J_A' D_A jar_A. */
    private void gradient(Rows rows) {
        System.arraycopy(mx, 0, grad, 0, nv);
        for (int i = 0; i < rows.nefc; i++) {
            if (!active[i]) continue;
            double f = rows.d[i] * jar[i];
            int o = i * nv;
            for (int p = 0; p < nnz[i]; p++) grad[cols[o + p]] += rows.jac[o + cols[o + p]] * f;
        }
    }

    /** dir = -H^-1 grad with H = M + J_A' D_A J_A; false if the gradient is exactly zero. */
    private boolean hessianDirection(double[] mass, Rows rows) {
        boolean zero = true;
        for (int k = 0; k < nv; k++) if (grad[k] != 0) { zero = false; break; }
        if (zero) return false;
        System.arraycopy(mass, 0, h, 0, nv * nv);
        for (int i = 0; i < rows.nefc; i++) {
            if (!active[i]) continue;
            double di = rows.d[i];
            int o = i * nv;
            for (int p = 0; p < nnz[i]; p++) {     // columns ascending: (a, b) with b >= a is the upper triangle
                int a = cols[o + p];
                double s = di * rows.jac[o + a];
                int ho = a * nv;
                for (int q = p; q < nnz[i]; q++) {
                    int b = cols[o + q];
                    h[ho + b] += s * rows.jac[o + b];
                }
            }
        }
        boolean tree = ancestors != null;
        for (int i = 0; tree && i < rows.nefc; i++) if (active[i] && !chain[i]) tree = false;
        for (int k = 0; k < nv; k++) dir[k] = -grad[k];
        if (tree) {
            TreeFactor.factor(h, parent, nv);
            TreeFactor.solve(h, parent, dir, nv);
            treeSolves++;
        } else {
            Dense.choleskyUpper(h, chol, invDiag, nv);
            Dense.solveUpper(chol, invDiag, dir, nv);
            denseSolves++;
        }
        return true;
    }

    /**
     * Exact minimisation of the cost along dir (a convex piecewise quadratic in the step length) and the step.
     * Returns true if the minimum lay in the first piece, i.e. no row changed state along the step.
     */
    private boolean lineSearchAndStep(double[] mass, double[] a0, Rows rows) {
        int n = rows.nefc;
        double pMp = 0, pMx = 0;
        for (int i = 0; i < nv; i++) {
            double s = 0;
            int o = i * nv;
            for (int k = 0; k < nv; k++) s += mass[o + k] * dir[k];
            mp[i] = s;
            pMp += dir[i] * s;
            pMx += dir[i] * mx[i];
        }
        for (int i = 0; i < n; i++) {
            double v = rowDot(rows, i, dir);
            jdir[i] = v;
            bp[i] = v != 0 ? -jar[i] / v : 0;
        }
        double alpha = 0;
        boolean first = true;
        while (true) {
            // derivative of the cost along dir on the piece starting at alpha: A + B t
            double a = pMx, b = pMp, next = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double v = jdir[i];
                boolean act;
                if (v == 0) act = jar[i] < 0;
                else if (v > 0) act = alpha < bp[i];
                else act = alpha >= bp[i];
                if (act) {
                    a += rows.d[i] * jar[i] * v;
                    b += rows.d[i] * v * v;
                }
                if (v != 0 && bp[i] > alpha && bp[i] < next) next = bp[i];
            }
            double star = b > 0 ? -a / b : next;
            if (star <= next) {
                alpha = Math.max(alpha, star);
                break;
            }
            alpha = next;
            first = false;
        }
        for (int k = 0; k < nv; k++) {
            x[k] += alpha * dir[k];
            mx[k] += alpha * mp[k];      // M (x - a0) moves by alpha M dir
        }
        return first;
    }
}
