package ddpg.rl.sweep;

import ddpg.engine.io.Json;
import ddpg.rl.train.Checkpoint;
import ddpg.rl.train.PolicyFiles;
import ddpg.rl.train.RunLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where one run folder stands, read from its files alone (whatever process or scheduler ran it): not started,
 * running (its lock is held), stopped (resumable from a checkpoint, or failed), or done (the final checkpoint and the
 * exported policy exist).
 */
public record CellState(State state, long stepsDone, long stepsTotal, long checkpointStep, double lastEval, long lastEvalStep,
                        String failure) {
    public enum State { NOT_STARTED, RUNNING, STOPPED, FAILED, DONE }

    /** Written into a cell's folder when its run ends with an error; removed when it starts again. */
    public static final String FAILED_FILE = "failed.txt";

    public boolean done() {
        return state == State.DONE;
    }

    public static CellState read(Path runDir) {
        return read(runDir, true);
    }

    /** @param checkLock false for the process that holds the lock itself */
    public static CellState read(Path runDir, boolean checkLock) {
        if (!Files.isRegularFile(runDir.resolve("config.json")))
            return new CellState(State.NOT_STARTED, 0, -1, -1, Double.NaN, -1, null);
        long total = -1;
        try {
            Map<String, Object> cfg = Json.parseObject(Files.readString(runDir.resolve("config.json"), StandardCharsets.UTF_8));
            @SuppressWarnings("unchecked") Map<String, Object> run = (Map<String, Object>) cfg.get("run");
            total = Json.toLong(run.get("steps"));
        } catch (IOException | RuntimeException e) {
            // unreadable: shown as unknown total
        }
        long ckpt = checkpointStep(runDir);
        long done = 0, evalStep = -1;
        double eval = Double.NaN;
        try {
            List<String> lines = Files.readAllLines(runDir.resolve("progress.csv"), StandardCharsets.UTF_8);
            if (!lines.isEmpty()) {
                String[] header = lines.get(0).split(",", -1);
                int stepCol = List.of(header).indexOf("env_step"), evalCol = List.of(header).indexOf("eval_mean");
                for (int i = 1; i < lines.size(); i++) {
                    String[] c = lines.get(i).split(",", -1);
                    if (c.length != header.length) continue; // a row being written
                    done = Long.parseLong(c[stepCol]);
                    if (!c[evalCol].isEmpty()) {
                        eval = Double.parseDouble(c[evalCol]);
                        evalStep = done;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // no progress yet
        }
        State s;
        String failure = null;
        if (checkLock && RunLock.isHeld(runDir)) s = State.RUNNING;
        else if (total >= 0 && ckpt >= total && Files.isRegularFile(runDir.resolve(PolicyFiles.WEIGHTS))) s = State.DONE;
        else if (Files.isRegularFile(runDir.resolve(FAILED_FILE))) {
            s = State.FAILED;
            try {
                failure = Files.readString(runDir.resolve(FAILED_FILE), StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                failure = "";
            }
        } else s = State.STOPPED;
        return new CellState(s, done, total, ckpt, eval, evalStep, failure);
    }

    /** The env step of the newest complete checkpoint, or -1. */
    static long checkpointStep(Path runDir) {
        try {
            Path p = Checkpoint.latest(runDir);
            if (p == null) return -1;
            String n = p.getFileName().toString();
            return Long.parseLong(n.substring(n.indexOf('-') + 1));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
