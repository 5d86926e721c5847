package ddpg.rl.report;

import ddpg.rl.viz.GroupCurves;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code results.md}: the page a reader opens. Per task: a table with a row per group and step, notes on the seeds
 * left out of a row, each seed's last evaluation and state, the builds (version, commit) that made the runs; at the
 * end, how every number is computed. No timestamps and no absolute paths: the page depends on the runs alone.
 */
final class ResultsMarkdown {
    private ResultsMarkdown() {}

    static String text(List<GroupResult> results, long[] at, List<LabelRule> rules, List<Anchor> anchors) {
        Map<String, List<GroupResult>> byTask = new LinkedHashMap<>();
        for (GroupResult gr : results) byTask.computeIfAbsent(gr.group().task(), k -> new ArrayList<>()).add(gr);
        int runs = results.stream().mapToInt(gr -> gr.group().runs().size()).sum();
        StringBuilder sb = new StringBuilder();
        sb.append("# Results\n\n");
        sb.append("Evaluation returns of ").append(count(runs, "run")).append(" of ").append(count(byTask.size(), "task"))
                .append(" in ").append(count(results.size(), "group")).append(", made by `ddpg.jar report`. ")
                .append("A run's evaluation is the mean return of its deterministic policy over its evaluation episodes ")
                .append("(the `eval_mean` column of its progress.csv); the statistics are over the seeds of a group, ")
                .append("and runs with different settings are never averaged together. ")
                .append("How every number is computed: [below](#how-the-numbers-are-computed). ")
                .append("The same rows are in `results.csv`.\n\n");
        sb.append("![evaluation return over env steps: one panel per task, one colour per group](curves.png)\n\n");
        for (Map.Entry<String, List<GroupResult>> e : byTask.entrySet()) {
            task(sb, e.getKey(), e.getValue(), anchors.stream().filter(a -> a.task().equals(e.getKey())).toList());
        }
        method(sb, at, rules, !anchors.isEmpty());
        return sb.toString();
    }

    private static void task(StringBuilder sb, String task, List<GroupResult> groups, List<Anchor> anchors) {
        sb.append("## ").append(task).append("\n\n");
        sb.append("| group | step | seeds | mean \u00b1 std | IQM | min | max |\n|---|---|---|---|---|---|---|\n");
        List<String> notes = new ArrayList<>();
        for (GroupResult gr : groups) {
            for (StepRow row : gr.rows()) {
                String seeds = row.seeds() == row.of() ? Integer.toString(row.of()) : row.seeds() + " of " + row.of();
                if (!row.notes().isEmpty()) {
                    notes.add(cell(gr.group().label()) + ", " + row.stepText() + ": " + String.join("; ", row.notes()) + ".");
                    seeds += " (note " + notes.size() + ")";
                }
                Stats s = row.stats();
                sb.append("| ").append(cell(gr.group().label())).append(" | ").append(row.stepText()).append(" | ").append(seeds);
                if (s == null) sb.append(" | - | - | - | - |\n");
                else sb.append(" | ").append(num(s.mean())).append(" \u00b1 ").append(num(s.std())).append(" | ").append(num(s.iqm()))
                        .append(" | ").append(num(s.min())).append(" | ").append(num(s.max())).append(" |\n");
            }
        }
        sb.append('\n');
        if (!notes.isEmpty()) {
            sb.append("Notes:\n\n");
            for (int i = 0; i < notes.size(); i++) sb.append(i + 1).append(". ").append(notes.get(i)).append('\n');
            sb.append('\n');
        }
        AnchorTable.append(sb, groups, anchors);
        sb.append("Each run's last evaluation:\n\n");
        sb.append("| group | seed | run | state | env steps done | last eval | at step |\n|---|---|---|---|---|---|---|\n");
        List<String> splits = new ArrayList<>();
        for (GroupResult gr : groups) {
            List<Double> finals = new ArrayList<>();
            for (ReportRun r : gr.group().runs()) {
                boolean evaluated = r.lastEvalStep() >= 0;
                if (evaluated && r.state() == RunState.FINISHED) finals.add(r.lastEval()); // outcomes: finished runs only
                sb.append("| ").append(cell(gr.group().label())).append(" | ").append(r.seed() == null ? "?" : r.seed())
                        .append(" | ").append(cell(r.name())).append(" | ").append(r.state().word)
                        .append(" | ").append(StepText.of(r.stepsDone()))
                        .append(" | ").append(evaluated ? num(r.lastEval()) : "-")
                        .append(" | ").append(evaluated ? StepText.of(r.lastEvalStep()) : "-").append(" |\n");
            }
            double[] f = finals.stream().mapToDouble(Double::doubleValue).toArray();
            if (GroupCurves.split(f)) {
                Stats s = Stats.of(f);
                splits.add("**" + cell(gr.group().label()) + ": the " + gr.group().unit() + " split apart.** The finished ones' last "
                        + "evaluations range from " + num(s.min()) + " to " + num(s.max()) + ", more than half the largest; the mean hides this, "
                        + "so curves.png marks each one with a ring.");
            }
        }
        sb.append('\n');
        for (String s : splits) sb.append("- ").append(s).append('\n');
        if (!splits.isEmpty()) sb.append('\n');
        sb.append("Builds that made the runs (config.json `version` and `commit`):\n\n");
        sb.append("| group | version | commit | runs |\n|---|---|---|---|\n");
        for (GroupResult gr : groups) {
            Map<String, List<String>> byBuild = new LinkedHashMap<>();
            gr.group().runs().stream().sorted(java.util.Comparator.comparing(ReportRun::version).thenComparing(ReportRun::commit)
                            .thenComparing(RunGroups.BY_SEED))
                    .forEach(r -> byBuild.computeIfAbsent(cell(r.version()) + " | `" + cell(r.commit()) + "`", k -> new ArrayList<>())
                            .add(gr.group().distinctSeeds() ? "seed " + r.seed() : cell(r.name())));
            byBuild.forEach((build, who) -> sb.append("| ").append(cell(gr.group().label())).append(" | ").append(build)
                    .append(" | ").append(String.join(", ", who)).append(" |\n"));
        }
        sb.append('\n');
    }

