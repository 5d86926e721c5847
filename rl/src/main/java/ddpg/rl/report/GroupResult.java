package ddpg.rl.report;

import java.util.List;

/** A group and its table rows ({@link GroupRows}). */
public record GroupResult(RunGroup group, List<StepRow> rows) {
    public GroupResult {
        rows = List.copyOf(rows);
    }
}
