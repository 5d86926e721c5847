package ddpg.physics.tasks;

import ddpg.physics.env.Tasks;
import static org.junit.jupiter.api.Assertions.*;

import ddpg.physics.model.Model;
import ddpg.physics.validate.ModelFields;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Observation and reward code of every task against real MuJoCo + dm_control semantics, without our simulator: the
 * MuJoCo arrays after each sampled step ({@code mjref task --raw}, resources tasks/TASK/raw_sample.csv) go in, the
 * observation and reward that the reference harness computed from the same arrays come out. The harness's own
 * cross-check against dm_control's Python code agreed to 2.2e-16, so we ask for 1e-15 (a few ulps).
 */
class ObservationRewardTest {
    static List<String> tasks() {
        return Tasks.names();
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void matchesReferenceArraysRowByRow(String name) throws IOException {
        Model model = ModelFields.loadResource("/oracle/" + Tasks.domain(name));
        Task task = Tasks.task(name, model);
        List<Map<String, double[]>> rows = RecordedPhysics.read("/tasks/" + name + "/raw_sample.csv");
        assertTrue(rows.size() > 20, "fixture has too few rows");
        double[] obs = new double[task.observationSize()];
        int rewarded = 0;
        for (Map<String, double[]> row : rows) {
            System.arraycopy(row.get("geom_size"), 0, model.geomSize, 0, model.geomSize.length); // reacher target
            RecordedPhysics p = new RecordedPhysics(model, row);
            int t = (int) row.get("t")[0];
            double[] want = row.get("obs");
            assertEquals(want.length, obs.length, name + ": observation size");
            task.observe(p, obs);
            for (int i = 0; i < obs.length; i++) {
                assertEquals(want[i], obs[i], 1e-15 * Math.max(1, Math.abs(want[i])), name + " t=" + t + " obs[" + i + "]");
            }
            if (t >= 0) {
                double r = task.reward(p);
                assertEquals(row.get("reward")[0], r, 1e-15, name + " t=" + t + " reward");
                if (r > 0) rewarded++;
            }
        }
        if (!name.startsWith("reacher")) assertTrue(rewarded > 0, name + ": no sampled row had a nonzero reward");
    }
}
