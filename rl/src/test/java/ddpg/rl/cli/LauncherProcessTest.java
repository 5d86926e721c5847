package ddpg.rl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.testing.ChildProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Starts the launcher as a real process WITHOUT --add-modules, exactly as {@code java -jar ddpg.jar} would, and
 * checks that it relaunched itself with the Vector API (or stayed scalar when asked).
 */
class LauncherProcessTest {

    record Result(int code, String out, String err) {}

    static Result launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove(Relauncher.GUARD);
        pb.environment().remove("DDPG_KERNELS");
        pb.environment().putAll(env);
        // Both streams are drained as they come and the wait is bounded: a hung launcher fails the test, not the build.
        ChildProcess.Result r = ChildProcess.run(pb, 60);
        return new Result(r.exit(), r.out(), r.err());
    }

    @Test
    void relaunchesWithTheVectorModuleAndReportsTheSpecies() throws Exception {
        Result r = launch(Map.of(), "version");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("kernels  simd") && r.out().contains("(FloatVector S_"), r.out());
        assertTrue(r.out().contains("lanes"), r.out());
        assertFalse(r.err().contains("incubator"), "the JVM's incubator notice should be filtered: " + r.err());
    }

    @Test
    void scalarSwitchSkipsTheRelaunch() throws Exception {
        Result r = launch(Map.of(), "--kernels", "scalar", "version");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("kernels  scalar"), r.out());
    }

    @Test
    void scalarEnvironmentVariableSkipsTheRelaunch() throws Exception {
        Result r = launch(Map.of("DDPG_KERNELS", "scalar"), "version");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("kernels  scalar"), r.out());
    }

    @Test
    void guardPreventsARelaunchLoop() throws Exception {
        // With the guard set the process must not relaunch: it runs scalar in the same JVM.
        Result r = launch(Map.of(Relauncher.GUARD, "1"), "version");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("kernels  scalar"), r.out());
    }

    @Test
    void childExitCodeAndStderrPassThrough() throws Exception {
        Result r = launch(Map.of(), "no-such-command");
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("ddpg: unknown command 'no-such-command'"), r.err());
    }
}
