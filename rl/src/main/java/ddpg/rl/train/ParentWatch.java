package ddpg.rl.train;

/**
 * Stops this process when the process that started it dies. A launcher or a sweep that spawns a trainer names itself
 * in {@link #ENV}; if it is killed (even with SIGKILL, when it cannot clean up), the trainer must not keep writing the
 * run folder unseen. Stopping abruptly is safe: checkpoints are written atomically and a resume continues from the
 * last complete one.
 */
public final class ParentWatch {
    /** Environment variable holding the pid of the process to watch. */
    public static final String ENV = "DDPG_PARENT_PID";
    /** Exit code of a process stopped because its parent died. */
    public static final int EXIT_CODE = 3;
    private static final long POLL_MILLIS = 500;

    private ParentWatch() {}

    /**
     * Starts watching the pid in {@link #ENV} if it names this process's parent. The variable is inherited by
     * grandchildren too (a job that {@code sbatch} submits carries its submitter's environment), so a pid that is not
     * our direct parent is ignored.
     */
    public static void startFromEnvironment() {
        String v = System.getenv(ENV);
        if (v == null || v.isBlank()) return;
        long pid;
        try {
            pid = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return;
        }
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        if (parent == null || parent.pid() != pid) return;
        Thread t = new Thread(() -> watch(parent), "parent-watch");
        t.setDaemon(true);
        t.start();
    }

    private static void watch(ProcessHandle parent) {
        while (parent != null && parent.isAlive()) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
        System.err.println("ddpg: the process that started this one is gone; stopping (resume from the last checkpoint)");
        Runtime.getRuntime().halt(EXIT_CODE);
    }
}
