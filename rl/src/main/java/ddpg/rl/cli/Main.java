package ddpg.rl.cli;

import ddpg.engine.kernels.Kernels;
import ddpg.physics.DidYouMean;
import ddpg.rl.train.BadFile;
import ddpg.rl.train.WriteFailed;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Exit codes: 0 success; 1 internal error (a bug: stack trace printed); 2 a user mistake, a damaged file or one that
 * could not be written ({@link UserError}, {@link BadFile}, {@link WriteFailed}: one line on stderr); 3 the parent
 * process is gone ({@code ParentWatch}); 4 training diverged ({@code Trainer.Stopped}); 128 + N stopped by signal N
 * after a checkpoint; and whatever a command returns (e.g. {@code validate} returns 1 on FAIL).
 */
public final class Main {
    private Main() {}

    static final String PROGRAM = "java -jar ddpg.jar";
    static final int EXIT_USER = 2;
    static final int EXIT_DIVERGED = 4;
    /** What a run stopped by Ctrl-C returns; the JVM itself exits with 128 + the signal's number. */
    static final int EXIT_INTERRUPTED = 130;

    /**
     * Options that add a value each time they are given (plot's and report's --label, sweep's --grid, bench's --shape
     * and --variant). Any other option given twice is refused rather than letting one of the two silently win.
     */
    static final Set<String> REPEATABLE = Set.of("label", "grid", "shape", "variant");

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

    /**
     * {@code --kernels scalar|simd|simd128|simd256|simd512} may appear anywhere; it is global, so take it out before
     * parsing. An explicit value sets the system property, which beats the environment variable DDPG_KERNELS; the
     * last one given wins. Without one, a DDPG_KERNELS (or -Dddpg.kernels) value is checked here, so a typo is one
     * clear line instead of a failure deep inside the engine.
     */
    static void applyKernelSwitch(List<String> args) {
        String value = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (value != null && (a.equals("--kernels") || a.startsWith("--kernels=")))
                throw new UserError("--kernels is given twice; give it once");
            if (a.equals("--kernels")) {
                if (i + 1 >= args.size()) throw new UserError("--kernels needs a value: " + String.join(", ", Kernels.CHOICES));
                value = args.get(i + 1);
                args.remove(i + 1);
                args.remove(i);
                i--;
            } else if (a.startsWith("--kernels=")) {
                value = a.substring("--kernels=".length());
                args.remove(i);
                i--;
            }
        }
        try {
            if (value != null) System.setProperty(Kernels.PROPERTY, Kernels.parse(value, "--kernels"));
            else Kernels.requested();
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
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
                return userError("unknown command '" + first + "'" + DidYouMean.hint(first, commands.keySet())
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
            return userError("unknown option '" + opt + "' for '" + cmd.name() + "'" + DidYouMean.hint(opt, names)
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
        String twice = givenTwice(cl);
        if (twice != null) return userError(twice + " (see '" + PROGRAM + " " + cmd.name() + " --help')");
        try {
            return cmd.run(cl);
        } catch (UserError | BadFile | WriteFailed e) {
            return userError(e.getMessage());
        } catch (Exception | Error e) {
            System.err.println("ddpg: internal error in '" + cmd.name() + "' (this is a bug; please report it with the trace below)");
            e.printStackTrace();
            return 1;
        }
    }

    static int userError(String message) {
        System.err.println("ddpg: " + message);
        return EXIT_USER;
    }

    /** "--steps is given twice (10, then 20); give it once", or null when no option but a {@link #REPEATABLE} one repeats. */
    static String givenTwice(CommandLine cl) {
        Map<String, String> first = new HashMap<>();
        for (Option o : cl.getOptions()) {
            String name = o.getLongOpt() != null ? o.getLongOpt() : o.getOpt();
            if (REPEATABLE.contains(name)) continue;
            String value = o.getValue();
            if (first.containsKey(name)) {
                String before = first.get(name);
                return "--" + name + " is given twice" + (value != null && before != null ? " (" + before + ", then " + value + ")" : "")
                        + "; give it once";
            }
            first.put(name, value);
        }
        return null;
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
                "\nGlobal: --kernels scalar|simd|simd128|simd256|simd512 (default simd, the CPU's widest vectors; every"
                        + " path gives the same bits; a width the CPU lacks is emulated and slow; beats env DDPG_KERNELS)", false);
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
        sb.append("  --kernels <path>        kernel path: scalar, simd (default: the CPU's widest vectors, when the JDK\n");
        sb.append("                          has jdk.incubator.vector), or simd128, simd256, simd512 for that vector\n");
        sb.append("                          width; a width the CPU lacks works but is emulated and many times slower.\n");
        sb.append("                          Every path gives the same bits, so a run may resume on any of them.\n");
        sb.append("                          Overrides the environment variable DDPG_KERNELS (same values)\n");
        sb.append("  -h, --help              help; '<command> --help' lists a command's options with defaults\n");
        System.out.print(sb);
    }

    /** The project version from the jar manifest (or "dev" when run from classes). */
    static String version() {
        return ddpg.rl.train.BuildInfo.version();
    }
}
