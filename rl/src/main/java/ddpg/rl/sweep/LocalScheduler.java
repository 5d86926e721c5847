package ddpg.rl.sweep;

import ddpg.rl.train.ParentWatch;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs a sweep's cells on this machine: one child process per cell ({@code sweep cell <dir> <index>}, which starts or
 * resumes it), at most {@code jobs} at once, each writing its console to {@code logs/<cell>.log}. A failed cell does
 * not stop the others. Stopping the sweep (Ctrl-C, SIGTERM) stops every child; each child also watches this process
 * and stops if it dies, so no cell ever outlives its sweep.
 */
public final class LocalScheduler {
    private final SweepFolder sweep;
    private final int jobs;
    private final Function<Cell, List<String>> command;
    private final StatusLine status;

    private final Map<Cell, Process> running = new LinkedHashMap<>();
    private final List<Cell> failed = new ArrayList<>();
    private volatile boolean stopping;

    /** @param command the child command line that runs one cell */
    public LocalScheduler(SweepFolder sweep, int jobs, Function<Cell, List<String>> command, PrintStream out, boolean inPlace) {
        this.sweep = sweep;
        this.jobs = jobs;
        this.command = command;
        this.status = new StatusLine(out, inPlace);
    }

    /** Runs every unfinished cell; returns 0 when all are done, 1 when any failed. */
    public int run() throws IOException, InterruptedException {
        Deque<Cell> queue = new ArrayDeque<>();
        int alreadyDone = 0;
        for (Cell c : sweep.plan.cells) {
            CellState st = CellState.read(sweep.cellDir(c));
            if (st.done()) alreadyDone++;
            else queue.add(c);
        }
        int total = sweep.plan.cells.size();
        status.message(String.format(Locale.ROOT, "sweep %s: %d cells, %d already done, %d to run, %d at a time",
                sweep.dir, total, alreadyDone, queue.size(), jobs));
        Thread stopper = new Thread(this::stopChildren, "sweep-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        int done = alreadyDone;
        try {
            while (!queue.isEmpty() || !running.isEmpty()) {
                while (!stopping && running.size() < jobs && !queue.isEmpty()) start(queue.poll());
                for (Cell c : new ArrayList<>(running.keySet())) {
                    Process p = running.get(c);
                    if (p.isAlive()) continue;
                    running.remove(c);
                    if (p.exitValue() == 0) {
                        done++;
                    } else {
                        failed.add(c);
                        status.message(String.format(Locale.ROOT, "cell %s failed (exit %d); see %s", c.name(), p.exitValue(),
                                sweep.log(c)));
                    }
                }
                status.update(sweep, done, running.size(), queue.size(), failed.size());
                if (stopping) break;
                Thread.sleep(200);
            }
        } finally {
            status.finish();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException e) {
                // shutting down: the hook is running
            }
        }
        if (failed.isEmpty()) {
            status.message(String.format(Locale.ROOT, "sweep done: %d of %d cells complete in %s", done, total, sweep.dir));
            return 0;
        }
        StringBuilder sb = new StringBuilder();
        for (Cell c : failed) sb.append(sb.length() == 0 ? "" : ", ").append(c.name()).append(" (").append(sweep.log(c)).append(')');
        status.message(String.format(Locale.ROOT, "sweep ended: %d of %d cells complete, %d failed: %s", done, total, failed.size(), sb));
        return 1;
    }

    private void start(Cell c) throws IOException {
        Path log = sweep.log(c);
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command.apply(c));
        pb.environment().put(ParentWatch.ENV, Long.toString(ProcessHandle.current().pid()));
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process p = pb.start();
        p.getOutputStream().close(); // a cell reads nothing
        running.put(c, p);
    }

    /**
     * Shutdown hook: stop every child with SIGTERM (each finishes its episode and writes a checkpoint, taking at most
     * StopRequest.WAIT_SECONDS), SIGKILL whatever is left 15 s after that, and say how to continue.
     */
    private void stopChildren() {
        stopping = true;
        List<Process> ps = new ArrayList<>(running.values());
        if (ps.isEmpty()) return;
        for (Process p : ps) p.destroy();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(ddpg.rl.train.StopRequest.WAIT_SECONDS + 15);
        for (Process p : ps) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!p.waitFor(left, java.util.concurrent.TimeUnit.NANOSECONDS)) p.destroyForcibly().waitFor();
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
        System.err.println("\nddpg: sweep stopped; every cell is resumable: java -jar ddpg.jar sweep --resume " + sweep.dir);
    }
}
