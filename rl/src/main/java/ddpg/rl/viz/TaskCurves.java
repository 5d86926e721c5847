package ddpg.rl.viz;

import java.util.ArrayList;
import java.util.List;

/**
 * What one panel shows: a task's evaluation curve with its band and its training curve, combined over the task's runs.
 * With one run the band is that run's std over evaluation episodes; with several it is the std across runs (seeds).
 *
 * @param task         task name (the panel title)
 * @param runs         how many runs were combined
 * @param eval         evaluation return: mean line and band
 * @param train        training return (its band is not drawn)
 * @param bandAcrossSeeds true when {@code eval.std} is across runs rather than across evaluation episodes
 * @param distinctSeeds true when every run has a known seed and no two share one (then the runs are "seeds")
 */
public record TaskCurves(String task, int runs, SeedBand eval, SeedBand train, boolean bandAcrossSeeds,
                         boolean distinctSeeds) {

    /** "3 seeds" when the runs are distinct seeds, "3 runs" otherwise (e.g. two settings of one seed). */
    public String runsLabel() {
        if (runs == 1) return "1 run";
        return runs + (distinctSeeds ? " seeds" : " runs");
    }

    /** Combines runs that all belong to {@code task}. */
    public static TaskCurves of(String task, List<RunProgress> runs) {
        if (runs.isEmpty()) throw new IllegalArgumentException("no runs for task " + task);
        List<double[]> trainX = new ArrayList<>(), trainY = new ArrayList<>();
        for (RunProgress r : runs) {
            trainX.add(r.trainStep());
            trainY.add(r.trainReturn());
        }
        SeedBand train = SeedBand.combine(trainX, trainY);
        if (runs.size() == 1) {
            RunProgress r = runs.get(0);
            int[] ones = new int[r.evalStep().length];
            java.util.Arrays.fill(ones, 1);
            SeedBand eval = new SeedBand(r.evalStep(), r.evalMean(), r.evalStd(), ones);
            return new TaskCurves(task, 1, eval, train, false, r.seed() != null);
        }
        List<double[]> evalX = new ArrayList<>(), evalY = new ArrayList<>();
        for (RunProgress r : runs) {
            evalX.add(r.evalStep());
            evalY.add(r.evalMean());
        }
        java.util.Set<String> seeds = new java.util.HashSet<>();
        boolean distinct = true;
        for (RunProgress r : runs) distinct &= r.seed() != null && seeds.add(r.seed());
        return new TaskCurves(task, runs.size(), SeedBand.combine(evalX, evalY), train, true, distinct);
    }
}
