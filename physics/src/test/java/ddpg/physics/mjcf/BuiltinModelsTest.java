package ddpg.physics.mjcf;

import ddpg.physics.validate.DumpModel;
import ddpg.physics.model.Model;
import ddpg.physics.validate.ModelFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Our own model files compile to the same model as MuJoCo 2.2.2 compiled from the dm_control originals. */
class BuiltinModelsTest {
    @ParameterizedTest
    @ValueSource(strings = {"cartpole", "reacher", "cheetah", "walker", "humanoid"})
    void compilesLikeMujocoOriginal(String model) {
        Model ours = Models.builtin(model);
        ModelFields oracle = ModelFields.readResource("/oracle/" + model);
        OracleComparison.Result r = OracleComparison.compare(ours, oracle, OracleComparison.bound(model), 40);
        assertTrue(r.mismatches().isEmpty(), model + ": mismatches:\n" + String.join("\n", r.mismatches()));
        assertEquals(DmControlOriginalsTest.FIELDS_COMPARED.get(model), r.compared(), model + ": not compared: " + r.skipped());
        ddpg.physics.Accuracy.check("mjcf builtin " + model + " vs model_fields", r.worst(), OracleComparison.bound(model));
        assertEquals(oracle.names("body"), List.of(ours.bodyName));
        assertEquals(oracle.names("joint"), List.of(ours.jntName));
        assertEquals(oracle.names("geom"), List.of(ours.geomName));
        assertEquals(oracle.names("actuator"), List.of(ours.actuatorName));
        assertEquals(oracle.names("sensor"), List.of(ours.sensorName));
        assertEquals(oracle.names("site"), List.of(ours.siteName));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cartpole", "reacher", "cheetah", "walker", "humanoid"})
    void geomColoursMatchTheOriginalMaterials(String model) {
        Model ours = Models.builtin(model);
        Model original = MjcfLoader.loadResource("/dm_control/" + model + ".xml");
        for (int g = 0; g < ours.ngeom; g++)
            for (int k = 0; k < 4; k++)
                if (ours.geomRgba[4 * g + k] != original.geomRgba[4 * g + k] && !ours.geomName[g].matches("floor|ground"))
                    fail(model + " geom " + ours.geomName[g] + " rgba differs from the original's material colour");
    }

    @Test
    void unknownNameListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Models.builtin("ant"));
        assertEquals("unknown model 'ant'; built-in models are: cartpole, reacher, cheetah, walker, humanoid", e.getMessage());
    }

    @Test
    void loadTakesANameOrAPath(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        assertEquals(9, Models.load("walker").nq);
        java.nio.file.Path f = dir.resolve("one.xml");
        java.nio.file.Files.writeString(f, "<mujoco><worldbody><body><joint/><geom size=\"1\"/></body></worldbody></mujoco>");
        assertEquals(1, Models.load(f.toString()).nq);
        MjcfException e = assertThrows(MjcfException.class, () -> Models.load(dir.resolve("none.xml").toString()));
        assertTrue(e.getMessage().endsWith("none.xml: file not found"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Models.load("walkr"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cartpole", "humanoid"})
    void formattedModelReadsBackAndStillMatchesMujoco(String model, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path f = dir.resolve("model_fields.txt");
        java.nio.file.Files.writeString(f, DumpModel.format(Models.builtin(model)));
        Model back = ModelFields.load(f);
        OracleComparison.Result r = OracleComparison.compare(back, ModelFields.readResource("/oracle/" + model),
                OracleComparison.bound(model), 40);
        assertTrue(r.mismatches().isEmpty(), String.join("\n", r.mismatches()));
        assertEquals(DmControlOriginalsTest.FIELDS_COMPARED.get(model), r.compared(), model + ": not compared: " + r.skipped());
        ddpg.physics.Accuracy.check("mjcf builtin " + model + " written and read back", r.worst(), OracleComparison.bound(model));
        // every field we write uses MuJoCo's name: the oracle has each of them (except our additions)
        java.util.Set<String> oracleNames = ModelFields.readResource("/oracle/" + model).values().keySet();
        for (String name : ModelFields.read(f).values().keySet())
            if (!name.startsWith("exclude_")) assertTrue(oracleNames.contains(name), "not a MuJoCo field name: " + name);
    }
}
