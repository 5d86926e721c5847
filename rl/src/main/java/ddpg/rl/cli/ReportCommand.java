package ddpg.rl.cli;

import ddpg.rl.report.Anchor;
import ddpg.rl.report.LabelRule;
import ddpg.rl.report.Report;
import ddpg.rl.settings.Kind;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code ddpg.jar report <run or sweep dir>... [--out DIR] [--at 100k,500k,1M] [--label NAME=GLOB]... [--anchors FILE]}: the
 * comparison page of a set of runs (results.md, results.csv, curves.png). The work is in {@link Report}.
 */
final class ReportCommand implements Command {
    static final String DEFAULT_OUT = "results";

    @Override public String name() { return "report"; }

    @Override public String summary() {
        return "compare runs: results.md, results.csv and curves.png (seeds grouped by task and settings; mean, std, IQM at given steps)";
    }

    @Override public String positional() { return "<run dir | sweep dir | folder of runs>..."; }

    @Override
    public Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("out").hasArg().argName("dir")
                .desc("folder for results.md, results.csv and curves.png; created if missing, those three files replaced, "
                        + "nothing else touched (default " + DEFAULT_OUT + ")").build());
        o.addOption(Option.builder().longOpt("at").hasArg().argName("steps")
                .desc("env steps for the tables, comma-separated; a step is shown for a group when one of its runs reached "
                        + "or plans it, and the end is always shown (default " + Report.DEFAULT_AT + ")").build());
        o.addOption(Option.builder().longOpt("label").hasArg().argName("NAME=GLOB")
                .desc("name groups yourself: runs whose folder name or path matches GLOB form group NAME; repeatable, the "
                        + "first match wins, every run must match one (default: none; runs are grouped by the settings that "
                        + "differ, e.g. batch_norm=true)").build());
        o.addOption(Option.builder().longOpt("anchors").hasArg().argName("FILE")
                .desc("published results to compare with: a CSV file with the columns " + "task,group,step,source,mean,std,seeds,target"
                        + " ('#' comments; target may be empty); results.md gets a table of our mean beside each, the difference "
                        + "and the gap to the target (default: none)").build());
        return o;
    }

    @Override
    public int run(CommandLine cl) {
        List<String> inputs = cl.getArgList();
        if (inputs.isEmpty()) {
            throw new UserError("no run folders given; usage: ddpg.jar report runs/my-sweep [more runs or sweeps] [--out " + DEFAULT_OUT + "]");
        }
        long[] at = parseAt(cl.getOptionValue("at", Report.DEFAULT_AT));
        String outText = cl.getOptionValue("out", DEFAULT_OUT);
        Report.Summary s;
        try {
            List<Anchor> anchors = cl.hasOption("anchors") ? Anchor.read(Path.of(cl.getOptionValue("anchors"))) : List.of();
            s = Report.write(inputs, Path.of(outText), at, LabelRule.parseAll(cl.getOptionValues("label")), anchors);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        String dir = outText.endsWith("/") ? outText : outText + "/";
        System.out.println("wrote " + dir + Report.MD + ", " + Report.CSV + ", " + Report.PNG + " (" + plural(s.runs(), "run")
                + " of " + plural(s.tasks(), "task") + " in " + plural(s.groups(), "group") + ")");
        if (s.unfinished() > 0) {
            System.out.println(plural(s.unfinished(), "run") + (s.unfinished() == 1 ? " is" : " are")
                    + " not finished (running or stopped); results.md names them wherever they are left out");
        }
        return 0;
    }

    /** "100k,500k,1M" -> {100000, 500000, 1000000}, sorted, without repeats. */
    static long[] parseAt(String text) {
        TreeSet<Long> steps = new TreeSet<>();
        for (String part : text.split(",", -1)) {
            long v;
            try {
                v = Kind.parseLongWithSuffix(part.strip().replace("_", ""));
            } catch (NumberFormatException | ArithmeticException e) {
                throw new UserError("--at expects env steps separated by commas, e.g. --at 100k,500k,1M; '" + part.strip()
                        + "' is not a whole number");
            }
            if (v < 0) throw new UserError("--at steps must be >= 0, got " + part.strip());
            steps.add(v);
        }
        return steps.stream().mapToLong(Long::longValue).toArray();
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
