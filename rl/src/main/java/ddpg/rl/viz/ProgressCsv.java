package ddpg.rl.viz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a run's {@code progress.csv}: a header row, then one comma-separated row per log point. Columns are found
 * by name (order and extra columns do not matter); the ones used here are {@code env_step}, {@code train_return},
 * {@code eval_mean} and {@code eval_std}. An empty cell means "nothing at this row" (no evaluation, no finished
 * episode). Non-finite values (a diverged episode logged as NaN) are skipped rather than plotted.
 */
public final class ProgressCsv {
    public static final String FILE_NAME = "progress.csv";
    static final String[] REQUIRED = {"env_step", "train_return", "eval_mean", "eval_std"};

    private ProgressCsv() {}

    /** Parses {@code file}; any problem is an {@link IllegalArgumentException} with a one-line message. */
    public static RunProgress read(Path file, Path runDir, String task, String seed) {
        List<String> lines;
        boolean unterminated; // the trainer may be appending a row right now
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            unterminated = !text.isEmpty() && !text.endsWith("\n");
            lines = text.lines().toList();
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IllegalArgumentException(file + " is not a text CSV file (expected the progress.csv a training run writes)");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) first++;
        if (first == lines.size()) {
            throw new IllegalArgumentException(file + " is empty: the run has not logged anything yet (wait for the first evaluation)");
        }
        String[] header = split(lines.get(first));
        int cStep = column(header, "env_step", file);
        int cTrain = column(header, "train_return", file);
        int cMean = column(header, "eval_mean", file);
        int cStd = column(header, "eval_std", file);

        DoubleList evalStep = new DoubleList(), evalMean = new DoubleList(), evalStd = new DoubleList();
        DoubleList trainStep = new DoubleList(), trainReturn = new DoubleList();
        int rows = 0;
        double lastStep = Double.NEGATIVE_INFINITY;
        for (int i = first + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            int lineNo = i + 1;
            String[] cells = split(line);
            if (cells.length < header.length && unterminated && i == lines.size() - 1) break; // half-written last row
            if (cells.length < header.length) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": expected " + header.length
                        + " comma-separated fields like the header, found " + cells.length + " (truncated or foreign file?)");
            }
            double step = number(cells[cStep], "env_step", file, lineNo);
            if (Double.isNaN(step)) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": env_step is empty; every row needs one");
            }
            if (step < lastStep) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": env_step goes backwards (" + (long) step
                        + " after " + (long) lastStep + "); is this file two runs concatenated?");
            }
            lastStep = step;
            rows++;
            double train = number(cells[cTrain], "train_return", file, lineNo);
            if (Double.isFinite(train)) {
                trainStep.add(step);
                trainReturn.add(train);
            }
            double mean = number(cells[cMean], "eval_mean", file, lineNo);
            if (Double.isFinite(mean)) {
                double std = number(cells[cStd], "eval_std", file, lineNo);
                evalStep.add(step);
                evalMean.add(mean);
                evalStd.add(Double.isFinite(std) ? std : 0);
            }
        }
        if (rows == 0) {
            throw new IllegalArgumentException(file + " has a header but no rows yet: wait for the first evaluation");
        }
        if (evalStep.size() == 0 && trainStep.size() == 0) {
            throw new IllegalArgumentException(file + " has " + rows + " rows but no train_return or eval_mean values to plot");
        }
        return new RunProgress(runDir, task, seed, evalStep.toArray(), evalMean.toArray(), evalStd.toArray(),
                trainStep.toArray(), trainReturn.toArray());
    }

    private static String[] split(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) cells[i] = cells[i].trim();
        return cells;
    }

    private static int column(String[] header, String name, Path file) {
        for (int i = 0; i < header.length; i++) if (header[i].equals(name)) return i;
        throw new IllegalArgumentException(file + " has no '" + name + "' column (header should start with "
                + "env_step,episode,train_return,eval_mean,eval_std,...; is this a training run's progress.csv?)");
    }

    /** Empty cell -> NaN ("no value"); "nan"/"inf" in any case -> non-finite; anything else must parse. */
    private static double number(String cell, String col, Path file, int lineNo) {
        if (cell.isEmpty()) return Double.NaN;
        String lower = cell.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("nan")) return Double.NaN;
        if (lower.equals("inf") || lower.equals("+inf") || lower.equals("infinity")) return Double.POSITIVE_INFINITY;
        if (lower.equals("-inf") || lower.equals("-infinity")) return Double.NEGATIVE_INFINITY;
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ":" + lineNo + ": " + col + " is '" + cell + "', not a number");
        }
    }

    /** A growable primitive array (the files are small, but boxing a million doubles is silly). */
    static final class DoubleList {
        private double[] a = new double[64];
        private int n;

        void add(double v) {
            if (n == a.length) a = java.util.Arrays.copyOf(a, 2 * n);
            a[n++] = v;
        }

        int size() { return n; }

        double[] toArray() { return java.util.Arrays.copyOf(a, n); }
    }
}
