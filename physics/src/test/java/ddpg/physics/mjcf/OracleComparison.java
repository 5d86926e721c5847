package ddpg.physics.mjcf;

import ddpg.physics.model.Model;
import ddpg.physics.validate.ModelFields;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares a compiled {@link Model} with MuJoCo's compiled model ({@code model_fields.txt}) field by field: every
 * oracle field that has a {@link Model} counterpart must have the same length and agree within a relative tolerance
 * ({@code |a - b| <= tol * max(1, |a|, |b|)}). Mismatches are reported as {@code field[index]: ours vs mujoco}.
 * Oracle fields without a counterpart (rendering, tendons, ...) are not compared; the result says how many fields
 * were compared and which were not, so a test can pin both and a renamed field cannot drop out unnoticed.
 */
final class OracleComparison {
    private OracleComparison() {}

    /**
     * @param mismatches at most {@code limit} differences beyond the tolerance, empty if the models agree
     * @param compared   oracle fields that have a {@link Model} field and were compared
     * @param values     numbers compared
     * @param skipped    oracle fields without a {@link Model} field
     * @param worst      largest {@code |a - b| / max(1, |a|, |b|)} over every compared number
     */
    record Result(List<String> mismatches, int compared, long values, List<String> skipped, double worst) {}

    /**
     * Largest relative difference allowed per model (about 100x the worst measured); {@code -Doracle.tol=1e-15}
     * overrides it to list the last-digit differences.
     */
    static double bound(String model) {
        String p = System.getProperty("oracle.tol");
        if (p != null) return Double.parseDouble(p);
        Double b = BOUNDS.get(model);
        if (b == null) throw new IllegalArgumentException("no bound for " + model);
        return b;
    }

    private static final Map<String, Double> BOUNDS = Map.of("cartpole", 2e-14, "reacher", 2e-13, "cheetah", 1e-13,
            "walker", 1e-12, "humanoid", 5e-12, "features_degree", 2e-13, "features_radian", 1e-13);

    static Result compare(Model ours, ModelFields oracle, double tol, int limit) {
        return compare(ours, oracle, tol, limit, java.util.Set.of());
    }

    /** As above, leaving out the oracle fields named in {@code ignored} (reported as skipped). */
    static Result compare(Model ours, ModelFields oracle, double tol, int limit, java.util.Set<String> ignored) {
        List<String> out = new ArrayList<>(), skipped = new ArrayList<>();
        int compared = 0;
        long values = 0;
        double worst = 0;
        for (Map.Entry<String, ModelFields.Entry> e : oracle.values().entrySet()) {
            Field f = ignored.contains(e.getKey()) ? null : ModelFields.modelField(ModelFields.camelCase(e.getKey()));
            if (f == null) {
                skipped.add(e.getKey());
                continue;
            }
            compared++;
            double[] want = e.getValue().values();
            double[] got = asDoubles(f, ours);
            String name = e.getKey();
            if (got.length != want.length) {
                out.add(name + ": length " + got.length + " vs mujoco " + want.length);
                worst = Double.POSITIVE_INFINITY;
                continue;
            }
            int cols = Math.max(1, e.getValue().cols());
            for (int i = 0; i < want.length; i++) {
                double a = got[i], b = want[i];
                values++;
                double err = Math.abs(a - b) / Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
                if (!(err <= worst)) worst = Double.isNaN(err) ? Double.POSITIVE_INFINITY : err;
                if (err <= tol) continue;
                if (out.size() < limit) out.add(name + "[" + (i / cols) + "][" + (i % cols) + "]: ours " + a + " vs mujoco " + b);
            }
        }
        return new Result(out, compared, values, skipped, worst);
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