    private static void method(StringBuilder sb, long[] at, List<LabelRule> rules, boolean anchors) {
        String steps = java.util.Arrays.stream(at).mapToObj(StepText::of).collect(Collectors.joining(", "));
        sb.append("## How the numbers are computed\n\n");
        sb.append("- **Runs.** Each folder given to `ddpg.jar report` is a run folder (it holds config.json) or is searched ")
                .append("one and two levels down for run folders (a sweep folder, a runs/ folder). Runs are named by folder ")
                .append("name (with parent folders when two share a name).\n");
        if (rules.isEmpty()) {
            sb.append("- **Groups.** Runs are grouped by task and by the settings that differ between the task's runs: every ")
                    .append("setting under `agent` in config.json, `run.preset` and `run.eval_episodes`. The seed, the step budget ")
                    .append("(`run.steps`), `out`, `threads`, `eval_every`, checkpoint, log, GIF and TensorBoard settings do not ")
                    .append("define a group. A group's name says only what differs within its task: `default` when nothing does; ")
                    .append("when presets differ, `preset=NAME` plus each setting that is not that preset's own value; ")
                    .append("otherwise each differing setting, e.g. `batch_norm=true`.\n");
        } else {
            sb.append("- **Groups.** Named with `--label NAME=GLOB` (a run joins the first label whose GLOB matches its folder ")
                    .append("name or path; then runs are split by task):");
            for (LabelRule l : rules) {
                boolean absolute = l.glob().startsWith("/") || l.glob().matches("^[A-Za-z]:.*");
                sb.append(" `").append(cell(l.name())).append("` = ").append(absolute ? "(an absolute path pattern)" : "`" + cell(l.glob()) + "`")
                        .append(l == rules.get(rules.size() - 1) ? "." : ";");
            }
            sb.append(" Runs given one label are averaged together whatever their settings.\n");
        }
        sb.append("- **Value of a run at step S**: its evaluation at the largest evaluation step <= S, counted only if its ")
                .append("evaluations reached S (its last evaluation step >= S). Steps shown: ").append(steps)
                .append(", each for the groups of which at least one run reached it or plans to (`run.steps` >= S). ")
                .append("Runs that have not reached S (running, stopped, or with a smaller budget) are left out of that row ")
                .append("and named in a note, never mixed in.\n");
        sb.append("- **end**: each finished run's last evaluation. A run is finished when no process holds its `.lock`, and it ")
                .append("logged all of `run.steps` (its progress.csv has the row the trainer writes at the end); running and stopped runs ")
                .append("are left out of the end row and named in a note.\n");
        sb.append("- **mean \u00b1 std** over the row's seeds; std is the population standard deviation, ")
                .append("sqrt(sum (x - mean)^2 / n), numpy's default `np.std(x)` (ddof = 0). One seed: std 0.\n");
        sb.append("- **IQM**, the interquartile mean: `scipy.stats.trim_mean(x, 0.25)`, i.e. sort, drop floor(n / 4) values ")
                .append("from each end, average the rest (with fewer than 4 seeds nothing is dropped: the mean).\n");
        sb.append("- **min, max** over the row's seeds. Values are rounded to 0.1 here and to 4 decimals in results.csv ")
                .append("(columns `task,group,seeds,step,mean,std,iqm,min,max`; `step` is the env step or `end`; `seeds` ")
                .append("counts the runs in the row's statistics, and the statistics are empty when it is 0).\n");
        if (anchors) {
            sb.append("- **Published results** (`--anchors FILE`: task, group, step, source, mean, std, seeds, target, typed ")
                    .append("from the papers): our row at the anchor's step beside the published mean \u00b1 std; ")
                    .append("*difference* is our mean minus the published one, *vs target* our mean minus the target we set ")
                    .append("(met when >= 0). An anchor whose group has no runs is not shown.\n");
        }
        sb.append("- **curves.png**: one panel per task; per group the mean evaluation return over its seeds with a ")
                .append("\u00b1 1 std band (population std; one run: std over its evaluation episodes). Runs evaluated at ")
                .append("different steps are interpolated linearly between their own evaluations. Where a seed's ")
                .append("evaluations end, a dotted tick shows how many seeds the band covers from there; the x axis ends ")
                .append("at the longest run. **Seeds split apart** when the last evaluations of the finished ones range over more than half ")
                .append("of the largest absolute one (max - min > 0.5 max |x|): then each seed's last evaluation is drawn ")
                .append("as a ring at its step, and the split is noted under the task above.\n");
        sb.append("- **Reproducible**: this page, results.csv and curves.png depend only on the run folders (and the ")
                .append("JDK's fonts for the picture): no timestamps, no absolute paths, tasks, groups and seeds in sorted ")
                .append("order, a PNG without a time chunk. Running the same `ddpg.jar report` again gives the same bytes ")
                .append("as long as no run has moved on.\n");
    }

    private static String count(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.matches("-0\\.0*") ? s.substring(1) : s;
    }

    /** Text in a table cell: pipes escaped, no line breaks. */
    static String cell(String s) {
        return s.replace("|", "\\|").replace('\n', ' ');
    }
}
