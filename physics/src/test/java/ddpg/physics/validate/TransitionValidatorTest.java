package ddpg.physics.validate;

import ddpg.physics.SimulationDivergedException;
import ddpg.physics.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransitionValidatorTest {
    @ParameterizedTest
    @ValueSource(strings = {"cartpole", "reacher", "cheetah", "walker", "humanoid"})
    void everyFixtureFieldPasses(String name) {
        ValidationReport r = new TransitionValidator(PipelineFixtures.model(name)).validate(PipelineFixtures.transitions(name));
        for (FieldStats f : r.fields()) {
            assertTrue(f.passed(), name + " " + f.name + ": worst " + f.worstScore + " at record " + f.worstRecord);
            if (f.skipped == null) assertTrue(f.records > 0 || f.name.startsWith("contact.")
                    || f.name.contains("nefc"), name + " " + f.name + " compared nothing");
        }
        assertTrue(r.verdict(name, 1).endsWith(", PASS"));
    }

    @Test
    void smoothOnlyModeSkipsConstraintFields() {
        ValidationReport r = new TransitionValidator(PipelineFixtures.model("reacher"), false)
                .validate(PipelineFixtures.transitions("reacher"));
        int skipped = 0;
        for (FieldStats f : r.fields()) {
            if (f.skipped != null && f.skipped.equals("constraints not implemented")) skipped++;
        }
        assertEquals(10, skipped); // ncon, pairs, dist, pos, frame, nefc, qacc, qfrc_constraint, next (nefc>0) x2
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        r.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), i -> "record " + i);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("skipped (constraints not implemented)"));
    }

    /** The walker with every hinge damped by 1e308: finite, accepted by the compiler, and no state survives it. */
    static Model walkerDampedBy1e308() throws IOException {
        String xml;
        try (InputStream in = Model.class.getResourceAsStream("/ddpg/physics/models/walker.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(xml.contains("damping=\"0.1\""));
        return ddpg.physics.mjcf.MjcfLoader.loadString(xml.replace("damping=\"0.1\"", "damping=\"1e308\""),
                "walker_damped.xml", null);
    }

    /** A model that blows up is one exception naming the file, the record's line, the quantity and the joint. */
    @Test
    void divergingModelNamesTheRecordAndWhatDiverged() throws IOException {
        SimulationDivergedException e = assertThrows(SimulationDivergedException.class,
                () -> new TransitionValidator(walkerDampedBy1e308()).validate(PipelineFixtures.transitions("walker")));
        assertTrue(e.getMessage().startsWith("/pipeline/walker/transitions.csv:2: from this record's state: "
                + "planar walker: simulation diverged at t="), e.getMessage());
        assertTrue(e.getMessage().contains("(joint " + e.joint() + ")"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        e = assertThrows(SimulationDivergedException.class,
                () -> new RolloutValidator(walkerDampedBy1e308()).validate(PipelineFixtures.rollout("walker")));
        assertTrue(e.getMessage().startsWith("/pipeline/walker/rollout_0.csv:2: replaying the rollout, step 0: "),
                e.getMessage());
    }

    /** A record whose qfrc_bias was altered by 1e-6 fails that field and names the record. */
    @Test
    void corruptedValueFailsItsFieldAndNamesTheRecord() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/pipeline/walker/transitions.csv")) {
            assertNotNull(in);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] lines = text.split("\n");
        String[] header = lines[0].split(",");
        int col = java.util.Arrays.asList(header).indexOf("qfrc_bias[4]");
        String[] rec = lines[5].split(",", -1); // line 6 of the file = record 4
        rec[col] = Double.toString(Double.parseDouble(rec[col]) + 1e-6);
        lines[5] = String.join(",", rec);
        OracleCsv csv = OracleCsv.read(new ByteArrayInputStream(String.join("\n", lines)
                .getBytes(StandardCharsets.UTF_8)), "walker-corrupted.csv");
        Model m = PipelineFixtures.model("walker");
        ValidationReport r = new TransitionValidator(m).validate(csv);
        assertFalse(r.passed());
        FieldStats bias = r.fields().stream().filter(f -> f.name.equals("qfrc_bias")).findFirst().orElseThrow();
        assertEquals(1, bias.failures);
        assertEquals(4, bias.worstRecord);
        assertEquals(6, csv.line(bias.worstRecord));
        assertTrue(r.verdict("walker", csv.rows()).matches("validate walker: \\d+ records, worst qfrc_bias .*, FAIL"),
                r.verdict("walker", csv.rows()));
    }
}
