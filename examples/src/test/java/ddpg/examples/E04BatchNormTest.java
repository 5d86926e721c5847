package ddpg.examples;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class E04BatchNormTest {
    @Test
    void trainingAndEvalModeBehaveAsExplained() {
        E04BatchNorm.Result r = E04BatchNorm.run(3, 300);
        for (int j = 0; j < 2; j++) {
            assertEquals(0, r.trainMean()[j], 1e-5, "training-mode output mean");
            assertEquals(1, r.trainStd()[j], 1e-3, "training-mode output std (eps makes it a hair below 1)");
        }
        assertEquals(r.expectedRunningMean(), r.runningMeanAfterOne(), 1e-5f, "running mean = 0.1 * batch mean after one batch");
        assertTrue(Math.abs(r.rowInBatchA() - r.rowInBatchB()) > 1e-3, "training mode: output depends on the batch");
        assertEquals(r.rowEvalA(), r.rowEvalB(), 0f, "eval mode: output depends on the row only");
        assertEquals(0, r.gradSumTrain(), 1e-5, "training mode: column gradient sums to zero");
        assertTrue(Math.abs(r.gradSumEval()) > 1e-2, "eval mode: no such constraint, got " + r.gradSumEval());
        assertTrue(r.singleRowError().contains("at least 2 rows"), r.singleRowError());
        assertEquals(5, r.runningMeanFinal(), 0.3, "running mean converges to the data mean");
        assertEquals(4, r.runningVarFinal(), 0.8, "running variance converges to the data variance");
        for (int j = 0; j < 2; j++) {
            assertEquals(0, r.evalMean()[j], 0.2, "eval-mode output mean on fresh data");
            assertEquals(1, r.evalStd()[j], 0.15, "eval-mode output std on fresh data");
        }
    }
}
