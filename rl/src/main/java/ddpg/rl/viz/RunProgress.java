package ddpg.rl.viz;

import java.nio.file.Path;

/**
 * The curves of one training run, as read from its folder: evaluation returns (mean and std over the evaluation
 * episodes) at the steps where an evaluation happened, and training returns at the steps where an episode ended.
 *
 * @param dir         the run folder
 * @param task        task name, e.g. "walker-run"
 * @param seed        the run's seed (config.json, else the folder name), or null when unknown
 * @param evalStep    env steps of the evaluations, increasing
 * @param evalMean    mean evaluation return at each of {@code evalStep}
 * @param evalStd     std of the evaluation returns at each of {@code evalStep} (over episodes, not seeds)
 * @param trainStep   env steps at which a training episode finished, increasing
 * @param trainReturn the return of each of those episodes
 */
public record RunProgress(Path dir, String task, String seed, double[] evalStep, double[] evalMean, double[] evalStd,
                          double[] trainStep, double[] trainReturn) {

    /** The last env step this run reached (evaluation or training), 0 if none. */
    public double lastStep() {
        double last = 0;
        if (evalStep.length > 0) last = Math.max(last, evalStep[evalStep.length - 1]);
        if (trainStep.length > 0) last = Math.max(last, trainStep[trainStep.length - 1]);
        return last;
    }
}
