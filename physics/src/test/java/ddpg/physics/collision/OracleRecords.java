package ddpg.physics.collision;

import ddpg.physics.model.Model;
import ddpg.physics.validate.ModelFields;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test helper: oracle transitions, by default the trimmed {@code /oracle/<model>/constraints_transitions.csv}. */
public final class OracleRecords {
    public final String model;
    public final Model m;
    public final List<double[]> rows = new ArrayList<>();
    private final Map<String, Integer> col = new HashMap<>();

    private OracleRecords(String model, String res, Model compiled) {
        this.model = model;
        this.m = compiled != null ? compiled : ModelFields.loadResource("/oracle/" + model);
        try (InputStream in = OracleRecords.class.getResourceAsStream(res)) {
            if (in == null) throw new IllegalStateException("missing test resource " + res);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] h = r.readLine().split(",");
            for (int i = 0; i < h.length; i++) col.put(h[i], i);
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                double[] v = new double[f.length];
                for (int i = 0; i < f.length; i++) v[i] = Double.parseDouble(f[i]);
                rows.add(v);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public-set records with MuJoCo's own compiled model ({@code model_fields.txt}). */
    public static OracleRecords load(String model) {
        return new OracleRecords(model, "/oracle/" + model + "/constraints_transitions.csv", null);
    }

    /** Records of {@code /oracle/<model>/<file>} with the given compiled model. */
    public static OracleRecords load(String model, String file, Model compiled) {
        return new OracleRecords(model, "/oracle/" + model + "/" + file, compiled);
    }

    /** Records of any class-path resource (e.g. a shipped oracle file) with the given compiled model. */
    public static OracleRecords resource(String model, String res, Model compiled) {
        return new OracleRecords(model, res, compiled);
    }

    /** How many contact slots each record has (mjref's --maxcon). */
    public int contactSlots() {
        int n = 0;
        while (col.containsKey("contact[" + n + "].dist")) n++;
        return n;
    }

    /** n consecutive values starting at column {@code first} (e.g. "qpos[0]", "xpos[0][0]"). */
    public double[] vec(double[] row, String first, int n) {
        Integer c = col.get(first);
        if (c == null) throw new IllegalArgumentException("no column " + first);
        double[] v = new double[n];
        System.arraycopy(row, c, v, 0, n);
        return v;
    }

    public double get(double[] row, String name) {
        Integer c = col.get(name);
        if (c == null) throw new IllegalArgumentException("no column " + name);
        return row[c];
    }

    public double[] qpos(double[] r) { return vec(r, "qpos[0]", m.nq); }
    public double[] qvel(double[] r) { return vec(r, "qvel[0]", m.nv); }
    public double[] xpos(double[] r) { return vec(r, "xpos[0][0]", 3 * m.nbody); }
    public double[] xquat(double[] r) { return vec(r, "xquat[0][0]", 4 * m.nbody); }
    public double[] massMatrix(double[] r) { return vec(r, "M[0][0]", m.nv * m.nv); }
    public double[] qaccSmooth(double[] r) { return vec(r, "qacc_smooth[0]", m.nv); }
    public double[] qaccWarmstart(double[] r) { return vec(r, "qacc_warmstart[0]", m.nv); }
    public double[] qacc(double[] r) { return vec(r, "qacc[0]", m.nv); }
    public double[] qfrcConstraint(double[] r) { return vec(r, "qfrc_constraint[0]", m.nv); }
    public double[] nextQpos(double[] r) { return vec(r, "next_qpos[0]", m.nq); }
    public double[] nextQvel(double[] r) { return vec(r, "next_qvel[0]", m.nv); }
    public int ncon(double[] r) { return (int) get(r, "ncon"); }
    public int nefc(double[] r) { return (int) get(r, "nefc"); }

    /** Geom world poses of this record (from its body poses). */
    public void geomPoses(double[] r, double[] gxpos, double[] gxmat) {
        GeomPoses.fromBodyQuat(m, xpos(r), xquat(r), gxpos, gxmat);
    }
}
