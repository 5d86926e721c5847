package ddpg.rl.report;

import java.util.List;

/**
 * One line of a group's table: the statistics over the seeds whose evaluations reached {@code step} (or, for the
 * end row, over the finished seeds' final evaluations), and notes naming the seeds left out and why.
 *
 * @param step   env step, or {@link #END}
 * @param of     how many runs the group has
 * @param stats  over the qualifying runs; null when none qualifies
 * @param notes  one sentence per remark (empty when every run qualifies)
 */
public record StepRow(long step, int of, Stats stats, List<String> notes) {
    public static final long END = -1;

    public StepRow {
        notes = List.copyOf(notes);
    }

    public int seeds() {
        return stats == null ? 0 : stats.n();
    }

    /** "500k", or "end". */
    public String stepText() {
        return step == END ? "end" : StepText.of(step);
    }
}
