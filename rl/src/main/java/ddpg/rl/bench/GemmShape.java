package ddpg.rl.bench;

import ddpg.engine.kernels.Gemm;

/**
 * A GEMM problem: form (nn, nt, tn) and C's size M x N with inner dimension K. Written "MxKxN" for nn, or with
 * the form in front: "nt:256x300x400" (dx = dy W^T), "tn:400x256x300" (dW = x^T dy).
 */
public record GemmShape(String form, int m, int k, int n) {
    public static GemmShape parse(String text) {
        String s = text.trim().toLowerCase(java.util.Locale.ROOT);
        String form = "nn";
        int colon = s.indexOf(':');
        if (colon >= 0) {
            form = s.substring(0, colon);
            s = s.substring(colon + 1);
        }
        String[] d = s.split("x");
        if (!(form.equals("nn") || form.equals("nt") || form.equals("tn")) || d.length != 3) throw bad(text);
        try {
            int m = Integer.parseInt(d[0]), k = Integer.parseInt(d[1]), n = Integer.parseInt(d[2]);
            if (m < 1 || k < 1 || n < 1 || (long) m * k > 1 << 28 || (long) k * n > 1 << 28 || (long) m * n > 1 << 28)
                throw bad(text);
            return new GemmShape(form, m, k, n);
        } catch (NumberFormatException e) {
            throw bad(text);
        }
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("--shape expects MxKxN with positive whole numbers, optionally with nt: or tn: "
                + "in front (e.g. 256x400x300 or nt:256x300x400), got '" + text + "'");
    }

    public double flops() {
        return 2.0 * m * k * n;
    }

    /** "256x400x300" for nn, "nt:256x300x400" otherwise. */
    @Override
    public String toString() {
        return (form.equals("nn") ? "" : form + ":") + m + "x" + k + "x" + n;
    }

    /** Runs this product once with g (C overwritten). */
    public void run(Gemm g, float[] a, float[] b, float[] c) {
        switch (form) {
            case "nn": g.nn(m, k, n, a, b, c, false); break;
            case "nt": g.nt(m, k, n, a, b, c, false); break;
            default: g.tn(m, k, n, a, b, c, false); break;
        }
    }
}
