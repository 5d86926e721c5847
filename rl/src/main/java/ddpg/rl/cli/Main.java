package ddpg.rl.cli;

import ddpg.engine.kernels.Kernels;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.MissingOptionException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/**
 * Entry point of {@code ddpg.jar}: relaunch with the Vector API if needed, then dispatch to a subcommand.
 * Exit codes: 0 success, 1 internal error (a bug: stack trace printed), 2 user mistake (one line on stderr),
 * and whatever a command returns (e.g. {@code validate} returns 1 on FAIL).
 */
public final class Main {
    private Main() {}

    static final String PROGRAM = "java -jar ddpg.jar";

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Everything but {@code System.exit}, so tests can call it. */
    public static int run(String[] rawArgs) {
        ddpg.rl.train.ParentWatch.startFromEnvironment();
        List<String> args = new ArrayList<>(Arrays.asList(rawArgs));
        try {
            applyKernelSwitch(args);
        } catch (UserError e) {
            return userError(e.getMessage());
        }
        if (!Kernels.scalarRequested() && Relauncher.wanted()) {
            try {
                return Relauncher.relaunch(Main.class.getName(), rawArgs);
            } catch (Exception e) {
                System.err.println("ddpg: could not start the SIMD JVM (" + e.getMessage()
                        + "); continuing with scalar kernels");
                System.setProperty(Kernels.PROPERTY, "scalar");
            }
        }
        return dispatch(args);
    }

    /** {@code --kernels scalar|simd} may appear anywhere; it is global, so take it out before parsing. */
    static void applyKernelSwitch(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = null;
            if (a.equals("--kernels")) {
                if (i + 1 >= args.size()) throw new UserError("--kernels needs a value: scalar or simd");
                value = args.get(i + 1);
                args.remove(i + 1);
                args.remove(i);
                i--;
            } else if (a.startsWith("--kernels=")) {
                value = a.substring("--kernels=".length());
                args.remove(i);
                i--;
            }
            if (value != null) {
                if (value.equalsIgnoreCase("scalar")) System.setProperty(Kernels.PROPERTY, "scalar");
                else if (!value.equalsIgnoreCase("simd"))
                    throw new UserError("--kernels expects 'scalar' or 'simd', got '" + value + "'");
            }
        }
    }

    static int dispatch(List<String> args) {
        Map<String, Command> commands = Commands.all();
        if (args.isEmpty() || args.get(0).equals("-h") || args.get(0).equals("--help")) {
            printTopHelp(commands);
            return 0;
        }
        String first = args.get(0);
        Command cmd;
        List<String> rest;
        if (first.startsWith("-")) {
            if (first.equals("--version")) {
                cmd = commands.get("version");
                rest = List.of();
            } else {
                cmd = commands.get("train");
                if (cmd == null) return userError("training is not available in this build yet; see '" + PROGRAM + " --help'");
                rest = args;
            }
        } else {
            cmd = commands.get(first);
            if (cmd == null) {
                return userError("unknown command '" + first + "'" + Suggest.hint(first, commands.keySet())
                        + " (commands: " + String.join(", ", commands.keySet()) + ")");
            }
            rest = args.subList(1, args.size());
        }
        return runCommand(cmd, rest.toArray(new String[0]));
    }

    static int runCommand(Command cmd, String[] args) {
        Options options = withHelp(cmd.options());
        CommandLine cl;
        try {
            cl = new DefaultParser().parse(options, args, false);
        } catch (UnrecognizedOptionException e) {
            String opt = e.getOption();
            List<String> names = new ArrayList<>();
            for (Option o : options.getOptions()) if (o.getLongOpt() != null) names.add("--" + o.getLongOpt());
            return userError("unknown option '" + opt + "' for '" + cmd.name() + "'" + Suggest.hint(opt, names)
                    + " (see '" + PROGRAM + " " + cmd.name() + " --help')");
        } catch (MissingArgumentException e) {
            Option o = e.getOption();
            return userError("option --" + (o.getLongOpt() != null ? o.getLongOpt() : o.getOpt()) + " needs a value ("
                    + o.getDescription() + ")");
        } catch (MissingOptionException e) {
            return userError("'" + cmd.name() + "' needs " + e.getMissingOptions() + " (see '" + PROGRAM + " "
                    + cmd.name() + " --help')");
        } catch (ParseException e) {
            return userError(e.getMessage() + " (see '" + PROGRAM + " " + cmd.name() + " --help')");
        }
        if (cl.hasOption("help")) {
            printCommandHelp(cmd, options);
            return 0;
        }
        try {
            return cmd.run(cl);
        } catch (UserError e) {
            return userError(e.getMessage());
        } catch (Exception | Error e) {
            System.err.println("ddpg: internal error in '" + cmd.name() + "' (this is a bug; please report it with the trace below)");
            e.printStackTrace();
            return 1;
        }
    }

    static int userError(String message) {
        System.err.println("ddpg: " + message);
        return 2;
    }

    private static Options withHelp(Options options) {
        Options all = new Options();
        for (Option o : options.getOptions()) all.addOption(o);
        if (!all.hasOption("help")) all.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
        return all;
    }

    @SuppressWarnings("deprecation")
    private static void printCommandHelp(Command cmd, Options options) {
        HelpFormatter f = new HelpFormatter();
        f.setWidth(100);
        PrintWriter w = new PrintWriter(System.out);
        String usage = PROGRAM + " " + cmd.name() + (cmd.positional().isEmpty() ? "" : " " + cmd.positional()) + " [options]";
        f.printHelp(w, 100, usage, cmd.summary() + "\n\nOptions:", options, 2, 2,
                "\nGlobal: --kernels scalar|simd (default simd when available; env DDPG_KERNELS=scalar does the same)", false);
        w.flush();
    }

    private static void printTopHelp(Map<String, Command> commands) {
        StringBuilder sb = new StringBuilder();
        sb.append("ddpg ").append(version()).append(": deep deterministic policy gradient in pure Java\n\n");
        sb.append("Usage: ").append(PROGRAM).append(" <command> [options]\n");
        if (commands.containsKey("train")) sb.append("       ").append(PROGRAM).append(" --task <task> [options]   (same as 'train')\n");
        sb.append("\nCommands:\n");
        for (Command c : commands.values()) sb.append(String.format("  %-10s %s%n", c.name(), c.summary()));
        sb.append("\nGlobal options:\n");
        sb.append("  --kernels scalar|simd   kernel path (default: simd when the JDK has jdk.incubator.vector;\n");
        sb.append("                          the environment variable DDPG_KERNELS=scalar does the same)\n");
        sb.append("  -h, --help              help; '<command> --help' lists a command's options with defaults\n");
        System.out.print(sb);
    }

    /** The project version from the jar manifest (or "dev" when run from classes). */
    static String version() {
        return ddpg.rl.train.BuildInfo.version();
    }
}
