package ddpg.rl.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A group's rows: one per requested step that at least one of its runs reached or planned (run.steps), then the
 * end. A run counts at step S only if its evaluations reached S, with its evaluation at the largest evaluation step
 * <= S ({@link ReportRun#valueAt}); the end row takes each finished run's last evaluation. Runs left out are named
 * in the row's notes, with where they are and why (running, stopped, a smaller budget).
 */
final class GroupRows {
    private GroupRows() {}

    static List<StepRow> of(RunGroup g, long[] at) {
        List<StepRow> rows = new ArrayList<>();
        for (long s : at) {
            boolean shown = g.runs().stream().anyMatch(r -> r.lastEvalStep() >= s || r.plannedSteps() >= s);
            if (shown) rows.add(atStep(g, s));
        }
        rows.add(end(g));
        return rows;
    }

    private static StepRow atStep(RunGroup g, long s) {
        List<Double> values = new ArrayList<>();
        List<String> missing = new ArrayList<>(), stillRunning = new ArrayList<>();
        for (ReportRun r : g.runs()) {
            double v = r.valueAt(s);
            if (Double.isNaN(v)) {
                missing.add(whereIs(g, r, s));
            } else {
                values.add(v);
                if (r.state() != RunState.FINISHED) stillRunning.add(g.who(r) + " (" + r.state().word + ")");
            }
        }
        List<String> notes = new ArrayList<>();
        if (!missing.isEmpty()) {
            notes.add(values.size() + " of " + g.runs().size() + " " + g.unit() + " reached " + StepText.of(s) + "; "
                    + String.join("; ", missing));
        }
        if (!stillRunning.isEmpty()) {
            notes.add("counted although not finished (their evaluations passed " + StepText.of(s) + ", so the value there "
                    + "is final): " + String.join(", ", stillRunning));
        }
        return new StepRow(s, g.runs().size(), stats(values), notes);
    }

    private static StepRow end(RunGroup g) {
        List<Double> values = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Map<Long, List<String>> byFinalStep = new TreeMap<>();
        for (ReportRun r : g.runs()) {
            if (r.state() == RunState.FINISHED && r.lastEvalStep() >= 0) {
                values.add(r.lastEval());
                byFinalStep.computeIfAbsent(r.lastEvalStep(), k -> new ArrayList<>()).add(g.who(r));
            } else {
                missing.add(whereIs(g, r, -1));
            }
        }
        List<String> notes = new ArrayList<>();
        if (!missing.isEmpty()) {
            notes.add(values.size() + " of " + g.runs().size() + " " + g.unit() + " finished; " + String.join("; ", missing));
        }
        if (byFinalStep.size() > 1) {
            List<String> parts = new ArrayList<>();
            byFinalStep.forEach((step, who) -> parts.add(StepText.of(step) + " (" + String.join(", ", who) + ")"));
            notes.add("the finished runs end at different steps: " + String.join(", ", parts));
        }
        return new StepRow(StepRow.END, g.runs().size(), stats(values), notes);
    }

    /** "seed 3 is at 430k (running)", "seed 2 stopped at 200k (unfinished)", "seed 1 finished at 300k (its budget)". */
    static String whereIs(RunGroup g, ReportRun r, long step) {
        String who = g.who(r), at = StepText.of(r.stepsDone());
        if (r.progress() == null) return who + " has logged nothing yet (" + r.state().word + ")";
        return switch (r.state()) {
            case RUNNING -> who + " is at " + at + " (running)";
            case STOPPED -> who + " stopped at " + at + " (unfinished; --resume continues it)";
            case FINISHED -> who + " finished at " + at + (step >= 0 && r.plannedSteps() >= 0 && r.plannedSteps() < step ? " (its budget)" : "");
        };
    }

    private static Stats stats(List<Double> values) {
        return values.isEmpty() ? null : Stats.of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
