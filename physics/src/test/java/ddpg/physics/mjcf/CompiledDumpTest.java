package ddpg.physics.mjcf;

import ddpg.physics.model.Model;
import ddpg.physics.model.ModelFields;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our compiled models against the second MuJoCo 2.2.2 dump ({@code mujoco-2.2.2/<model>.compiled.txt}): every
 * {@code mjModel} field {@link Model} has, within 1e-9 relative, and the element names.
 */
class CompiledDumpTest {
    @ParameterizedTest
    @ValueSource(strings = {"cartpole", "reacher", "cheetah", "walker", "humanoid"})
    void originalsAndOurFilesMatchTheCompiledDump(String model) {
        ModelFields dump = ModelFields.readCompiledResource("/oracle/" + model + "/compiled.txt");
        assertTrue(dump.values().containsKey("body_iquat") && dump.values().containsKey("data.xpos"), "dump parsed");
        for (Model ours : List.of(MjcfLoader.loadResource("/dm_control/" + model + ".xml"), Models.builtin(model))) {
            List<String> diff = OracleComparison.compare(ours, dump, DmControlOriginalsTest.TOL, 40);
            // geom_rgba: MuJoCo keeps the default grey and colours through materials; we store the material colour
            diff.removeIf(d -> d.startsWith("geom_rgba"));
            assertTrue(diff.isEmpty(), model + ": " + String.join("\n", diff));
            assertEquals(dump.names("body"), List.of(ours.bodyName));
            assertEquals(dump.names("joint"), List.of(ours.jntName));
            assertEquals(dump.names("geom"), List.of(ours.geomName));
            assertEquals(dump.names("site"), List.of(ours.siteName));
            assertEquals(dump.names("actuator"), List.of(ours.actuatorName));
            assertEquals(dump.names("sensor"), List.of(ours.sensorName));
        }
    }
}
