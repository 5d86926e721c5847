package ddpg.rl.cli;

import ddpg.rl.report.Curves;
import ddpg.rl.report.LabelRule;
import ddpg.rl.report.ReportRun;
import ddpg.rl.report.RunGroup;
import ddpg.rl.report.RunGroups;
import ddpg.rl.report.RunLoader;
import ddpg.rl.viz.Plot;
import ddpg.rl.viz.PlotOptions;
import ddpg.rl.viz.TaskCurves;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code ddpg.jar plot <run or sweep dir>... [--out curve.png] [--label NAME=GLOB]... [--smooth K]}: learning curves
 * as a PNG. One panel per task; in it one colour per group of runs with the same settings (grouped exactly as
 * {@code report} groups them, {@link RunGroups}), each drawn as the mean evaluation return over its seeds with a
 * +-1 std band (one run: std over its evaluation episodes) and, thinner, the training return (the episodes'
 * train_return, mean over the seeds; raw, or a moving average with --smooth).
 */
final class PlotCommand implements Command {
    @Override public String name() { return "plot"; }

    @Override public String summary() {
        return "draw learning curves of runs as a PNG (one colour per task and settings; mean +- std band over seeds)";
    }

    @Override public String positional() { return "<run dir | sweep dir | folder of runs>..."; }

    @Override
    public Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("out").hasArg().argName("file.png")
                .desc("picture to write (default curve.png in the current folder)").build());
        o.addOption(Option.builder().longOpt("label").hasArg().argName("NAME=GLOB")
                .desc("name groups yourself: runs whose folder name or path matches GLOB form group NAME; repeatable, the "
                        + "first match wins, every run must match one (default: none; runs are grouped by the settings that "
                        + "differ, e.g. batch_norm=true)").build());
        o.addOption(Option.builder().longOpt("smooth").hasArg().argName("K")
                .desc("draw the training return as a moving average over K episodes (default 1: each episode's return)").build());
        return o;
    }

    @Override
    public int run(CommandLine cl) {
        if (cl.getArgList().isEmpty()) {
            throw new UserError("no run folders given; usage: ddpg.jar plot runs/walker-run-s1-... [more runs or a sweep folder] [--out curve.png]");
        }
        int smooth = Args.intValue(cl, "smooth", 1);
        if (smooth < 1) throw new UserError("--smooth must be at least 1 episode (1 = no smoothing), got " + smooth);
        Path out = Path.of(cl.getOptionValue("out", "curve.png"));
        List<ReportRun> runs;
        List<RunGroup> groups;
        List<TaskCurves> panels;
        try {
            runs = RunLoader.load(cl.getArgList());
            groups = RunGroups.of(runs, LabelRule.parseAll(cl.getOptionValues("label")));
            panels = Curves.panels(groups, smooth, false);
            if (panels.isEmpty()) {
                throw new UserError("none of the " + runs.size() + " run folders has logged anything yet; wait for the first evaluation");
            }
            Plot.writePng(panels, new PlotOptions(true, smooth), out);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        List<String> empty = runs.stream().filter(r -> Objects.isNull(r.progress())).map(ReportRun::name).toList();
        int drawn = runs.size() - empty.size();
        int shown = panels.stream().mapToInt(p -> p.groups().size()).sum();
        System.out.println("wrote " + out + " (" + drawn + " run" + (drawn == 1 ? "" : "s") + " in " + shown + " group"
                + (shown == 1 ? "" : "s") + ")");
        if (!empty.isEmpty()) System.out.println("not drawn, nothing logged yet: " + String.join(", ", empty));
        return 0;
    }
}
