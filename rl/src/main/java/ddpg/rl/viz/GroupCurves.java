package ddpg.rl.viz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One group of runs drawn in one colour: runs of one task with the same settings (seeds), combined into an
 * evaluation curve with its band and a training curve. With one run the band is that run's std over evaluation
 * episodes; with several it is the std across runs (population, ddof = 0; {@link SeedBand}).
 *
 * @param label           the group's name in the legend (e.g. "batch_norm=true"); null = no name (a single group)
 * @param runs            how many runs were combined
 * @param eval            evaluation return: mean line and band; {@code eval.count()} is how many runs cover each step
 * @param train           training return, each run's smoothed first (its band is not drawn)
 * @param bandAcrossSeeds true when {@code eval.std} is across runs rather than across evaluation episodes
 * @param distinctSeeds   true when every run has a known seed and no two share one (then the runs are "seeds")
 * @param finalStep       each run's last evaluation step (runs without an evaluation left out)
 * @param finalValue      each run's last evaluation return, same order
 * @param outcomes        the last evaluation returns of the runs that are over (all runs unless told otherwise): what
 *                        "the seeds split apart" compares, so a seed that has just started does not count as an outcome
 */
public record GroupCurves(String label, int runs, SeedBand eval, SeedBand train, boolean bandAcrossSeeds,
                          boolean distinctSeeds, double[] finalStep, double[] finalValue, double[] outcomes) {

    /** Combines {@code runs} (same task and settings); {@code smooth} episodes of moving average on training returns. */
    public static GroupCurves of(String label, List<RunProgress> runs, int smooth) {
        return of(label, runs, smooth, r -> true);
    }

    /** As {@link #of(String, List, int)}, where only the runs {@code over} accepts are outcomes (finished runs). */
    public static GroupCurves of(String label, List<RunProgress> runs, int smooth, Predicate<RunProgress> over) {
        List<double[]> trainX = new ArrayList<>(), trainY = new ArrayList<>();
        List<double[]> evalX = new ArrayList<>(), evalY = new ArrayList<>();
        List<Double> fs = new ArrayList<>(), fv = new ArrayList<>(), out = new ArrayList<>();
        Set<String> seeds = new HashSet<>();
        boolean distinct = true;
        for (RunProgress r : runs) {
            trainX.add(r.trainStep());
            trainY.add(Smoothing.trailing(r.trainReturn(), smooth));
            evalX.add(r.evalStep());
            evalY.add(r.evalMean());
            int n = r.evalStep().length;
            if (n > 0) {
                fs.add(r.evalStep()[n - 1]);
                fv.add(r.evalMean()[n - 1]);
                if (over.test(r)) out.add(r.evalMean()[n - 1]);
            }
            distinct &= r.seed() != null && seeds.add(r.seed());
        }
        SeedBand train = SeedBand.combine(trainX, trainY);
        double[] finalStep = fs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] finalValue = fv.stream().mapToDouble(Double::doubleValue).toArray();
        double[] outcomes = out.stream().mapToDouble(Double::doubleValue).toArray();
        if (runs.size() == 1) {
            RunProgress r = runs.get(0);
            int[] ones = new int[r.evalStep().length];
            Arrays.fill(ones, 1);
            SeedBand eval = new SeedBand(r.evalStep(), r.evalMean(), r.evalStd(), ones);
            return new GroupCurves(label, 1, eval, train, false, r.seed() != null, finalStep, finalValue, outcomes);
        }
        return new GroupCurves(label, runs.size(), SeedBand.combine(evalX, evalY), train, true, distinct, finalStep, finalValue, outcomes);
    }

    /** "3 seeds" when the runs are distinct seeds, "3 runs" otherwise (e.g. two runs of one seed), "1 run". */
    public String runsLabel() {
        if (runs == 1) return "1 run";
        return runs + (distinctSeeds ? " seeds" : " runs");
    }

    /** Whether the outcomes (finished runs' final returns) split far apart ({@link #split}); the picture then marks each run's. */
    public boolean seedsSplit() {
        return runs > 1 && split(outcomes);
    }

    /**
     * The rule for "the seeds split apart": at least two values, and their range (max - min) is more than half of the
     * largest absolute value. Seeds ending near 0 and near 350 split (350 &gt; 175); 800 and 860 do not (60 &lt; 430).
     */
    public static boolean split(double[] finals) {
        if (finals.length < 2) return false;
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, largest = 0;
        for (double v : finals) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            largest = Math.max(largest, Math.abs(v));
        }
        return largest > 0 && max - min > 0.5 * largest;
    }

    /**
     * Indices i of {@code eval} where fewer runs cover step i than step i - 1: a run's last evaluation was at step
     * i - 1, and the band from there on is over fewer seeds. Empty when the band is over episodes (one run).
     */
    public int[] dropouts() {
        if (!bandAcrossSeeds) return new int[0];
        int[] c = eval.count();
        return java.util.stream.IntStream.range(1, c.length).filter(i -> c[i] < c[i - 1]).toArray();
    }
}
