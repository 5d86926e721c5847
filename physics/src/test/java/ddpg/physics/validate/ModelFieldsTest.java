package ddpg.physics.validate;

import ddpg.physics.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ModelFieldsTest {
    @Test
    void readsCartpoleOracle() {
        Model m = ModelFields.loadResource("/oracle/cartpole");
        assertEquals(2, m.nq);
        assertEquals(3, m.nbody);
        assertEquals(Model.INT_RK4, m.optIntegrator);
        assertEquals(0.01, m.optTimestep);
        assertEquals(16, m.optDisableflags);
        assertArrayEquals(new String[]{"world", "cart", "pole_1"}, m.bodyName);
        assertEquals(0.1, m.bodyMass[2], 1e-17);
        assertEquals(0.5, m.bodyIpos[2 * 3 + 2]);
        assertTrue(m.jntLimited[0]);
        assertFalse(m.jntLimited[1]);
        assertArrayEquals(new int[]{0, -1}, m.actuatorTrnid);
        assertEquals(10, m.actuatorGear[0]);
        assertEquals(1, m.dofMadr[1]);
        assertEquals(5 * 4, m.geomRgba.length);
    }

    @Test
    void readsHumanoidSensorsAndSites() {
        Model m = ModelFields.loadResource("/oracle/humanoid");
        assertEquals(28, m.nq);
        assertEquals(27, m.nv);
        assertEquals(25, m.nsite);
        assertEquals(25, m.siteName.length);
        assertEquals(Model.SENS_SUBTREELINVEL, m.sensorType[0]);
        assertEquals("torso_subtreelinvel", m.sensorName[0]);
        assertEquals(1, m.qpos0[3]);
        assertEquals(1.5, m.qpos0[2]);
        assertEquals(66, m.nsensordata);
    }

    @Test
    void camelCaseMapsMujocoNames() {
        assertEquals("bodyIquat", ModelFields.camelCase("body_iquat"));
        assertEquals("optOSolref", ModelFields.camelCase("opt.o_solref"));
        assertEquals("dofMadr", ModelFields.camelCase("dof_Madr"));
        assertEquals("nM", ModelFields.camelCase("nM"));
    }

    @Test
    void missingResourceIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFields.readResource("/oracle/nope"));
        assertTrue(e.getMessage().contains("/oracle/nope/model_fields.txt"), e.getMessage());
    }

    @TempDir
    Path dir;

    @Test
    void malformedFilesGiveOneLineErrorsWithFileAndLine() throws IOException {
        Path f = dir.resolve("model_fields.txt");
        Files.writeString(f, "# header\nnq 2\nbody_mass[0] 0\nbody_mass[1] 1.x\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFields.load(f));
        assertEquals(f + ":4: malformed number '1.x' in body_mass[1]", e.getMessage());

        Files.writeString(f, "body_mass[0] 0\nbody_mass[1] 1e999\n");
        e = assertThrows(IllegalArgumentException.class, () -> ModelFields.load(f));
        assertEquals(f + ":2: '1e999' in body_mass[1] is not a finite number", e.getMessage());

        Files.writeString(f, "body_mass[0] 0\nbody_mass[2] 1\n");
        e = assertThrows(IllegalArgumentException.class, () -> ModelFields.load(f));
        assertEquals(f + ":2: expected row 1 of body_mass, got 2", e.getMessage());

        Files.writeString(f, "body_pos[0] 0 0 0\nbody_pos[1] 0 0\n");
        e = assertThrows(IllegalArgumentException.class, () -> ModelFields.load(f));
        assertTrue(e.getMessage().contains("row 1 of body_pos has 2 values, expected 3"), e.getMessage());

        Files.writeString(f, "nq 1\n");
        Files.writeString(dir.resolve("names.csv"), "kind,id,name\nbody,zero,world\n");
        e = assertThrows(IllegalArgumentException.class, () -> ModelFields.load(f));
        assertEquals(dir.resolve("names.csv") + ":2: malformed id 'zero'", e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> ModelFields.load(dir.resolve("absent.txt")));
        assertTrue(e.getMessage().startsWith("cannot read " + dir.resolve("absent.txt")), e.getMessage());
    }

    @Test
    void numbersPrintLikeCPercent17g() {
        // expected strings are what C's printf("%.17g") prints (as in the oracle files)
        assertEquals("0.10000000000000001", DumpModel.number(0.1));
        assertEquals("1e-08", DumpModel.number(1e-8));
        assertEquals("9.9999999999999995e-07", DumpModel.number(1e-6));
        assertEquals("-9.8100000000000005", DumpModel.number(-9.81));
        assertEquals("6.123233995736766e-17", DumpModel.number(6.123233995736766e-17));
        assertEquals("2", DumpModel.number(2));
        assertEquals("-1", DumpModel.number(-1));
        assertEquals("0", DumpModel.number(0));
        assertEquals("11790000", DumpModel.number(11790000));
        assertEquals("0.00050000000000000001", DumpModel.number(5e-4));
    }

    @Test
    void readsTheCompiledDumpFormatAndRejectsBrokenOnes() throws IOException {
        ModelFields ok = ModelFields.readCompiled(new java.io.StringReader(
                "# c\nnq 1 1\n2\nbody_pos 2 3\n0 0 0\n0 0 1\nnames.body 2 1\nworld\n-\n"), "x.txt");
        assertEquals(2, ok.toModel().nq);
        assertArrayEquals(new double[]{0, 0, 0, 0, 0, 1}, ok.toModel().bodyPos);
        assertEquals(java.util.List.of("world", ""), ok.names("body"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                ModelFields.readCompiled(new java.io.StringReader("nq 1 1\n2\nbody_pos two 3\n"), "x.txt"));
        assertEquals("x.txt:3: expected a block header 'name rows cols', found 'body_pos two 3'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () ->
                ModelFields.readCompiled(new java.io.StringReader("body_pos 1 3\n0 0 z\n"), "x.txt"));
        assertEquals("x.txt:2: malformed number 'z' in body_pos", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () ->
                ModelFields.readCompiled(new java.io.StringReader("body_pos 1 3\n0 NaN 0\n"), "x.txt"));
        assertEquals("x.txt:2: 'NaN' in body_pos is not a finite number", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () ->
                ModelFields.readCompiled(new java.io.StringReader("body_pos 2 3\n0 0 0\n"), "x.txt"));
        assertEquals("x.txt:1: block body_pos is cut short", e.getMessage());
    }
}
