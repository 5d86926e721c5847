package ddpg.rl.report;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs of one task with the same settings (or the same --label): the seeds whose numbers may be averaged.
 *
 * @param task  the task
 * @param label what sets the group apart within its task ({@link GroupLabels}), or the --label name
 * @param runs  its runs, sorted by seed, then name
 */
public record RunGroup(String task, String label, List<ReportRun> runs) {

    public RunGroup {
        runs = List.copyOf(runs);
    }

    /** True when every run has a seed and no two share one: then runs are called seeds. */
    public boolean distinctSeeds() {
        Set<Long> seen = new HashSet<>();
        for (ReportRun r : runs) if (r.seed() == null || !seen.add(r.seed())) return false;
        return true;
    }

    /** "seeds" or "runs" (when seeds repeat or are unknown). */
    public String unit() {
        return distinctSeeds() ? "seeds" : "runs";
    }

    /** How a run is named in a note: "seed 3", or "run NAME" when seeds do not tell the runs apart. */
    public String who(ReportRun r) {
        return distinctSeeds() ? "seed " + r.seed() : "run " + r.name();
    }
}
