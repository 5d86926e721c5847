package ddpg.physics.mjcf;

import ddpg.physics.model.Model;
import ddpg.physics.validate.ModelFields;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compiler features the Control Suite models do not exercise (every orientation form, all primitive mass properties,
 * explicit inertials, radians, extrinsic Euler sequences, slide/hinge refs, several sensors), checked against real
 * MuJoCo 2.2.2 on two small test models (oracle made with {@code mjref info}, see oracle/README.md).
 */
class CompilerFeaturesTest {
    @ParameterizedTest
    @ValueSource(strings = {"features_degree", "features_radian"})
    void compilesLikeMujoco(String model) {
        Model ours = MjcfLoader.loadResource("/mjcf/features/" + model + ".xml");
        ModelFields oracle = ModelFields.readResource("/oracle/" + model);
        OracleComparison.Result r = OracleComparison.compare(ours, oracle, OracleComparison.bound(model), 60);
        assertTrue(r.mismatches().isEmpty(), model + ": mismatches:\n" + String.join("\n", r.mismatches()));
        assertEquals(DmControlOriginalsTest.FIELDS_COMPARED.get(model), r.compared(), model + ": not compared: " + r.skipped());
        ddpg.physics.Accuracy.check("mjcf " + model + " vs model_fields", r.worst(), OracleComparison.bound(model));
        assertEquals(oracle.names("body"), List.of(ours.bodyName));
        assertEquals(oracle.names("geom"), List.of(ours.geomName));
        assertEquals(oracle.names("site"), List.of(ours.siteName));
        assertEquals(oracle.names("sensor"), List.of(ours.sensorName));
    }
}
