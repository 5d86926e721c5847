package ddpg.physics.mjcf;

import ddpg.physics.model.Model;
import ddpg.physics.model.ModelFields;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The unmodified dm_control model files compile to the same model as MuJoCo 2.2.2 (oracle: model_fields.txt). */
class DmControlOriginalsTest {
    static final double TOL = Double.parseDouble(System.getProperty("oracle.tol", "1e-9"));

    @ParameterizedTest
    @ValueSource(strings = {"cartpole", "reacher", "cheetah", "walker", "humanoid"})
    void compilesLikeMujoco(String model) {
        Model ours = MjcfLoader.loadResource("/dm_control/" + model + ".xml");
        ModelFields oracle = ModelFields.readResource("/oracle/" + model);
        List<String> diff = OracleComparison.compare(ours, oracle, TOL, 40);
        assertTrue(diff.isEmpty(), model + ": " + diff.size() + " mismatches:\n" + String.join("\n", diff));
        for (String kind : List.of("body", "joint", "geom", "site", "actuator", "sensor")) {
            List<String> names = oracle.names(kind);
            String[] ourNames = switch (kind) {
                case "body" -> ours.bodyName;
                case "joint" -> ours.jntName;
                case "geom" -> ours.geomName;
                case "site" -> ours.siteName;
                case "actuator" -> ours.actuatorName;
                default -> ours.sensorName;
            };
            assertEquals(names, List.of(ourNames), model + " " + kind + " names");
        }
    }
}
