package ddpg.rl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.rl.sweep.DdpgProcess;
import ddpg.testing.ChildProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM (what Ctrl-C, a scheduler's stop and a closed terminal amount to) stops a training process at the end of
 * the current episode with a checkpoint there, within seconds, and the resumed run ends exactly like an uninterrupted
 * one. Once with the training JVM signalled directly, once through the launcher JVM that relaunched it.
 */
class InterruptProcessTest {
    @TempDir static Path shared;
    private static Path whole;
    @TempDir Path tmp;

    /**
     * Cartpole episodes are 1000 steps; the periodic checkpoint (4000) comes after the stop. Progress lines come every
     * 20 ms, so the test sees step 1000 pass at once even on a machine that trains the 3000 steps to 4000 in a second.
     */
    private static String[] args(Path out) {
        return new String[] {"--task", "cartpole-swingup", "--steps", "5000", "--warmup", "1000", "--learning-starts", "1000",
                "--hidden", "32,32", "--batch", "32", "--eval-every", "1000", "--eval-episodes", "1", "--checkpoint-every", "4000",
                "--no-gif", "--no-tensorboard", "--log-every", "0.02", "--out", out.toString()};
    }

    @BeforeAll
    static void uninterrupted() throws Exception {
        Path log = shared.resolve("whole.log");
        assertEquals(0, DdpgProcess.run(log, 300, args(shared.resolve("whole"))), DdpgProcess.text(log));
        whole = onlyRun(shared.resolve("whole"));
    }

    private static Path onlyRun(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.findFirst().orElseThrow();
        }
    }

    private static final Pattern PROGRESS = Pattern.compile("^step ([\\d,]+)/5,000", Pattern.MULTILINE);

    /** The last env step the progress lines show; 0 before the first. */
    private static long loggedStep(Path log) throws IOException {
        Matcher m = PROGRESS.matcher(DdpgProcess.text(log));
        long step = 0;
        while (m.find()) step = Long.parseLong(m.group(1).replace(",", ""));
        return step;
    }

    /**
     * Starts {@code pb}, sends SIGTERM in the second episode, and checks the stop (the processes it had spawned are
     * gone with it) and the resume; returns those processes (the relaunched JVM, if any).
     */
    private List<ProcessHandle> interruptAndResume(ProcessBuilder pb, Path out, Path log) throws Exception {
        long killPoint;
        List<ProcessHandle> spawned;
        ChildProcess.Result stopped;
        double seconds;
        try (ChildProcess p = ChildProcess.start(pb)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            while (loggedStep(log) <= 1000 && p.process().isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
            killPoint = loggedStep(log);
            spawned = p.descendants();
            assertTrue(p.process().isAlive() && killPoint > 1000 && killPoint < 4000, "not mid-run at the kill: step " + killPoint + "\n" + DdpgProcess.text(log));
            long t0 = System.nanoTime();
            p.process().destroy(); // SIGTERM
            stopped = p.await(60);
            seconds = (System.nanoTime() - t0) / 1e9;
            // checked before close(), which would kill a survivor
            assertTrue(spawned.stream().noneMatch(ProcessHandle::isAlive), "outlived the stop: " + spawned + "\n" + stopped.out());
        }
        String text = stopped.out();
        assertTrue(seconds < 30, "took " + seconds + " s to stop:\n" + text);
        assertEquals(128 + 15, stopped.exit(), text);

        Path run = onlyRun(out);
        List<String> ckpts = new ArrayList<>();
        try (Stream<Path> s = Files.list(run.resolve("checkpoints"))) {
            s.map(c -> c.getFileName().toString()).sorted().forEach(ckpts::add);
        }
        assertEquals(1, ckpts.size(), ckpts.toString());
        long step = Long.parseLong(ckpts.get(0).substring("step-".length()));
        assertTrue(step > killPoint && step % 1000 == 0 && step < 5000,
                "checkpoint at step " + step + ", killed after step " + killPoint + ":\n" + text);
        assertTrue(text.contains("ddpg: interrupted; the last checkpoint is at step " + String.format("%,d", step)
                + "; continue with: java -jar ddpg.jar --resume " + run), text);

        Path resumeLog = tmp.resolve("resume.log");
        assertEquals(0, DdpgProcess.run(resumeLog, 300, "--resume", run.toString()), DdpgProcess.text(resumeLog));
        assertEquals(DdpgProcess.progressWithoutClock(whole), DdpgProcess.progressWithoutClock(run));
        assertArrayEquals(Files.readAllBytes(whole.resolve("actor.safetensors")), Files.readAllBytes(run.resolve("actor.safetensors")));
        return spawned;
    }

    @Test
    void sigtermStopsAtTheEpisodeEndWithACheckpointAndResumesExactly() throws Exception {
        Path out = tmp.resolve("runs"), log = tmp.resolve("run.log");
        interruptAndResume(DdpgProcess.builder(log, args(out)), out, log);
    }

    @Test
    void theLauncherPassesSigtermOnAndWaits() throws Exception {
        Path out = tmp.resolve("runs"), log = tmp.resolve("run.log");
        List<String> cmd = new ArrayList<>(List.of(DdpgProcess.java(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args(out)));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove(Relauncher.GUARD);
        pb.environment().remove("DDPG_KERNELS");
        pb.environment().remove("DDPG_PARENT_PID");
        List<ProcessHandle> relaunched = interruptAndResume(pb, out, log);
        assertEquals(1, relaunched.size(), "the launcher relaunched itself: " + relaunched);
    }
}
