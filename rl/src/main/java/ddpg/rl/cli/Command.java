package ddpg.rl.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One subcommand of {@code ddpg.jar}: its name, its options and what it does. */
public interface Command {
    /** The word the user types, e.g. "validate". */
    String name();

    /** One line for the top-level help. */
    String summary();

    /** This command's options; each description ends with its default. {@code --help} is added by {@link Main}. */
    Options options();

    /** Extra usage text after the command name, e.g. {@code "<run dir>..."}; empty when it takes only options. */
    default String positional() {
        return "";
    }

    /** Runs the command; returns the process exit code. A user mistake is a {@link UserError}. */
    int run(CommandLine cl) throws Exception;
}
