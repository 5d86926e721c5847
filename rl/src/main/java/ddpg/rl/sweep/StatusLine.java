package ddpg.rl.sweep;

import ddpg.rl.settings.Kind;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The sweep's one live line: cells done / running / queued / failed, the total env steps/s of the running cells and
 * the ETA of the whole sweep. In place on a terminal (every second), otherwise a plain line every 30 seconds.
 */
final class StatusLine {
    private final PrintStream out;
    private final boolean inPlace;
    private final long intervalNanos;
    private long lastNanos = System.nanoTime() - Long.MAX_VALUE / 4, rateNanos = System.nanoTime();
    private long lastTotalSteps = -1;
    private double rate = Double.NaN;
    private int width;

    StatusLine(PrintStream out, boolean inPlace) {
        this.out = out;
        this.inPlace = inPlace;
        this.intervalNanos = inPlace ? 1_000_000_000L : 30_000_000_000L;
    }

    void update(SweepFolder sweep, int done, int running, int queued, int failed) {
        long now = System.nanoTime();
        if (now - lastNanos < intervalNanos) return;
        lastNanos = now;
        long stepsDone = 0, stepsAll = 0;
        for (Cell c : sweep.plan.cells) {
            CellState st = CellState.read(sweep.cellDir(c), false);
            long total = st.stepsTotal() > 0 ? st.stepsTotal() : stepsOf(c);
            stepsAll += total;
            stepsDone += Math.min(total, st.stepsDone());
        }
        if (lastTotalSteps >= 0 && now > rateNanos) {
            double r = Math.max(0, stepsDone - lastTotalSteps) / ((now - rateNanos) * 1e-9);
            rate = Double.isNaN(rate) ? r : 0.8 * rate + 0.2 * r;
        }
        lastTotalSteps = stepsDone;
        rateNanos = now;
        String eta = rate > 0 ? duration((stepsAll - stepsDone) / rate) : "-";
        String line = String.format(Locale.ROOT, "cells: %d done, %d running, %d queued, %d failed | %,d / %,d env steps | %s env steps/s | ETA %s",
                done, running, queued, failed, stepsDone, stepsAll, Double.isNaN(rate) ? "-" : String.format(Locale.ROOT, "%,.0f", rate), eta);
        print(line);
    }

    void message(String s) {
        if (inPlace && width > 0) {
            out.print("\r" + " ".repeat(width) + "\r");
            width = 0;
        }
        out.println(s);
        out.flush();
    }

    void finish() {
        if (inPlace && width > 0) out.println();
        width = 0;
        out.flush();
    }

    private void print(String line) {
        if (inPlace) {
            out.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
            width = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** The --steps of a cell's arguments (for cells not started yet), parsed like the train option. */
    private static long stepsOf(Cell c) {
        int i = c.args().indexOf("--steps");
        long dflt = new ddpg.rl.train.RunSettings().steps;
        if (i < 0 || i + 1 >= c.args().size()) return dflt;
        try {
            return Kind.parseLongWithSuffix(c.args().get(i + 1));
        } catch (RuntimeException e) {
            return dflt;
        }
    }

    static String duration(double seconds) {
        long s = (long) seconds;
        if (s >= 3600) return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
        if (s >= 60) return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        return s + "s";
    }
}
