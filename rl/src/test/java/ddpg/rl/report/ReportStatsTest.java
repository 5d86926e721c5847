package ddpg.rl.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mean, population std, IQM (scipy trim_mean 0.25), min, max; a run's value at a step. */
class ReportStatsTest {
    @TempDir Path tmp;

    @Test
    void fiveValuesByHand() {
        // mean 20/5 = 4; squared deviations 9, 4, 1, 0, 36 -> std sqrt(50 / 5) = sqrt(10); IQM drops floor(5/4) = 1
        // value from each end: mean(2, 3, 4) = 3.
        Stats s = Stats.of(new double[] {10, 3, 1, 4, 2});
        assertEquals(5, s.n());
        assertEquals(4, s.mean(), 1e-12);
        assertEquals(Math.sqrt(10), s.std(), 1e-12);
        assertEquals(3, s.iqm(), 1e-12);
        assertEquals(1, s.min());
        assertEquals(10, s.max());
    }

    @Test
    void eightValuesDropTwoFromEachEnd() {
        // numpy: np.std([1..8]) = sqrt(5.25); scipy.stats.trim_mean([1..8], 0.25) = mean(3, 4, 5, 6) = 4.5.
        Stats s = Stats.of(new double[] {8, 1, 7, 2, 6, 3, 5, 4});
        assertEquals(4.5, s.mean(), 1e-12);
        assertEquals(Math.sqrt(5.25), s.std(), 1e-12);
        assertEquals(4.5, s.iqm(), 1e-12);
        Stats skew = Stats.of(new double[] {0, 0, 1, 100});
        assertEquals(0.5, skew.iqm(), 1e-12, "n = 4: drop one each end, mean(0, 1)");
        assertEquals(25.25, skew.mean(), 1e-12);
    }

    @Test
    void fewValues() {
        Stats one = Stats.of(new double[] {7.5});
        assertEquals(0, one.std());
        assertEquals(7.5, one.iqm());
        Stats three = Stats.of(new double[] {100, 200, 600});
        assertEquals(300, three.iqm(), 1e-12, "n < 4: nothing dropped");
        assertEquals(Math.sqrt(140_000 / 3.0), three.std(), 1e-9);
    }

    @Test
    void aRunsValueAtAStepIsItsLastEvaluationAtOrBeforeItOnlyOnceReached() {
        ReportRun r = RunLoader.load(List.of(FakeRuns.run(tmp, "r", s -> { s.done = 45_000; s.planned = 100_000; s.finished = false;
            s.evalEvery = 20_000; }).toString())).get(0);
        assertEquals(40_000, r.lastEvalStep());
        assertEquals(45_000, r.stepsDone());
        assertEquals(20, r.valueAt(39_999), 1e-9, "the evaluation at 20k");
        assertEquals(40, r.valueAt(40_000), 1e-9);
        assertTrue(Double.isNaN(r.valueAt(45_000)), "evaluations have not reached 45k (the last is at 40k)");
        assertEquals(0, r.valueAt(0), 1e-9);
        assertEquals(RunState.STOPPED, r.state());
    }
}
