package ddpg.rl.viz;

/** Tiny 3-vector helpers for camera setup (the per-pixel code works on scalars, not arrays). */
final class Vec {
    private Vec() {}

    static double[] add(double[] a, double[] b) { return new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]}; }

    static double[] sub(double[] a, double[] b) { return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]}; }

    static double[] scale(double[] a, double s) { return new double[] {a[0] * s, a[1] * s, a[2] * s}; }

    static double dot(double[] a, double[] b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

    static double norm(double[] a) { return Math.sqrt(dot(a, a)); }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static double[] normalize(double[] a) {
        double n = norm(a);
        if (!(n > 0)) throw new IllegalArgumentException("zero-length direction");
        return scale(a, 1 / n);
    }
}
