package ddpg.physics.validate;

import ddpg.physics.mjcf.Models;
import ddpg.physics.model.Data;
import ddpg.physics.model.Model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Access to the MuJoCo 2.2.2 fixtures in {@code src/test/resources/pipeline/<model>/} (see the README there), and to
 * the shipped seed-21 transitions, for the per-stage tests: the models, the oracle tables, and loading a record's
 * pre-state into a Data.
 */
public final class PipelineFixtures {
    private PipelineFixtures() {}

    public static final List<String> MODELS = List.of("cartpole", "reacher", "cheetah", "walker", "humanoid");

    /** The project's model file, compiled by our loader (the file the fixtures were generated from). */
    public static Model model(String name) { return Models.builtin(name); }

    /** The same model as compiled by MuJoCo 2.2.2 (oracle model_fields.txt): independent of our loader. */
    public static Model mujocoCompiled(String name) { return ModelFields.loadResource("/oracle/" + name); }

    public static OracleCsv transitions(String name) { return csv(name, "transitions.csv"); }

    /**
     * The shipped seed-21 records of the model ({@code src/main/resources/ddpg/physics/oracle/<model>/}): mjref on the
     * same model file, a few hundred records (50 for the humanoid), not a copy of a fixture.
     */
    public static OracleCsv shippedTransitions(String name) {
        return ShippedOracle.read(ShippedOracle.ROOT + name + "/transitions_seed21.csv");
    }

    /** " [pipeline/walker/transitions.csv]": which record set an accuracy line is about. */
    public static String label(OracleCsv csv) {
        return " [" + csv.file().replaceFirst("^/", "") + "]";
    }

    /** The record sets the per-stage tests hold to their bounds: the fixture and the shipped seed-21 file. */
    public static List<OracleCsv> transitionSets(String name) {
        return List.of(transitions(name), shippedTransitions(name));
    }

    public static OracleCsv rollout(String name) { return csv(name, "rollout_0.csv"); }

    private static OracleCsv csv(String name, String file) {
        String res = "/pipeline/" + name + "/" + file;
        try (InputStream in = PipelineFixtures.class.getResourceAsStream(res)) {
            if (in == null) throw new IllegalStateException("missing test resource " + res);
            return OracleCsv.read(in, res);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets d's state (qpos, qvel, ctrl, warm start) to record r's pre-state. */
    public static void load(Model m, OracleCsv csv, int r, Data d) {
        csv.read(r, csv.vectorColumns("qpos", m.nq), d.qpos);
        csv.read(r, csv.vectorColumns("qvel", m.nv), d.qvel);
        csv.read(r, csv.vectorColumns("ctrl", m.nu), d.ctrl);
        csv.read(r, csv.vectorColumns("qacc_warmstart", m.nv), d.qaccWarmstart);
        d.time = 0;
    }

    /** The reference values of columns {@code prefix[i]} (n of them) of record r. */
    public static double[] vector(OracleCsv csv, int r, String prefix, int n) {
        double[] out = new double[n];
        csv.read(r, csv.vectorColumns(prefix, n), out);
        return out;
    }

    /** The reference values of columns {@code prefix[i][j]} of record r, row-major. */
    public static double[] matrix(OracleCsv csv, int r, String prefix, int n, int k) {
        double[] out = new double[n * k];
        csv.read(r, csv.matrixColumns(prefix, n, k), out);
        return out;
    }

    /**
     * Largest error of ours[off..off+n) against ref, measured as MuJoCo-style "absolute or relative to the field's
     * scale": min(max abs error, max abs error / max |ref|).
     */
    public static double error(double[] ours, int off, double[] ref) {
        double abs = 0, scale = 0;
        for (int i = 0; i < ref.length; i++) {
            double e = Math.abs(ours[off + i] - ref[i]);
            abs = Double.isNaN(e) ? Double.POSITIVE_INFINITY : Math.max(abs, e);
            scale = Math.max(scale, Math.abs(ref[i]));
        }
        return scale > 0 ? Math.min(abs, abs / scale) : abs;
    }

    public static double error(double[] ours, double[] ref) { return error(ours, 0, ref); }
}
