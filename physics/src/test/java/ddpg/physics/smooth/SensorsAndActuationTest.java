package ddpg.physics.smooth;

import ddpg.physics.Simulator;
import ddpg.physics.model.Data;
import ddpg.physics.model.Model;
import ddpg.physics.validate.OracleCsv;
import ddpg.physics.validate.PipelineFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SensorsAndActuationTest {
    /** Sensors read the full forward pass (humanoid touch/force/accelerometer need the contact forces). */
    @ParameterizedTest
    @ValueSource(strings = {"cheetah", "walker", "humanoid"})
    void sensordataMatchesMujoco(String name) {
        for (Model m : SmoothStagesTest.models(name)) for (OracleCsv csv : PipelineFixtures.transitionSets(name)) {
            Simulator sim = new Simulator(m);
            double worst = 0;
            for (int r = 0; r < csv.rows(); r++) {
                PipelineFixtures.load(m, csv, r, sim.data);
                sim.forward();
                worst = Math.max(worst, PipelineFixtures.error(sim.data.sensordata,
                        PipelineFixtures.vector(csv, r, "sensordata", m.nsensordata)));
            }
            ddpg.physics.Accuracy.check("smooth " + name + SmoothStagesTest.src(m) + PipelineFixtures.label(csv) + " sensordata", worst,
                    SmoothStagesTest.BOUNDS.get("sensordata", name));
        }
    }

    @Test
    void controlsAreClampedToTheRangeAndScaledByGear() {
        Model m = PipelineFixtures.model("humanoid");
        Data d = new Data(m);
        Actuation act = new Actuation(m);
        for (int a = 0; a < m.nu; a++) d.ctrl[a] = (a % 3 - 1) * 2.5; // -2.5, 0, 2.5: outside [-1, 1] twice
        act.transmission(d);
        act.compute(d);
        for (int a = 0; a < m.nu; a++) {
            double lo = m.actuatorCtrlrange[2 * a], hi = m.actuatorCtrlrange[2 * a + 1];
            double u = Math.max(lo, Math.min(hi, d.ctrl[a]));
            int dof = m.jntDofadr[m.actuatorTrnid[2 * a]];
            assertEquals(m.actuatorGear[6 * a] * u, d.qfrcActuator[dof], 1e-12, m.actuatorName[a]);
        }
    }

    @Test
    void unsupportedSensorIsAClearError() {
        Model m = PipelineFixtures.model("cheetah");
        m.sensorType = m.sensorType.clone();
        m.sensorType[0] = 7; // e.g. jointpos: not used by these models
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Sensors(m));
        assertTrue(e.getMessage().contains("sensor 0 has type 7") && e.getMessage().contains("not supported"),
                e.getMessage());
    }
}
