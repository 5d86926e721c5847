package ddpg.rl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.testing.ChildProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A process told to watch its parent stops when the parent dies, and ignores a pid that is not its parent (an
 * inherited variable). The "parent" here is a shell that starts the JVM and then waits; killing it with SIGKILL
 * is what a killed launcher looks like to its child.
 */
class ParentWatchTest {
    /** The child: watches, then would sleep for a minute. */
    public static void main(String[] args) throws InterruptedException {
        ParentWatch.startFromEnvironment();
        Thread.sleep(60_000);
        System.exit(0);
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java") + " -cp " + System.getProperty("java.class.path") + " "
                + ParentWatchTest.class.getName();
    }

    @Test
    void aChildStopsWhenItsParentIsKilled() throws Exception {
        // sh starts java in the background, names itself as the pid to watch, and waits.
        try (ChildProcess shell = ChildProcess.start(new ProcessBuilder("sh", "-c", "DDPG_PARENT_PID=$$ " + javaCommand() + " & wait"))) {
            List<ProcessHandle> kids = List.of();
            for (int i = 0; i < 100 && kids.isEmpty(); i++) {
                kids = shell.descendants();
                if (kids.isEmpty()) Thread.sleep(50);
            }
            assertEquals(1, kids.size(), "the child JVM did not start");
            Thread.sleep(1500); // let it start watching
            shell.process().destroyForcibly();
            assertTrue(shell.process().waitFor(20, TimeUnit.SECONDS), "the shell survived SIGKILL");
            ProcessHandle child = kids.get(0);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (child.isAlive() && System.nanoTime() < until) Thread.sleep(50);
            assertFalse(child.isAlive(), "the child still runs 20 s after its parent was killed"); // else close() kills it
        }
    }

    @Test
    void aPidThatIsNotTheParentIsIgnored() throws Exception {
        try (ChildProcess sleeper = ChildProcess.start(new ProcessBuilder("sleep", "30"))) {
            ProcessBuilder pb = new ProcessBuilder("sh", "-c", "exec " + javaCommand());
            pb.environment().put(ParentWatch.ENV, Long.toString(sleeper.process().pid()));
            try (ChildProcess child = ChildProcess.start(pb)) {
                sleeper.killTree();
                assertFalse(child.process().waitFor(3, TimeUnit.SECONDS), "a process that is not its parent died, and it stopped anyway");
            }
        }
    }
}
