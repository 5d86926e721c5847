package ddpg.physics.mjcf;

import ddpg.physics.model.Model;
import ddpg.physics.validate.ModelFields;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our compiled models against the second MuJoCo 2.2.2 dump ({@code mujoco-2.2.2/<model>.compiled.txt}): every
 * {@code mjModel} field {@link Model} has, within {@link OracleComparison#bound} relative, and the element names.
 */
class CompiledDumpTest {
    /** Fields of the compiled dump that have a {@link Model} counterpart (rgba left out, see below). */
    static final java.util.Map<String, Integer> FIELDS_COMPARED = java.util.Map.of("cartpole", 123, "reacher", 123,
            "cheetah", 134, "walker", 134, "humanoid", 140);

    @ParameterizedTest
    @ValueSource(strings = {"cartpole", "reacher", "cheetah", "walker", "humanoid"})
    void originalsAndOurFilesMatchTheCompiledDump(String model) {
        ModelFields dump = ModelFields.readCompiledResource("/oracle/" + model + "/compiled.txt");
        assertTrue(dump.values().containsKey("body_iquat") && dump.values().containsKey("data.xpos"), "dump parsed");
        for (Model ours : List.of(MjcfLoader.loadResource("/dm_control/" + model + ".xml"), Models.builtin(model))) {
            // geom_rgba: MuJoCo keeps the default grey and colours through materials; we store the material colour.
            // site_rgba: floats, which this dump prints with 9 digits; compared at float precision below.
            OracleComparison.Result r = OracleComparison.compare(ours, dump, OracleComparison.bound(model), 40,
                    java.util.Set.of("geom_rgba", "site_rgba"));
            assertTrue(r.mismatches().isEmpty(), model + ": " + String.join("\n", r.mismatches()));
            assertEquals(FIELDS_COMPARED.get(model), r.compared(), model + ": not compared: " + r.skipped());
            java.util.Set<String> allButSiteRgba = new java.util.HashSet<>(dump.values().keySet());
            allButSiteRgba.remove("site_rgba");
            OracleComparison.Result rgba = OracleComparison.compare(ours, dump, 1e-7, 40, allButSiteRgba);
            assertTrue(rgba.mismatches().isEmpty(), model + ": " + String.join("\n", rgba.mismatches()));
            ddpg.physics.Accuracy.check("mjcf " + model + " (" + ours.source + ") vs compiled dump", r.worst(),
                    OracleComparison.bound(model));
            assertEquals(dump.names("body"), List.of(ours.bodyName));
            assertEquals(dump.names("joint"), List.of(ours.jntName));
            assertEquals(dump.names("geom"), List.of(ours.geomName));
            assertEquals(dump.names("site"), List.of(ours.siteName));
            assertEquals(dump.names("actuator"), List.of(ours.actuatorName));
            assertEquals(dump.names("sensor"), List.of(ours.sensorName));
        }
    }
}
