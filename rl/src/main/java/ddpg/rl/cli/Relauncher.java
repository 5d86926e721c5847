package ddpg.rl.cli;

import ddpg.rl.train.StopRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes {@code java -jar ddpg.jar ...} use the SIMD kernels although a jar manifest cannot add modules: when
 * {@code jdk.incubator.vector} is not in the boot layer, re-executes the same {@code java} binary with the same JVM
 * options, {@code --add-modules=jdk.incubator.vector}, the same class path and arguments, and passes the child's
 * exit code through. The environment variable {@link #GUARD} marks the child so it never relaunches again.
 */
final class Relauncher {
    private Relauncher() {}

    static final String GUARD = "DDPG_RELAUNCHED";
    private static final String MODULE = "jdk.incubator.vector";
    private static final String INCUBATOR_WARNING = "WARNING: Using incubator modules: " + MODULE;

    /** True when a relaunch would help: module absent from the boot layer but present in this JDK, no guard set. */
    static boolean wanted() {
        if (ModuleLayer.boot().findModule(MODULE).isPresent()) return false;
        if (System.getenv(GUARD) != null) return false;
        return ModuleFinder.ofSystem().find(MODULE).isPresent();
    }

    /** Runs the child JVM to completion and returns its exit code. */
    static int relaunch(String mainClass, String[] args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        cmd.addAll(jvmOptions());
        cmd.add("--add-modules=" + MODULE);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put(GUARD, "1");
        // The child stops by itself if this launcher is killed in a way that skips the shutdown hook (SIGKILL).
        pb.environment().put(ddpg.rl.train.ParentWatch.ENV, Long.toString(ProcessHandle.current().pid()));
        pb.redirectInput(ProcessBuilder.Redirect.INHERIT);
        pb.redirectOutput(ProcessBuilder.Redirect.INHERIT);
        // stderr goes through us only to drop the JVM's one-line incubator notice; everything else passes untouched.
        pb.redirectError(ProcessBuilder.Redirect.PIPE);
        Process child = pb.start();
        Thread pump = new Thread(() -> pumpStderr(child.getErrorStream(), System.err), "stderr-pump");
        pump.setDaemon(true);
        pump.start();
        // Ctrl-C, SIGTERM or SIGHUP to this launcher: pass it on as SIGTERM and wait while the child finishes its
        // episode and writes a checkpoint (it gives itself StopRequest.WAIT_SECONDS), with its last words.
        Thread killChild = new Thread(() -> {
            try {
                if (child.isAlive()) {
                    child.toHandle().destroy(); // SIGTERM; Process.destroy() would also close the pipe the pump reads
                    if (!child.waitFor(StopRequest.WAIT_SECONDS + 15, TimeUnit.SECONDS)) child.destroyForcibly();
                }
                pump.join(2000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "ddpg-stop-child");
        Runtime.getRuntime().addShutdownHook(killChild);
        int code = child.waitFor();
        pump.join(2000);
        System.err.flush();
        try {
            Runtime.getRuntime().removeShutdownHook(killChild);
        } catch (IllegalStateException ignored) {
            // already shutting down
        }
        return code;
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The options this JVM was started with (heap size, -D properties...), minus any agent port clashes. */
    private static List<String> jvmOptions() {
        try {
            List<String> opts = new ArrayList<>();
            for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (a.startsWith("-agentlib:jdwp")) continue; // a debugger port cannot be bound twice
                opts.add(a);
            }
            return opts;
        } catch (LinkageError e) { // java.management absent from a trimmed runtime
            return List.of();
        }
    }

    /** Copies the child's stderr, dropping only the incubator notice line if it comes first. */
    static void pumpStderr(InputStream in, OutputStream out) {
        try {
            byte[] warn = (INCUBATOR_WARNING).getBytes(StandardCharsets.UTF_8);
            byte[] head = new byte[warn.length + 2];
            int n = 0;
            // read up to the first newline or until the head differs from the notice
            while (n < head.length) {
                int b = in.read();
                if (b < 0) break;
                head[n++] = (byte) b;
                if (b == '\n') break;
                if (n <= warn.length && head[n - 1] != warn[n - 1]) break;
            }
            boolean isNotice = n >= warn.length && startsWith(head, warn)
                    && (n == warn.length || head[warn.length] == '\n' || head[warn.length] == '\r');
            if (!isNotice) {
                out.write(head, 0, n);
                out.flush();
            } else if (n == warn.length + 1 && head[warn.length] == '\r') {
                in.read(); // swallow the '\n' of a CRLF
            }
            byte[] buf = new byte[8192];
            int r;
            while ((r = in.read(buf)) >= 0) {
                out.write(buf, 0, r);
                out.flush();
            }
        } catch (IOException ignored) {
            // the child is gone; nothing left to copy
        }
    }

    private static boolean startsWith(byte[] a, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) if (a[i] != prefix[i]) return false;
        return true;
    }
}
