package ddpg.rl.bench;

import ddpg.engine.kernels.Kernels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The header every benchmark prints: JDK, CPU, kernels, threads, load. */
public final class MachineInfo {
    private MachineInfo() {}

    /** "AMD EPYC" from /proc/cpuinfo on Linux, else the OS architecture. */
    public static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    /** The 1-minute load average, or -1 when unknown (other processes competing for the cores skew results). */
    public static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    public static String jdk() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
    }

    /** Header lines, each starting with '#'. */
    public static List<String> header(BenchContext ctx) {
        return List.of(
                "# jdk      " + jdk(),
                "# cpu      " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " logical cores",
                "# kernels  " + Kernels.description(),
                "# threads  " + ctx.threads() + (ctx.quick() ? " (quick run)" : ""),
                String.format("# load     %.2f (1-minute average before the run; >0.5 means others share the cores)",
                        loadAverage()));
    }
}
