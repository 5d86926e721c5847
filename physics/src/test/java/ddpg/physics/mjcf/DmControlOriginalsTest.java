package ddpg.physics.mjcf;

import ddpg.physics.model.Model;
import ddpg.physics.validate.ModelFields;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The unmodified dm_control model files compile to the same model as MuJoCo 2.2.2 (oracle: model_fields.txt). */
class DmControlOriginalsTest {
    /**
     * How many fields of each oracle dump have a {@link Model} counterpart and are compared (the others are rendering,
     * tendon, equality, ... fields). A renamed Model field would silently drop out of the comparison; this catches it.
     */
    static final java.util.Map<String, Integer> FIELDS_COMPARED = java.util.Map.of("cartpole", 123, "reacher", 123,
            "cheetah", 134, "walker", 134, "humanoid", 140, "features_degree", 140, "features_radian", 123);

    @ParameterizedTest
    @ValueSource(strings = {"cartpole", "reacher", "cheetah", "walker", "humanoid"})
    void compilesLikeMujoco(String model) {
        Model ours = MjcfLoader.loadResource("/dm_control/" + model + ".xml");
        ModelFields oracle = ModelFields.readResource("/oracle/" + model);
        OracleComparison.Result r = OracleComparison.compare(ours, oracle, OracleComparison.bound(model), 40);
        assertTrue(r.mismatches().isEmpty(), model + ": mismatches:\n" + String.join("\n", r.mismatches()));
        assertEquals(FIELDS_COMPARED.get(model), r.compared(), model + ": fields compared; not compared: " + r.skipped());
        ddpg.physics.Accuracy.check("mjcf dm_control " + model + " vs model_fields", r.worst(), OracleComparison.bound(model));
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
