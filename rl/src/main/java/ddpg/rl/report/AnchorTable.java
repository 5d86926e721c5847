package ddpg.rl.report;

import java.util.List;
import java.util.Map;

/** The "against published results" table under a task in results.md: our row at each anchor's step beside it. */
final class AnchorTable {
    private AnchorTable() {}

    static void append(StringBuilder sb, List<GroupResult> groups, List<Anchor> anchors) {
        StringBuilder rows = new StringBuilder();
        for (Anchor a : anchors) {
            GroupResult gr = groupOf(groups, a.group());
            if (gr == null) continue;
            StepRow row = gr.rows().stream().filter(r -> r.step() == a.step()).findFirst().orElse(null);
            Stats s = row == null ? null : row.stats();
            String ours = s == null ? "no seed at " + StepText.of(a.step()) : num(s.mean()) + " \u00b1 " + num(s.std()) + " (" + seeds(s.n()) + ")";
            String target = a.target() == null ? "-" : num(a.target());
            String vsTarget = s == null || a.target() == null ? "-" : signed(s.mean() - a.target()) + (s.mean() >= a.target() ? " (met)" : "");
            rows.append("| ").append(ResultsMarkdown.cell(gr.group().label())).append(" | ").append(StepText.of(a.step()))
                    .append(" | ").append(ours).append(" | ").append(ResultsMarkdown.cell(a.source())).append(": ")
                    .append(num(a.mean())).append(" \u00b1 ").append(num(a.std())).append(" (").append(seeds(a.seeds())).append(")")
                    .append(" | ").append(s == null ? "-" : signed(s.mean() - a.mean()))
                    .append(" | ").append(target).append(" | ").append(vsTarget).append(" |\n");
        }
        if (rows.length() == 0) return;
        sb.append("Against published results:\n\n");
        sb.append("| group | step | ours | published | difference | target | vs target |\n|---|---|---|---|---|---|---|\n");
        sb.append(rows).append('\n');
    }

    /**
     * The group an anchor names: for "default", the group run with the default preset unchanged, whatever its label
     * (a task's only group is labelled "default" even when it ran another preset; with several groups the default
     * one is labelled by what differs, e.g. batch_norm=false); any other name, the group with that label.
     */
    static GroupResult groupOf(List<GroupResult> groups, String name) {
        boolean defaultPreset = name.equals(GroupLabels.DEFAULT);
        for (GroupResult g : groups) {
            if (defaultPreset ? !g.group().runs().isEmpty() && isDefaultPreset(g.group().runs().get(0).settings())
                              : g.group().label().equals(name)) return g;
        }
        return null;
    }

    private static boolean isDefaultPreset(Map<String, String> settings) {
        String preset = settings.get(GroupSettings.PRESET);
        Map<String, String> own = GroupSettings.presetAgent(GroupLabels.DEFAULT);
        if (own == null || (preset != null && !preset.equals(GroupLabels.DEFAULT))) return false;
        for (Map.Entry<String, String> e : own.entrySet()) if (!e.getValue().equals(settings.get(e.getKey()))) return false;
        return true;
    }

    private static String seeds(int n) {
        return n + (n == 1 ? " seed" : " seeds");
    }

    private static String num(double v) {
        return ResultsMarkdown.num(v);
    }

    private static String signed(double v) {
        String s = ResultsMarkdown.num(v);
        return s.startsWith("-") || s.equals("0.0") ? s : "+" + s;
    }
}
