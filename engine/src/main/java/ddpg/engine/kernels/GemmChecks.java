package ddpg.engine.kernels;

/** Argument checks shared by every GEMM: one clear message instead of an ArrayIndexOutOfBounds deep in a kernel. */
final class GemmChecks {
    private GemmChecks() {}

    static void check(String form, int m, int k, int n, float[] a, float[] b, float[] c) {
        if (m < 0 || k < 0 || n < 0)
            throw new IllegalArgumentException("gemm " + form + ": negative size m=" + m + " k=" + k + " n=" + n);
        need(form, "A", a, (long) m * k);
        need(form, "B", b, (long) k * n);
        need(form, "C", c, (long) m * n);
    }

    static void checkBias(String form, int n, float[] bias) {
        need(form, "bias", bias, n);
    }

    private static void need(String form, String what, float[] x, long size) {
        if (x == null) throw new IllegalArgumentException("gemm " + form + ": " + what + " is null");
        if (x.length < size)
            throw new IllegalArgumentException("gemm " + form + ": " + what + " has " + x.length
                    + " floats but the shape needs " + size);
    }
}
