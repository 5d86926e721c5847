package ddpg.rl.sweep;

import ddpg.testing.ChildProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@code ddpg} (this test class path) as a real process, as a user or a scheduler would. */
public final class DdpgProcess {
    private DdpgProcess() {}

    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static ProcessBuilder builder(Path log, String... args) {
        List<String> cmd = new ArrayList<>(List.of(java(), "--add-modules=jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), "ddpg.rl.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("DDPG_PARENT_PID");
        pb.environment().remove("DDPG_KERNELS");
        pb.environment().put("DDPG_JAVA", java());
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        return pb;
    }

    /** Runs to completion and returns the exit code; output in {@code log}. See {@link #exit}. */
    public static int run(Path log, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        return exit(builder(log, args), timeoutSeconds);
    }

    /**
     * Runs {@code pb} to completion and returns its exit code. Past {@code timeoutSeconds} the process and its
     * descendants are killed and the test fails with the output so far.
     */
    public static int exit(ProcessBuilder pb, long timeoutSeconds) throws IOException, InterruptedException {
        return ChildProcess.run(pb, timeoutSeconds).exit();
    }

    public static String text(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** A command's plain result, for short commands (status, sbatch). */
    static String capture(Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        return ChildProcess.run(pb, 60).out(); // bounded: a stalled squeue fails the test, not the build
    }

    /** progress.csv without its wall-clock columns (steps_per_s, wall_s): what must match between two runs. */
    public static List<String> progressWithoutClock(Path runDir) throws IOException {
        List<String> lines = Files.readAllLines(runDir.resolve("progress.csv"), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(",", -1));
        int sps = header.indexOf("steps_per_s"), wall = header.indexOf("wall_s");
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            String[] c = l.split(",", -1);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < c.length; i++) if (i != sps && i != wall) sb.append(c[i]).append(',');
            out.add(sb.toString());
        }
        return out;
    }

    /** Small, fast cells: a few thousand steps of a small network, with evaluations and checkpoints along the way. */
    static final String[] TINY = {"--steps", "3000", "--warmup", "500", "--learning-starts", "500", "--hidden", "64,64",
            "--batch", "64", "--eval-every", "500", "--eval-episodes", "2", "--checkpoint-every", "500", "--no-gif",
            "--no-tensorboard", "--log-every", "1"};

    static String[] args(String[] head, String... tail) {
        List<String> a = new ArrayList<>(List.of(head));
        a.addAll(List.of(TINY));
        a.addAll(List.of(tail));
        return a.toArray(new String[0]);
    }
}
