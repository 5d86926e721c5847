package ddpg.rl.viz;

/** Trailing moving average, for the noisy per-episode training return. */
final class Smoothing {
    private Smoothing() {}

    /**
     * {@code out[i]} = mean of {@code ys[max(0, i - k + 1)] .. ys[i]}: the last {@code k} episodes up to and including
     * episode i (fewer at the start, so the curve begins at the first episode). {@code k <= 1} returns a copy.
     */
    static double[] trailing(double[] ys, int k) {
        double[] out = new double[ys.length];
        for (int i = 0; i < ys.length; i++) {
            int from = Math.max(0, i - Math.max(1, k) + 1);
            double sum = 0;
            for (int j = from; j <= i; j++) sum += ys[j];
            out[i] = sum / (i - from + 1);
        }
        return out;
    }
}
