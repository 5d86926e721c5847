package ddpg.rl.viz;

import java.util.List;

/**
 * What one panel shows: a task's groups of runs, each in its own colour ({@link GroupCurves}). Runs with different
 * settings belong in different groups; {@code ddpg.jar plot} and {@code ddpg.jar report} group them with
 * {@code ddpg.rl.report.RunGroups}.
 *
 * @param task   task name (the panel title)
 * @param groups the groups, in drawing and legend order
 */
public record TaskCurves(String task, List<GroupCurves> groups) {

    public TaskCurves {
        groups = List.copyOf(groups);
    }

    /** One unnamed group of {@code runs}, which must all be of {@code task} and share their settings (seeds of one run). */
    public static TaskCurves of(String task, List<RunProgress> runs) {
        if (runs.isEmpty()) throw new IllegalArgumentException("no runs for task " + task);
        return new TaskCurves(task, List.of(GroupCurves.of(null, runs, 1)));
    }

    /** Runs over all groups. */
    public int runs() {
        return groups.stream().mapToInt(GroupCurves::runs).sum();
    }
}
