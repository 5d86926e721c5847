package ddpg.physics.constraint;

import ddpg.physics.Simulator;
import ddpg.physics.collision.OracleRecords;
import ddpg.physics.model.Data;
import ddpg.physics.model.Model;
import ddpg.physics.validate.ModelFields;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Open-loop replay of MuJoCo 2.2.2 rollouts with contacts (first 100 steps of rollout_0): from the first row's state
 * (zero warm start, as after mj_resetData), each row's ctrl for one step; the state must stay within about 100x the
 * worst error measured (round-off grows along a rollout with contacts, so these bounds are the loosest).
 */
class RolloutOracleTest {
    static final java.util.Map<String, Double> BOUND = java.util.Map.of("cheetah", 2e-11, "walker", 5e-10,
            "humanoid", 5e-10);

    @ParameterizedTest
    @ValueSource(strings = {"cheetah", "walker", "humanoid"})
    void first100Steps(String model) throws IOException {
        Model m = ModelFields.loadResource("/oracle/" + model);
        PipelineOracleTest.dropSensors(m);
        Simulator sim = new Simulator(m);
        Data d = sim.data;
        List<double[]> rows = new ArrayList<>();
        String res = "/oracle/" + model + "/constraints_rollout_head.csv";
        int qpos0, qvel0, ctrl0;
        try (InputStream in = getClass().getResourceAsStream(res)) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> h = List.of(r.readLine().split(","));
            qpos0 = h.indexOf("qpos[0]");
            qvel0 = h.indexOf("qvel[0]");
            ctrl0 = h.indexOf("ctrl[0]");
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                double[] v = new double[f.length];
                for (int i = 0; i < f.length; i++) v[i] = Double.parseDouble(f[i]);
                rows.add(v);
            }
        }
        sim.reset();
        System.arraycopy(rows.get(0), qpos0, d.qpos, 0, m.nq);
        System.arraycopy(rows.get(0), qvel0, d.qvel, 0, m.nv);
        double worst = 0;
        int steps = Math.min(100, rows.size() - 1);
        for (int t = 0; t < steps; t++) {
            System.arraycopy(rows.get(t), ctrl0, d.ctrl, 0, m.nu);
            sim.step();
            double[] want = rows.get(t + 1);
            for (int i = 0; i < m.nq; i++) worst = Math.max(worst, Math.abs(want[qpos0 + i] - d.qpos[i]));
            for (int i = 0; i < m.nv; i++) worst = Math.max(worst, Math.abs(want[qvel0 + i] - d.qvel[i]));
        }
        ddpg.physics.Accuracy.check("rollout with contacts " + model + " " + steps + " steps", worst, BOUND.get(model));
    }
}
