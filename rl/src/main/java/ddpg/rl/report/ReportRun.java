package ddpg.rl.report;

import ddpg.rl.viz.RunProgress;
import java.nio.file.Path;
import java.util.Map;

/**
 * One run folder as the report sees it.
 *
 * @param dir          the folder
 * @param given        its path as the user would write it (matched by --label)
 * @param name         its name in the outputs: the folder name, or as many trailing folders as make it unique
 * @param task         config.json "task" (else from the folder name)
 * @param seed         config.json run.seed (else from the folder name), or null
 * @param settings     the settings that define a group ({@link GroupSettings})
 * @param version      config.json "version" ("?" when missing)
 * @param commit       config.json "commit" ("?" when missing)
 * @param plannedSteps config.json run.steps, the budget (-1 when missing)
 * @param state        finished, running or stopped
 * @param progress     its progress.csv, or null when it has logged nothing yet
 */
public record ReportRun(Path dir, String given, String name, String task, Long seed, Map<String, String> settings,
                        String version, String commit, long plannedSteps, RunState state, RunProgress progress) {

    ReportRun withName(String newName) {
        return new ReportRun(dir, given, newName, task, seed, settings, version, commit, plannedSteps, state, progress);
    }

    /** Env steps done: the last env_step progress.csv logged (0 before the first row). */
    public long stepsDone() {
        return progress == null ? 0 : (long) progress.lastStep();
    }

    /** The step of the last evaluation, or -1 before the first. */
    public long lastEvalStep() {
        if (progress == null || progress.evalStep().length == 0) return -1;
        return (long) progress.evalStep()[progress.evalStep().length - 1];
    }

    /** The last evaluation return, or NaN before the first. */
    public double lastEval() {
        if (progress == null || progress.evalStep().length == 0) return Double.NaN;
        return progress.evalMean()[progress.evalMean().length - 1];
    }

    /**
     * The run's value at step {@code s}: its evaluation at the largest evaluation step at or below {@code s}, only
     * if its evaluations reached {@code s} (last evaluation step >= s); NaN otherwise.
     */
    public double valueAt(long s) {
        if (lastEvalStep() < s) return Double.NaN;
        double[] steps = progress.evalStep(), values = progress.evalMean();
        double v = Double.NaN;
        for (int i = 0; i < steps.length && steps[i] <= s; i++) v = values[i];
        return v;
    }
}
