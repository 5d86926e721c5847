package ddpg.rl.report;

import ddpg.engine.io.Json;
import ddpg.rl.viz.ProgressCsv;
import ddpg.rl.viz.RunProgress;
import ddpg.rl.viz.RunReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the run folders {@link RunFinder} found: config.json, progress.csv and the run's state. */
public final class RunLoader {
    private RunLoader() {}

    /**
     * Finds, reads and names every run under {@code args}. Bad input (a missing folder, no runs, a damaged
     * config.json or progress.csv) is an {@link IllegalArgumentException} with a one-line message.
     */
    public static List<ReportRun> load(List<String> args) {
        List<ReportRun> runs = new ArrayList<>();
        for (RunFinder.Found f : RunFinder.find(args)) runs.add(read(f));
        return RunNames.assign(runs);
    }

    static ReportRun read(RunFinder.Found f) {
        Path dir = f.dir();
        Map<String, Object> config = config(dir);
        Map<?, ?> run = config.get("run") instanceof Map<?, ?> m ? m : Map.of();
        String task = config.get("task") instanceof String t && !t.isBlank() ? t : RunReader.taskName(dir);
        Long seed = run.get("seed") instanceof Long s ? s : parseSeed(RunReader.seed(dir));
        long planned = run.get("steps") instanceof Number n ? n.longValue() : -1;
        String version = config.get("version") instanceof String v ? v : "?";
        String commit = config.get("commit") instanceof String c ? c : "?";
        RunProgress progress = progress(dir, task, seed);
        long done = progress == null ? 0 : (long) progress.lastStep();
        return new ReportRun(dir, f.given(), null /* named by RunNames */, task, seed, GroupSettings.of(config), version, commit, planned, RunState.of(dir, planned, done), progress);
    }

    /** config.json parsed, or an empty map when the folder has none (runs of old builds). */
    private static Map<String, Object> config(Path dir) {
        Path file = dir.resolve(RunReader.CONFIG_FILE);
        if (!Files.isRegularFile(file)) return Map.of();
        try {
            return Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + " (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " is not a valid config.json (" + e.getMessage() + "); restore it from the run or leave the run out");
        }
    }

    /** progress.csv, or null while it has no complete row yet (a run that has just started). */
    private static RunProgress progress(Path dir, String task, Long seed) {
        Path csv = dir.resolve(ProgressCsv.FILE_NAME);
        if (!Files.isRegularFile(csv)) return null;
        String text;
        try {
            text = Files.readString(csv, StandardCharsets.ISO_8859_1); // row count only; ProgressCsv checks the text
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + csv + " (" + e.getMessage() + ")");
        }
        long lines = text.lines().filter(l -> !l.isBlank()).count();
        if (!text.isEmpty() && !text.endsWith("\n")) lines--; // a row being appended right now
        if (lines < 2) return null;
        return ProgressCsv.read(csv, dir, task, seed == null ? null : seed.toString());
    }

    private static Long parseSeed(String s) {
        try {
            return s == null ? null : Long.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
