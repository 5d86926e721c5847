package ddpg.physics.validate;

import ddpg.physics.model.Model;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Writes a compiled {@link Model} in the format of {@code mjref info}'s {@code model_fields.txt} (the format
 * {@link ModelFields} reads), so our compiler's output for any MJCF file can be diffed against real MuJoCo's:
 * {@code java -jar ddpg.jar validate --dump-model walker.xml > ours.txt}.
 */
public final class DumpModel {
    private DumpModel() {}

    /**
     * The model in {@code model_fields.txt} format ({@code field[row] v0 v1 ...}, MuJoCo names, {@code %.17g}-exact
     * doubles). Names, the source and rgba colours are not written (MuJoCo's dump omits them too).
     */
    public static String format(Model m) {
        StringBuilder sb = new StringBuilder("# compiled model written by ddpg.physics.validate.DumpModel\n");
        for (Field f : Model.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers())) continue;
            Class<?> t = f.getType();
            if (t == String.class || t == String[].class || t == float[].class) continue;
            String name = mujocoName(f.getName());
            Object v;
            try {
                v = f.get(m);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            if (t == int.class || t == double.class) {
                sb.append(name).append(' ').append(number(((Number) v).doubleValue())).append('\n');
                continue;
            }
            int n = java.lang.reflect.Array.getLength(v);
            if (n == 0) continue;
            int rows = name.startsWith("opt.") ? 1 : rowsOf(m, name);
            if (rows <= 0 || n % rows != 0) rows = 1;
            int cols = n / rows;
            for (int r = 0; r < rows; r++) {
                sb.append(name);
                if (!name.startsWith("opt.")) sb.append('[').append(r).append(']');
                for (int c = 0; c < cols; c++) {
                    Object x = java.lang.reflect.Array.get(v, r * cols + c);
                    double d = x instanceof Boolean b ? (b ? 1 : 0) : ((Number) x).doubleValue();
                    sb.append(' ').append(number(d));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** MuJoCo's name of a {@link Model} field: {@code bodyIquat -> body_iquat}, {@code optOSolref -> opt.o_solref}. */
    public static String mujocoName(String camel) {
        if (camel.equals("nM") || camel.equals("nD")) return camel;
        StringBuilder sb = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) sb.append('_').append(Character.toLowerCase(c));
            else sb.append(c);
        }
        String s = sb.toString().replace("dof_madr", "dof_Madr").replace("dof_m0", "dof_M0");
        return s.startsWith("opt_") ? "opt." + s.substring(4) : s;
    }

    private static int rowsOf(Model m, String name) {
        String prefix = name.substring(0, name.indexOf('_') < 0 ? name.length() : name.indexOf('_'));
        return switch (prefix) {
            case "body" -> m.nbody;
            case "jnt" -> m.njnt;
            case "dof" -> m.nv;
            case "geom" -> m.ngeom;
            case "site" -> m.nsite;
            case "actuator" -> m.nu;
            case "sensor" -> m.nsensor;
            case "qpos0", "qpos" -> m.nq;
            case "exclude" -> m.nexclude;
            default -> 1;
        };
    }

    /** C's {@code printf("%.17g")}, so identical doubles print identically to mjref's dump (diff-able as text). */
    public static String number(double d) {
        if (d == 0) return (1 / d < 0) ? "-0" : "0";
        java.math.BigDecimal b = new java.math.BigDecimal(d).round(new java.math.MathContext(17));
        int exp = b.precision() - b.scale() - 1;
        if (exp < -4 || exp >= 17) {
            String digits = b.unscaledValue().abs().toString();
            String mant = digits.substring(0, 1) + (digits.length() > 1 ? "." + digits.substring(1) : "");
            if (mant.contains(".")) mant = mant.replaceAll("0+$", "").replaceAll("\\.$", "");
            String e = String.format("%02d", Math.abs(exp));
            return (d < 0 ? "-" : "") + mant + "e" + (exp < 0 ? "-" : "+") + e;
        }
        String plain = b.toPlainString();
        if (plain.contains(".")) plain = plain.replaceAll("0+$", "").replaceAll("\\.$", "");
        return plain;
    }
}
