package ddpg.physics.tasks;

import ddpg.physics.model.Model;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link TaskPhysics} replaying the arrays real MuJoCo had after each step ({@code mjref task --raw}): lets the tests
 * check observations and rewards without our simulator. It cannot step.
 */
final class RecordedPhysics extends TaskPhysics {
    private final Model model;
    private final Map<String, double[]> row;

    RecordedPhysics(Model model, Map<String, double[]> row) {
        this.model = model;
        this.row = row;
    }

    /** Rows of a raw_sample.csv resource: column group name -> values ("xpos[3][1]" belongs to "xpos"). */
    static List<Map<String, double[]>> read(String resource) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                RecordedPhysics.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            String[] head = r.readLine().split(",");
            Map<String, int[]> groups = new LinkedHashMap<>();
            for (int i = 0; i < head.length; i++) {
                int b = head[i].indexOf('[');
                String g = b < 0 ? head[i] : head[i].substring(0, b);
                groups.computeIfAbsent(g, k -> new int[] {-1, 0});
                int[] e = groups.get(g);
                if (e[0] < 0) e[0] = i;
                e[1]++;
            }
            List<Map<String, double[]>> rows = new ArrayList<>();
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split(",", -1);
                Map<String, double[]> m = new LinkedHashMap<>();
                for (Map.Entry<String, int[]> e : groups.entrySet()) {
                    double[] v = new double[e.getValue()[1]];
                    for (int i = 0; i < v.length; i++) {
                        String s = f[e.getValue()[0] + i];
                        v[i] = s.isEmpty() ? Double.NaN : Double.parseDouble(s);
                    }
                    m.put(e.getKey(), v);
                }
                rows.add(m);
            }
            return rows;
        }
    }

    private double[] get(String name) {
        double[] v = row.get(name);
        return v != null ? v : new double[0];
    }

    @Override public Model model() { return model; }
    @Override public double[] qpos() { return get("qpos"); }
    @Override public double[] qvel() { return get("qvel"); }
    @Override public double[] ctrl() { return get("ctrl"); }
    @Override public double[] xpos() { return get("xpos"); }
    @Override public double[] xmat() { return get("xmat"); }
    @Override public double[] geomXpos() { return get("geom_xpos"); }
    @Override public double[] sensordata() { return get("sensordata"); }
    @Override public int ncon() { return (int) get("ncon")[0]; }
    @Override public void resetData() { throw new UnsupportedOperationException("recorded arrays cannot reset"); }
    @Override public void forward() { throw new UnsupportedOperationException("recorded arrays cannot step"); }
    @Override public void step(int n) { throw new UnsupportedOperationException("recorded arrays cannot step"); }
    @Override public void setTime(double t) { throw new UnsupportedOperationException(); }
    @Override public String divergence() { return null; }
    @Override public int constraintRowsInLastStep() { return 0; }
}
