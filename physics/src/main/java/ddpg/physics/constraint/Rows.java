package ddpg.physics.constraint;

import java.util.Arrays;

/**
 * The constraint rows of one step (MuJoCo's {@code efc_*} arrays): dense Jacobian (nefc x nv, row-major),
 * residual {@code pos}, {@code margin}, impedance, regulariser R and its inverse D, reference acceleration
 * {@code aref}, the row's kind and the element it came from. Preallocated; grows only past its largest size.
 */
public final class Rows {
    public static final int LIMIT_JOINT = 0, CONTACT_FRICTIONLESS = 1, CONTACT_PYRAMIDAL = 2;

    public final int nv;
    public int nefc;
    public double[] jac, pos, margin, vel, imp, diagApprox, r, d, aref;
    public int[] type, id;

    public Rows(int nv, int capacity) {
        this.nv = nv;
        allocate(Math.max(capacity, 8));
    }

    private void allocate(int cap) {
        jac = grow(jac, cap * nv);
        pos = grow(pos, cap);
        margin = grow(margin, cap);
        vel = grow(vel, cap);
        imp = grow(imp, cap);
        diagApprox = grow(diagApprox, cap);
        r = grow(r, cap);
        d = grow(d, cap);
        aref = grow(aref, cap);
        type = type == null ? new int[cap] : Arrays.copyOf(type, cap);
        id = id == null ? new int[cap] : Arrays.copyOf(id, cap);
    }

    public int capacity() { return pos.length; }

    public void clear() { nefc = 0; }

    /** Appends a row with a zeroed Jacobian and returns its index. */
    public int add(int type, int id, double pos, double margin) {
        if (nefc == capacity()) allocate(2 * nefc);
        int i = nefc++;
        Arrays.fill(jac, i * nv, i * nv + nv, 0);
        this.type[i] = type;
        this.id[i] = id;
        this.pos[i] = pos;
        this.margin[i] = margin;
        return i;
    }

    private static double[] grow(double[] a, int n) {
        return a == null ? new double[n] : Arrays.copyOf(a, n);
    }
}
