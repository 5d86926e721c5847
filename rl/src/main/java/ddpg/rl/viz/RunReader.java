package ddpg.rl.viz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a run folder ({@code runs/<task>-s<seed>-<time>/}): its task name and its {@code progress.csv}. The task
 * comes from the {@code "task"} field of {@code config.json}; without one, from the folder name's prefix.
 */
public final class RunReader {
    public static final String CONFIG_FILE = "config.json";
    private static final Pattern TASK_FIELD = Pattern.compile("\"task\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern FOLDER_NAME = Pattern.compile("^(.+?)-s(\\d+)(-.*)?$");
    private static final Pattern SEED_FIELD = Pattern.compile("\"seed\"\\s*:\\s*(-?\\d+)");

    private RunReader() {}

    /**
     * Reads one run. {@code path} is the run folder (a path to its progress.csv is accepted too). Any problem is an
     * {@link IllegalArgumentException} with a one-line message that names the path.
     */
    public static RunProgress read(Path path) {
        Path dir = path;
        if (Files.isRegularFile(path)) {
            if (!path.getFileName().toString().equals(ProgressCsv.FILE_NAME)) {
                throw new IllegalArgumentException(path + " is a file, not a run folder: pass the folder that holds "
                        + ProgressCsv.FILE_NAME + " (e.g. runs/walker-run-s1-20260101-120000)");
            }
            dir = path.toAbsolutePath().getParent();
        }
        if (!Files.exists(dir)) {
            throw new IllegalArgumentException("run folder " + path + " does not exist (check the path; runs are under runs/)");
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(path + " is not a folder: pass a run folder such as runs/walker-run-s1-...");
        }
        Path csv = dir.resolve(ProgressCsv.FILE_NAME);
        if (!Files.isRegularFile(csv)) {
            throw new IllegalArgumentException(dir + " has no " + ProgressCsv.FILE_NAME
                    + ": not a run folder, or the run has not logged yet");
        }
        return ProgressCsv.read(csv, dir, taskName(dir), seed(dir));
    }

    /** The run's seed: config.json's first "seed" field, else the folder name's {@code "-s<seed>"}, else null. */
    public static String seed(Path dir) {
        String config = readConfig(dir);
        if (config != null) {
            Matcher m = SEED_FIELD.matcher(config);
            if (m.find()) return m.group(1);
        }
        Matcher m = FOLDER_NAME.matcher(folderName(dir));
        return m.matches() ? m.group(2) : null;
    }

    /** config.json's text, or null when it is missing or unreadable (a plot can do without it). */
    private static String readConfig(Path dir) {
        Path config = dir.resolve(CONFIG_FILE);
        if (!Files.isRegularFile(config)) return null;
        try {
            return Files.readString(config, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
    }

    private static String folderName(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? dir.toString() : name.toString();
    }

    /** The run's task: config.json's "task" field, else the folder name before {@code "-s<seed>"}, else the folder name. */
    public static String taskName(Path dir) {
        String config = readConfig(dir);
        if (config != null) {
            Matcher m = TASK_FIELD.matcher(config);
            if (m.find() && !m.group(1).isBlank()) return m.group(1);
        }
        String folder = folderName(dir);
        Matcher m = FOLDER_NAME.matcher(folder);
        return m.matches() ? m.group(1) : folder;
    }
}
