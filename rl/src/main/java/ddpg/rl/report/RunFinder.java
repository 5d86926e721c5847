package ddpg.rl.report;

import ddpg.rl.viz.ProgressCsv;
import ddpg.rl.viz.RunReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Turns the folders named on the command line into run folders. A run folder holds config.json (or, for runs of
 * old builds, just progress.csv). A folder that is not a run is searched one and two levels down: a sweep folder
 * (cells are its subfolders), a runs/ folder, or a folder of sweeps. Hidden folders are skipped.
 */
public final class RunFinder {
    /**
     * One run folder.
     *
     * @param dir   the folder
     * @param given its path as the user would write it: the argument, then the subfolders below it (for --label)
     */
    public record Found(Path dir, String given) {}

    private RunFinder() {}

    /**
     * Every run folder under {@code args}, each once, sorted by path. A missing argument, a plain file, or no run
     * folder at all is an {@link IllegalArgumentException} with a one-line message.
     */
    public static List<Found> find(List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("no folders given: pass run folders (with config.json), a sweep folder, or a folder of runs");
        }
        Map<Path, Found> byDir = new TreeMap<>();
        for (String arg : args) {
            Path p = Path.of(arg);
            String given = arg.replace('\\', '/');
            if (Files.isRegularFile(p) && isRunFile(p)) { // runs/x/progress.csv stands for runs/x
                p = p.toAbsolutePath().getParent();
                int cut = given.lastIndexOf('/');
                given = cut < 0 ? "." : given.substring(0, cut);
            }
            if (!Files.exists(p)) throw new IllegalArgumentException(arg + " does not exist (check the path; runs are under runs/)");
            if (!Files.isDirectory(p)) {
                throw new IllegalArgumentException(arg + " is not a folder: pass a run folder (with config.json), a sweep folder, or a folder of runs");
            }
            while (given.length() > 1 && given.endsWith("/")) given = given.substring(0, given.length() - 1);
            if (isRun(p)) add(byDir, p, given);
            else {
                for (Path child : subfolders(p)) {
                    String g1 = given + "/" + child.getFileName();
                    if (isRun(child)) add(byDir, child, g1);
                    else for (Path grandchild : subfolders(child)) if (isRun(grandchild)) add(byDir, grandchild, g1 + "/" + grandchild.getFileName());
                }
            }
        }
        if (byDir.isEmpty()) {
            throw new IllegalArgumentException("no run folders found in " + String.join(", ", args) + ": a run folder holds "
                    + RunReader.CONFIG_FILE + "; pass run folders, a sweep folder, or a folder of runs (searched two levels deep)");
        }
        return new ArrayList<>(byDir.values());
    }

    static boolean isRun(Path dir) {
        return Files.isRegularFile(dir.resolve(RunReader.CONFIG_FILE)) || Files.isRegularFile(dir.resolve(ProgressCsv.FILE_NAME));
    }

    private static boolean isRunFile(Path p) {
        String n = p.getFileName().toString();
        return n.equals(RunReader.CONFIG_FILE) || n.equals(ProgressCsv.FILE_NAME);
    }

    private static void add(Map<Path, Found> byDir, Path dir, String given) {
        byDir.putIfAbsent(dir.toAbsolutePath().normalize(), new Found(dir, given));
    }

    /** Non-hidden subfolders, sorted by name. */
    private static List<Path> subfolders(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list the folder " + dir + " (" + e.getMessage() + ")");
        }
    }
}
