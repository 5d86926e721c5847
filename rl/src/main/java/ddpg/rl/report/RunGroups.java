package ddpg.rl.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits runs into groups that may be averaged: by task, then by the settings that differ between the task's runs
 * ({@link GroupSettings}, named by {@link GroupLabels}), so different settings are never averaged together; or, with
 * {@code --label NAME=GLOB} rules, by the first rule each run matches. Shared by {@code ddpg.jar report} and
 * {@code ddpg.jar plot}. Groups come sorted by task, then label; runs in a group by seed, then name.
 */
public final class RunGroups {
    static final Comparator<ReportRun> BY_SEED = Comparator
            .comparing(ReportRun::seed, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ReportRun::name);

    private RunGroups() {}

    /**
     * @param rules --label rules in the order given (empty: group by settings). With rules, a run matching none or a
     *              rule matching no run is an {@link IllegalArgumentException} naming it.
     */
    public static List<RunGroup> of(List<ReportRun> runs, List<LabelRule> rules) {
        Map<String, List<ReportRun>> byTask = new TreeMap<>();
        for (ReportRun r : runs) byTask.computeIfAbsent(r.task(), k -> new ArrayList<>()).add(r);
        List<RunGroup> out = new ArrayList<>();
        if (rules.isEmpty()) {
            for (Map.Entry<String, List<ReportRun>> task : byTask.entrySet()) {
                Map<Map<String, String>, List<ReportRun>> bySettings = new LinkedHashMap<>();
                for (ReportRun r : task.getValue()) bySettings.computeIfAbsent(r.settings(), k -> new ArrayList<>()).add(r);
                List<Map<String, String>> keys = new ArrayList<>(bySettings.keySet());
                List<String> labels = GroupLabels.of(keys);
                for (int i = 0; i < keys.size(); i++) out.add(group(task.getKey(), labels.get(i), bySettings.get(keys.get(i))));
            }
        } else {
            out.addAll(byRules(byTask, runs, rules));
        }
        out.sort(Comparator.comparing(RunGroup::task).thenComparing(RunGroup::label));
        return out;
    }

    private static List<RunGroup> byRules(Map<String, List<ReportRun>> byTask, List<ReportRun> runs, List<LabelRule> rules) {
        Map<ReportRun, LabelRule> ruleOf = new LinkedHashMap<>();
        List<String> unmatched = new ArrayList<>();
        for (ReportRun r : runs) {
            LabelRule hit = rules.stream().filter(l -> l.matches(r)).findFirst().orElse(null);
            if (hit == null) unmatched.add(r.name());
            else ruleOf.put(r, hit);
        }
        for (LabelRule l : rules) {
            if (!ruleOf.containsValue(l)) {
                throw new IllegalArgumentException("--label " + l + " matches no run folder" + (rules.size() > 1 ? " (or only runs an earlier --label took)" : "")
                        + "; GLOB is matched against each run folder's name and path ('*' stays within one folder name, '**' crosses folders)");
            }
        }
        if (!unmatched.isEmpty()) {
            unmatched.sort(null);
            String some = String.join(", ", unmatched.subList(0, Math.min(5, unmatched.size())))
                    + (unmatched.size() > 5 ? " and " + (unmatched.size() - 5) + " more" : "");
            throw new IllegalArgumentException(unmatched.size() + " run" + (unmatched.size() == 1 ? " matches" : "s match")
                    + " no --label: " + some + "; add a --label for them (a last --label other='*' takes the rest) or leave them out");
        }
        List<RunGroup> out = new ArrayList<>();
        for (Map.Entry<String, List<ReportRun>> task : byTask.entrySet()) {
            Map<String, List<ReportRun>> byLabel = new LinkedHashMap<>();
            for (ReportRun r : task.getValue()) byLabel.computeIfAbsent(ruleOf.get(r).name(), k -> new ArrayList<>()).add(r);
            byLabel.forEach((label, rs) -> out.add(group(task.getKey(), label, rs)));
        }
        return out;
    }

    private static RunGroup group(String task, String label, List<ReportRun> runs) {
        List<ReportRun> sorted = new ArrayList<>(runs);
        sorted.sort(BY_SEED);
        return new RunGroup(task, label, sorted);
    }
}
