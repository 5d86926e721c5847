package ddpg.physics.mjcf;

import ddpg.physics.model.Model;
import ddpg.physics.model.ModelFields;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares a compiled {@link Model} with MuJoCo's compiled model ({@code model_fields.txt}) field by field: every
 * oracle field that has a {@link Model} counterpart must have the same length and agree within a relative tolerance
 * ({@code |a - b| <= tol * max(1, |a|, |b|)}). Mismatches are reported as {@code field[index]: ours vs mujoco}.
 */
final class OracleComparison {
    private OracleComparison() {}

    /** All mismatches (at most {@code limit}), empty if the models agree. */
    static List<String> compare(Model ours, ModelFields oracle, double tol, int limit) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, ModelFields.Entry> e : oracle.values().entrySet()) {
            Field f = ModelFields.modelField(ModelFields.camelCase(e.getKey()));
            if (f == null) continue;
            double[] want = e.getValue().values();
            double[] got = asDoubles(f, ours);
            String name = e.getKey();
            if (got.length != want.length) {
                out.add(name + ": length " + got.length + " vs mujoco " + want.length);
                continue;
            }
            int cols = Math.max(1, e.getValue().cols());
            for (int i = 0; i < want.length; i++) {
                double a = got[i], b = want[i];
                if (Math.abs(a - b) <= tol * Math.max(1, Math.max(Math.abs(a), Math.abs(b)))) continue;
                out.add(name + "[" + (i / cols) + "][" + (i % cols) + "]: ours " + a + " vs mujoco " + b);
                if (out.size() >= limit) return out;
            }
        }
        return out;
    }

    private static double[] asDoubles(Field f, Model m) {
        try {
            Object v = f.get(m);
            if (v instanceof Integer i) return new double[]{i};
            if (v instanceof Double d) return new double[]{d};
            if (v == null || !v.getClass().isArray()) return new double[0];
            int n = Array.getLength(v);
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                Object x = Array.get(v, i);
                out[i] = x instanceof Boolean b ? (b ? 1 : 0) : ((Number) x).doubleValue();
            }
            return out;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
