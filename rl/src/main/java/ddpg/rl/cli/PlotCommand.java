package ddpg.rl.cli;

import ddpg.rl.viz.Plot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code ddpg.jar plot <run dir>... [--out curve.png]}: learning curves of one or more runs as a PNG. */
final class PlotCommand implements Command {
    @Override public String name() { return "plot"; }

    @Override public String summary() { return "draw learning curves of runs (seeds of a task share a mean +- std band) as a PNG"; }

    @Override public String positional() { return "<run dir>..."; }

    @Override
    public Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("out").hasArg().argName("file.png")
                .desc("picture to write (default curve.png in the current folder)").build());
        return o;
    }

    @Override
    public int run(CommandLine cl) {
        List<Path> runs = new ArrayList<>();
        for (String a : cl.getArgList()) runs.add(Path.of(a));
        if (runs.isEmpty()) {
            throw new UserError("no run folders given; usage: ddpg.jar plot runs/walker-run-s1-... [more runs] [--out curve.png]");
        }
        Path out = Path.of(cl.getOptionValue("out", "curve.png"));
        try {
            Plot.write(runs, out);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        System.out.println("wrote " + out + " (" + runs.size() + " run" + (runs.size() == 1 ? "" : "s") + ")");
        return 0;
    }
}
