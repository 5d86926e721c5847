package ddpg.rl.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Training progress for a person watching: on a terminal one line that rewrites itself in place; otherwise (a log
 * file, CI) a plain line every {@code logEvery} seconds. Shows steps done/total, env steps/s, updates/s, ETA, the
 * last training return and the last evaluation return. Events (evaluations, checkpoints, divergences) get their own
 * lines either way.
 */
public final class LiveProgress {
    private final PrintStream out;
    private final boolean inPlace;
    private final long totalSteps;
    private final long intervalNanos;
    private long lastNanos, lastSteps, lastUpdates;
    private double stepsRate = Double.NaN, updatesRate = Double.NaN;
    private int lastWidth;
    /** Env step of the first update: before it, steps are cheap random actions and say nothing about the ETA. */
    private long learningStarts;

    public LiveProgress(PrintStream out, boolean inPlace, long totalSteps, double logEverySeconds) {
        this.out = out;
        this.inPlace = inPlace;
        this.totalSteps = totalSteps;
        this.intervalNanos = inPlace ? 500_000_000L : (long) (logEverySeconds * 1e9);
        this.lastNanos = System.nanoTime();
    }

    /**
     * True when stdout is an interactive terminal. JDK 17 returns no Console when a stream is redirected; JDK 22+
     * returns one anyway and says whether it is a terminal through {@code Console.isTerminal()}.
     */
    public static boolean terminalAttached() {
        java.io.Console c = System.console();
        if (c == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true; // JDK < 22: a Console exists only for a terminal
        }
    }

    /**
     * Env steps before learning starts are much faster than the rest (no gradient updates), so their rate would make
     * the ETA several times too optimistic: until then the ETA is not shown, and the rate restarts at the first update.
     */
    public LiveProgress learningStartsAt(long step) {
        this.learningStarts = step;
        return this;
    }

    /** Starts rate measurement from here (after a resume, say). */
    public void start(long steps, long updates) {
        lastNanos = System.nanoTime();
        lastSteps = steps;
        lastUpdates = updates;
    }

    /** Called every env step; prints only when the interval has passed. */
    public void tick(long steps, long updates, double lastTrainReturn, double lastEvalReturn) {
        long now = System.nanoTime();
        if (now - lastNanos < intervalNanos) return;
        double dt = (now - lastNanos) * 1e-9;
        double sr = (steps - lastSteps) / dt, ur = (updates - lastUpdates) / dt;
        if (lastUpdates == 0 && updates > 0) {
            stepsRate = updatesRate = Double.NaN; // this interval is mostly warm-up: measure training from here
        } else {
            // Smooth the rates so the ETA does not jump around after an evaluation pause.
            stepsRate = Double.isNaN(stepsRate) ? sr : 0.7 * stepsRate + 0.3 * sr;
            updatesRate = Double.isNaN(updatesRate) ? ur : 0.7 * updatesRate + 0.3 * ur;
        }
        lastNanos = now;
        lastSteps = steps;
        lastUpdates = updates;
        String line = format(steps, lastTrainReturn, lastEvalReturn);
        if (inPlace) {
            String padded = line + " ".repeat(Math.max(0, lastWidth - line.length()));
            out.print("\r" + padded);
            out.flush();
            lastWidth = line.length();
        } else {
            out.println(line);
        }
    }

    /** Env steps per second, smoothed (NaN before the first measurement). */
    public double stepsPerSecond() {
        return stepsRate;
    }

    String format(long steps, double lastTrain, double lastEval) {
        double remaining = totalSteps - steps;
        String eta = steps < learningStarts && totalSteps > learningStarts ? "after warm-up"
                : stepsRate > 0 ? duration(remaining / stepsRate) : "--";
        return String.format(Locale.ROOT, "step %,d/%,d (%.1f%%)  %.0f env steps/s  %.0f updates/s  ETA %s  train %s  eval %s",
                steps, totalSteps, totalSteps == 0 ? 100.0 : 100.0 * steps / totalSteps,
                nz(stepsRate), nz(updatesRate), eta, num(lastTrain), num(lastEval));
    }

    /** Prints an event on its own line (clearing the in-place line first). */
    public void message(String text) {
        if (inPlace && lastWidth > 0) {
            out.print("\r" + " ".repeat(lastWidth) + "\r");
            lastWidth = 0;
        }
        out.println(text);
        out.flush();
    }

    /** Ends the in-place line. */
    public void finish() {
        if (inPlace && lastWidth > 0) {
            out.println();
            lastWidth = 0;
        }
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) return "--";
        long s = Math.round(seconds);
        if (s >= 3600) return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
        if (s >= 60) return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        return s + "s";
    }
}
