package ddpg.rl.report;

import ddpg.rl.viz.GroupCurves;
import ddpg.rl.viz.RunProgress;
import ddpg.rl.viz.TaskCurves;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Groups of runs -> the panels ddpg.rl.viz draws: one per task, one colour per group, in the groups' order. */
public final class Curves {
    private Curves() {}

    /**
     * @param smooth    moving average of the training return over this many episodes (1 = raw)
     * @param keepEmpty also draw groups none of whose runs has logged anything (their legend row says so); false
     *                  leaves them out, and a task with nothing logged gets no panel
     */
    public static List<TaskCurves> panels(List<RunGroup> groups, int smooth, boolean keepEmpty) {
        Map<String, List<GroupCurves>> byTask = new LinkedHashMap<>();
        for (RunGroup g : groups) {
            List<RunProgress> logged = g.runs().stream().map(ReportRun::progress).filter(Objects::nonNull).toList();
            if (logged.isEmpty() && !keepEmpty) continue;
            // a seed still training (or stopped short) has no outcome yet: only finished runs can split the seeds apart
            Set<RunProgress> finished = g.runs().stream().filter(r -> r.state() == RunState.FINISHED)
                    .map(ReportRun::progress).filter(Objects::nonNull).collect(Collectors.toSet());
            byTask.computeIfAbsent(g.task(), k -> new ArrayList<>()).add(GroupCurves.of(g.label(), logged, smooth, finished::contains));
        }
        List<TaskCurves> out = new ArrayList<>();
        byTask.forEach((task, gs) -> out.add(new TaskCurves(task, gs)));
        return out;
    }
}
