package ddpg.rl.report;

import ddpg.rl.train.AtomicFiles;
import ddpg.rl.viz.ImageFiles;
import ddpg.rl.viz.Plot;
import ddpg.rl.viz.PlotOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ddpg.jar report}: run folders in, {@code results.md}, {@code results.csv} and {@code curves.png} out. Runs
 * are found ({@link RunFinder}), read ({@link RunLoader}), grouped by task and differing settings ({@link RunGroups}),
 * summarised per group at the requested steps and at the end ({@link GroupRows}, {@link Stats}), and written
 * ({@link ResultsMarkdown}, {@link ResultsCsv}, {@link Curves} drawn by ddpg.rl.viz.Plot). Everything is computed
 * before the output folder is touched, so a mistake writes nothing; each file is replaced atomically.
 *
 * <pre>
 * Report.write(List.of("runs/sweep-bn"), Path.of("docs/results"), Report.DEFAULT_AT, List.of());
 * </pre>
 */
public final class Report {
    public static final String MD = "results.md", CSV = "results.csv", PNG = "curves.png";
    /** {@code --at}'s default. */
    public static final String DEFAULT_AT = "100k,500k,1M";

    /** What was reported, for the command's one-line summary. */
    public record Summary(int runs, int tasks, int groups, int unfinished) {}

    private Report() {}

    /**
     * @param inputs run folders, sweep folders or folders of runs
     * @param out    the folder to write into (created if missing)
     * @param at     env steps for the tables, increasing
     * @param rules  --label rules (empty: group by settings)
     * @throws IllegalArgumentException with a one-line message for bad input or an unwritable {@code out}
     */
    public static Summary write(List<String> inputs, Path out, long[] at, List<LabelRule> rules) {
        return write(inputs, out, at, rules, List.of());
    }

    /**
     * The same, with published results to compare against ({@code --anchors}): each anchor's step joins the table
     * steps, and results.md gets a comparison table under each task that has one.
     */
    public static Summary write(List<String> inputs, Path out, long[] at, List<LabelRule> rules, List<Anchor> anchors) {
        List<ReportRun> runs = RunLoader.load(inputs);
        List<RunGroup> groups = RunGroups.of(runs, rules);
        long[] steps = java.util.stream.LongStream.concat(java.util.Arrays.stream(at), anchors.stream().mapToLong(Anchor::step))
                .distinct().sorted().toArray();
        List<GroupResult> results = groups.stream().map(g -> new GroupResult(g, GroupRows.of(g, steps))).toList();
        byte[] png = ImageFiles.pngBytes(Plot.render(Curves.panels(groups, 1, true), PlotOptions.EVAL_ONLY));
        String csv = ResultsCsv.text(results);
        String md = ResultsMarkdown.text(results, steps, rules, anchors);

        prepare(out);
        write(out.resolve(PNG), png);
        write(out.resolve(CSV), csv.getBytes(StandardCharsets.UTF_8));
        write(out.resolve(MD), md.getBytes(StandardCharsets.UTF_8));
        int tasks = (int) groups.stream().map(RunGroup::task).distinct().count();
        int unfinished = (int) runs.stream().filter(r -> r.state() != RunState.FINISHED).count();
        return new Summary(runs.size(), tasks, groups.size(), unfinished);
    }

    private static void prepare(Path out) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file, not a folder; choose a folder for the report, e.g. --out docs/results");
        }
        try {
            Files.createDirectories(out);
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException("cannot create the report folder " + out + " (" + reason(e) + "); choose another --out");
        }
        if (!Files.isWritable(out)) throw new IllegalArgumentException("the report folder " + out + " is not writable; choose another --out");
    }

    private static void write(Path file, byte[] bytes) {
        try {
            AtomicFiles.writeBytes(file, bytes);
        } catch (IOException | SecurityException e) {
            String m = e.getMessage();
            boolean namesFile = m != null && m.contains(file.toString()) && !(e instanceof java.nio.file.FileSystemException);
            throw new IllegalArgumentException((namesFile ? m : "cannot write " + file + " (" + reason(e) + ")") + "; choose another --out");
        }
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.FileAlreadyExistsException) return "a file of that name is in the way";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
