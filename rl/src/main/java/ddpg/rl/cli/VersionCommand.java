package ddpg.rl.cli;

import ddpg.engine.kernels.Kernels;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code ddpg.jar version}: project version, JDK, vector species (or "scalar") and threads. */
final class VersionCommand implements Command {
    @Override public String name() { return "version"; }

    @Override public String summary() { return "print the version, JDK, SIMD kernels in use and thread count"; }

    @Override public Options options() { return new Options(); }

    @Override
    public int run(CommandLine cl) {
        System.out.println("ddpg " + Main.version());
        System.out.println("commit   " + ddpg.rl.train.BuildInfo.commit());
        System.out.println("jdk      " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
                + ", " + System.getProperty("java.vendor") + ")");
        System.out.println("kernels  " + Kernels.description());
        System.out.println("threads  " + Runtime.getRuntime().availableProcessors() + " available");
        return 0;
    }
}
