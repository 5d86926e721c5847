package ddpg.rl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ddpg.rl.ddpg.Presets;
import ddpg.rl.train.RunConfig;
import ddpg.rl.train.RunSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings that cannot work are refused in one line before anything is written: an option given twice, networks
 * that do not fit in memory, far more threads than cores. Each case also carries a later mistake, so that without
 * the check the command still stops (on that mistake) instead of starting a run.
 */
class RefusedSettingsTest extends ConsoleTest {
    @TempDir Path tmp;

    @Test
    void anOptionGivenTwiceIsRefusedForEveryCommand() {
        String o = tmp.resolve("runs").toString();
        assertOneLineError(run("--task", "nope", "--steps", "10", "--steps", "20", "--out", o), "--steps is given twice (10, then 20); give it once");
        assertOneLineError(run("train", "--task", "nope", "--no-gif", "--no-gif", "--out", o), "--no-gif is given twice; give it once");
        assertOneLineError(run("eval", "--run", tmp.resolve("nope").toString(), "--episodes", "1", "--episodes", "2"), "--episodes is given twice");
        assertOneLineError(run("render", "--task", "nope", "--fps", "10", "--fps", "20"), "--fps is given twice");
        assertFalse(Files.exists(tmp.resolve("runs")));
    }

    @Test
    void theGlobalKernelsOptionGivenTwiceIsRefusedToo() {
        // --kernels is taken out before the command is parsed, so it has its own check.
        UserError e = org.junit.jupiter.api.Assertions.assertThrows(UserError.class, () -> Main.applyKernelSwitch(
                new java.util.ArrayList<>(java.util.List.of("--kernels", "scalar", "version", "--kernels=simd"))));
        org.junit.jupiter.api.Assertions.assertEquals("--kernels is given twice; give it once", e.getMessage());
    }

    @Test
    void repeatableOptionsMayRepeat() {
        String[] seen = new String[1];
        Command labels = new Command() {
            @Override public String name() { return "labels"; }
            @Override public String summary() { return "test"; }
            @Override public Options options() {
                Options opts = new Options();
                opts.addOption(Option.builder().longOpt("label").hasArg().build());
                return opts;
            }
            @Override public int run(CommandLine cl) {
                seen[0] = String.join(" ", cl.getOptionValues("label"));
                return 0;
            }
        };
        assertEquals(0, Main.runCommand(labels, new String[] {"--label", "a=x*", "--label", "b=y*"}), errText());
        assertEquals("a=x* b=y*", seen[0]);
    }

    @Test
    void networksThatCannotFitInMemoryAreRefusedBeforeTheRunFolder() {
        Path runs = tmp.resolve("runs");
        assertOneLineError(run("--task", "walker-run", "--hidden", "100000000,100000000", "--out", runs.toString()),
                "larger than a Java array can be");
        assertOneLineError(run("--task", "walker-run", "--hidden", "40000,40000", "--out", runs.toString()),
                "Adam state and gradients");
        assertOneLineError(run("--task", "walker-run", "--hidden", "40000,40000", "--out", runs.toString()), "-Xmx");
        assertFalse(Files.exists(runs), "nothing written");
    }

    @Test
    void farMoreThreadsThanCoresAreRefused() throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        Path runs = tmp.resolve("runs");
        String many = Integer.toString(4 * cores + 1);
        assertOneLineError(run("--task", "walker-run", "--threads", "100000", "--max-divergences", "0", "--out", runs.toString()),
                "--threads 100000 is more than 4 per core");
        assertOneLineError(run("--task", "walker-run", "--threads", many, "--max-divergences", "0", "--out", runs.toString()),
                "use at most " + 4 * cores);
        assertFalse(Files.exists(runs));
        // --resume checks it too (this folder has no checkpoint: without the check that is the error).
        RunSettings r = new RunSettings();
        r.task = "cartpole-swingup";
        Path dir = Files.createDirectories(tmp.resolve("run"));
        new RunConfig(r, Presets.defaults(), "test").write(dir.resolve("config.json"), 5, 1);
        byte[] config = Files.readAllBytes(dir.resolve("config.json"));
        assertOneLineError(run("--resume", dir.toString(), "--threads", "100000"), "more than 4 per core");
        assertArrayEquals(config, Files.readAllBytes(dir.resolve("config.json")));
        assertOneLineError(run("bench", "--threads", "100000", "no-such-suite"), "more than 4 per core");
    }
}
