package ddpg.rl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** User mistakes give exit 2 and exactly one line on stderr, never a stack trace. */
class CliErrorsTest extends ConsoleTest {
    @AfterEach
    void clearKernelChoice() {
        System.clearProperty("ddpg.kernels");
    }

    @Test
    void unknownCommandSuggestsTheClosest() {
        assertOneLineError(Main.dispatch(new ArrayList<>(List.of("versoin"))), "did you mean 'version'?");
    }

    @Test
    void unknownOptionSuggestsTheClosest() {
        Command cmd = numberCommand();
        assertOneLineError(Main.runCommand(cmd, new String[] {"--stesp", "3"}), "did you mean '--steps'?");
    }

    @Test
    void malformedNumberNamesTheOption() {
        assertOneLineError(Main.runCommand(numberCommand(), new String[] {"--steps", "ten"}), "--steps expects a whole number");
    }

    @Test
    void missingValueNamesTheOption() {
        assertOneLineError(Main.runCommand(numberCommand(), new String[] {"--steps"}), "--steps needs a value");
    }

    @Test
    void badKernelSwitchValue() {
        List<String> args = new ArrayList<>(List.of("--kernels", "gpu", "version"));
        assertThrows(UserError.class, () -> Main.applyKernelSwitch(args));
    }

    @Test
    void kernelSwitchIsRemovedWherever() {
        List<String> args = new ArrayList<>(List.of("version", "--kernels=scalar"));
        Main.applyKernelSwitch(args);
        assertEquals(List.of("version"), args);
        assertEquals("scalar", System.getProperty("ddpg.kernels"));
    }

    @Test
    void internalErrorIsExitOneWithTrace() {
        Command broken = new Command() {
            @Override public String name() { return "broken"; }
            @Override public String summary() { return "throws"; }
            @Override public Options options() { return new Options(); }
            @Override public int run(CommandLine cl) { throw new IllegalStateException("boom"); }
        };
        assertEquals(1, Main.runCommand(broken, new String[0]));
        assertTrue(errText().contains("IllegalStateException"), errText());
    }

    @Test
    void helpListsOptionsWithDefaults() {
        assertEquals(0, Main.runCommand(numberCommand(), new String[] {"--help"}));
        String o = out.toString(StandardCharsets.UTF_8);
        assertTrue(o.contains("--steps") && o.contains("(default: 10)"), o);
    }

    @Test
    void numberSuffixes() throws Exception {
        Options opts = new Options();
        opts.addOption(Option.builder().longOpt("steps").hasArg().build());
        CommandLine cl = new DefaultParser().parse(opts, new String[] {"--steps", "500k"});
        assertEquals(500_000L, Args.longValue(cl, "steps", 1));
        cl = new DefaultParser().parse(opts, new String[] {"--steps", "1e6"});
        assertEquals(1_000_000L, Args.longValue(cl, "steps", 1));
        CommandLine bad = new DefaultParser().parse(opts, new String[] {"--steps", "1.5"});
        assertThrows(UserError.class, () -> Args.longValue(bad, "steps", 1));
    }

    @Test
    void stderrPumpDropsOnlyTheIncubatorNotice() {
        String child = "WARNING: Using incubator modules: jdk.incubator.vector\nreal message\n";
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Relauncher.pumpStderr(new ByteArrayInputStream(child.getBytes(StandardCharsets.UTF_8)), sink);
        assertEquals("real message\n", sink.toString(StandardCharsets.UTF_8));

        String other = "WARNING: something else\n";
        sink.reset();
        Relauncher.pumpStderr(new ByteArrayInputStream(other.getBytes(StandardCharsets.UTF_8)), sink);
        assertEquals(other, sink.toString(StandardCharsets.UTF_8));
    }

    private static Command numberCommand() {
        return new Command() {
            @Override public String name() { return "count"; }
            @Override public String summary() { return "test command"; }
            @Override public Options options() {
                Options o = new Options();
                o.addOption(Option.builder().longOpt("steps").hasArg().argName("N").desc("how many (default: 10)").build());
                return o;
            }
            @Override public int run(CommandLine cl) { Args.intValue(cl, "steps", 10); return 0; }
        };
    }
}
