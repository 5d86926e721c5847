package ddpg.rl.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of subcommands, in the order {@code --help} lists them. Add yours with one line. */
final class Commands {
    private Commands() {}

    static Map<String, Command> all() {
        List<Command> list = List.of(
                new TrainCommand(),
                new SweepCommand(),
                new EvalCommand(),
                new PlotCommand(),
                new ReportCommand(),
                new RenderCommand(),
                new BenchCommand(),
                new TasksCommand(),
                new ValidateCommand(),
                new ExampleCommand(),
                new VersionCommand()
        );
        Map<String, Command> byName = new LinkedHashMap<>();
        for (Command c : list) byName.put(c.name(), c);
        return byName;
    }
}
