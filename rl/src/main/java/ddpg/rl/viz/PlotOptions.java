package ddpg.rl.viz;

/**
 * What a learning-curve picture shows besides the evaluation return (always drawn: mean line and +-1 std band).
 *
 * @param trainingCurves also draw the training return (each finished episode's {@code train_return}, mean over the
 *                       group's runs), as {@code ddpg.jar plot} and the trainer's curve.png do; the report leaves it out
 * @param smooth         moving average of each run's training return over this many episodes before the mean over
 *                       runs (1 = the raw returns)
 */
public record PlotOptions(boolean trainingCurves, int smooth) {
    /** What {@code ddpg.jar plot} and the trainer draw by default: evaluation and raw training returns. */
    public static final PlotOptions DEFAULT = new PlotOptions(true, 1);
    /** The evaluation return alone ({@code ddpg.jar report}'s curves.png). */
    public static final PlotOptions EVAL_ONLY = new PlotOptions(false, 1);

    public PlotOptions {
        if (smooth < 1) throw new IllegalArgumentException("smoothing window must be at least 1 episode, got " + smooth);
    }
}
