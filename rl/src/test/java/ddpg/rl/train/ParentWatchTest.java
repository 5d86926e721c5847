package ddpg.rl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "DDPG_PARENT_PID=$$ " + javaCommand() + " & wait");
        Process shell = pb.start();
        ProcessHandle child = null;
        for (int i = 0; i < 100 && child == null; i++) {
            List<ProcessHandle> kids = shell.children().toList();
            if (!kids.isEmpty()) child = kids.get(0);
            else Thread.sleep(50);
        }
        assertTrue(child != null, "the child JVM did not start");
        Thread.sleep(1500); // let it start watching
        shell.destroyForcibly().waitFor();
        assertTrue(child.onExit().get(20, TimeUnit.SECONDS) != null);
        assertTrue(!child.isAlive());
    }

    @Test
    void aPidThatIsNotTheParentIsIgnored() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "exec " + javaCommand());
        pb.environment().put(ParentWatch.ENV, Long.toString(sleeper.pid()));
        Process child = pb.start();
        sleeper.destroyForcibly().waitFor();
        assertTrue(!child.waitFor(3, TimeUnit.SECONDS), "a process that is not its parent died, and it stopped anyway");
        child.destroyForcibly().waitFor();
        assertEquals(false, child.isAlive());
    }
}
