package ddpg.physics.validate;

import ddpg.physics.model.Model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a compiled-model dump written by {@code mjref info} ({@code model_fields.txt}: one line per array row,
 * {@code field[row] v0 v1 ...}, plus {@code opt.*} options and size integers) and turns it into a {@link Model}.
 *
 * <p>This lets the dynamics be tested on exactly the model real MuJoCo compiled, independently of our MJCF compiler,
 * and it is the oracle the compiler itself is compared against. Each MuJoCo name maps to the {@link Model} field of
 * the same name in camelCase ({@code body_iquat -> bodyIquat}, {@code opt.o_solref -> optOSolref}); fields MuJoCo
 * dumps but {@link Model} does not have (e.g. {@code body_sameframe}) stay available through {@link #values()}.
 * Element names come from {@code names.csv} ({@code kind,id,name}) next to the file when present, else are empty.
 */
public final class ModelFields {
    /** One MuJoCo field: all rows concatenated, and the number of values per row. */
    public record Entry(String mujocoName, double[] values, int cols, int rows) {}

    private final String source;
    private final Map<String, Entry> entries;
    private final Map<String, List<String>> names;

    private ModelFields(String source, Map<String, Entry> entries, Map<String, List<String>> names) {
        this.source = source;
        this.entries = entries;
        this.names = names;
    }

    /** Every field in file order, keyed by MuJoCo's name (e.g. {@code body_mass}, {@code opt.timestep}, {@code nq}). */
    public Map<String, Entry> values() { return Collections.unmodifiableMap(entries); }

    /** Element names of one kind ({@code body, joint, geom, site, actuator, sensor}), or an empty list. */
    public List<String> names(String kind) { return names.getOrDefault(kind, List.of()); }

    /** Where the dump came from. */
    public String source() { return source; }

    /** Reads {@code model_fields.txt} (and {@code names.csv} beside it, if present) and builds the model. */
    public static Model load(Path modelFieldsTxt) {
        return read(modelFieldsTxt).toModel();
    }

    /** Parses {@code model_fields.txt} and, if present, the sibling {@code names.csv}. */
    public static ModelFields read(Path modelFieldsTxt) {
        try (Reader r = Files.newBufferedReader(modelFieldsTxt, StandardCharsets.UTF_8)) {
            Path namesCsv = modelFieldsTxt.resolveSibling("names.csv");
            Map<String, List<String>> names = new LinkedHashMap<>();
            if (Files.exists(namesCsv)) {
                try (Reader nr = Files.newBufferedReader(namesCsv, StandardCharsets.UTF_8)) {
                    names = parseNames(nr, namesCsv.toString());
                }
            }
            return new ModelFields(modelFieldsTxt.toString(), parseFields(r, modelFieldsTxt.toString()), names);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + modelFieldsTxt + ": " + e.getMessage());
        }
    }

    /**
     * Reads {@code <dir>/model_fields.txt} and {@code <dir>/names.csv} (optional) from the class path, e.g.
     * {@code readResource("/oracle/cartpole")} in tests.
     */
    public static ModelFields readResource(String dir) {
        String base = dir.endsWith("/") ? dir : dir + "/";
        String fieldsName = base + "model_fields.txt";
        try (InputStream in = ModelFields.class.getResourceAsStream(fieldsName)) {
            if (in == null) throw new IllegalArgumentException("no resource " + fieldsName + " on the class path");
            Map<String, Entry> entries = parseFields(new InputStreamReader(in, StandardCharsets.UTF_8), fieldsName);
            Map<String, List<String>> names = new LinkedHashMap<>();
            try (InputStream nin = ModelFields.class.getResourceAsStream(base + "names.csv")) {
                if (nin != null) names = parseNames(new InputStreamReader(nin, StandardCharsets.UTF_8), base + "names.csv");
            }
            return new ModelFields(fieldsName, entries, names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Convenience: {@code readResource(dir).toModel()}. */
    public static Model loadResource(String dir) { return readResource(dir).toModel(); }

    /**
     * Reads the other dump format, {@code <model>.compiled.txt} (test fixtures, {@code oracle/<model>/compiled.txt}): blocks of
     * a header {@code name rows cols} followed by rows of numbers; {@code names.<kind>} blocks hold element names
     * ({@code -} = unnamed). {@code data.*} blocks (the state at qpos0) are kept as entries too.
     */
    public static ModelFields readCompiled(Reader reader, String file) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        Map<String, List<String>> names = new LinkedHashMap<>();
        BufferedReader br = new BufferedReader(reader);
        List<String> lines = new ArrayList<>();
        for (String l; (l = br.readLine()) != null; ) lines.add(l);
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i).strip();
            i++;
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] h = line.split("\\s+");
            int rows, cols;
            try {
                if (h.length != 3) throw new NumberFormatException();
                rows = Integer.parseInt(h[1]);
                cols = Integer.parseInt(h[2]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ":" + i + ": expected a block header 'name rows cols', found '" + line + "'");
            }
            if (i + rows > lines.size())
                throw new IllegalArgumentException(file + ":" + i + ": block " + h[0] + " is cut short");
            if (h[0].startsWith("names.")) {
                List<String> list = new ArrayList<>();
                for (int r = 0; r < rows; r++) {
                    String n = lines.get(i + r).strip();
                    list.add(n.equals("-") ? "" : n);
                }
                names.put(h[0].substring("names.".length()), list);
            } else {
                double[] flat = new double[rows * cols];
                for (int r = 0; r < rows; r++) {
                    String[] tok = lines.get(i + r).strip().split("\\s+");
                    if (tok.length != cols)
                        throw new IllegalArgumentException(file + ":" + (i + r + 1) + ": " + h[0] + " row has " + tok.length + " values, expected " + cols);
                    for (int c = 0; c < cols; c++) {
                        flat[r * cols + c] = number(tok[c], file, i + r + 1, h[0]);
                    }
                }
                entries.put(h[0], new Entry(h[0], flat, cols, rows));
            }
            i += rows;
        }
        return new ModelFields(file, entries, names);
    }

    /** {@link #readCompiled(Reader, String)} from the class path. */
    public static ModelFields readCompiledResource(String resource) {
        try (InputStream in = ModelFields.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("no resource " + resource + " on the class path");
            return readCompiled(new InputStreamReader(in, StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Camel-case name of a MuJoCo field: drop '_' and '.', capitalise the letter after them. */
    public static String camelCase(String mujocoName) {
        StringBuilder sb = new StringBuilder(mujocoName.length());
        boolean upper = false;
        for (char c : mujocoName.toCharArray()) {
            if (c == '_' || c == '.') { upper = true; continue; }
            sb.append(upper ? Character.toUpperCase(c) : c);
            upper = false;
        }
        return sb.toString();
    }

    /** Builds a {@link Model}: every field whose camel-case name exists in {@link Model} is filled. */
    public Model toModel() {
        Model m = new Model();
        m.source = source;
        Path p = Path.of(source).getParent();
        m.name = p == null || p.getFileName() == null ? "" : p.getFileName().toString();
        for (Entry e : entries.values()) {
            Field f = modelField(camelCase(e.mujocoName()));
            if (f == null) continue;
            try {
                assign(m, f, e);
            } catch (IllegalAccessException ex) {
                throw new IllegalStateException(ex);
            }
        }
        m.bodyName = namesOf("body", m.nbody);
        m.jntName = namesOf("joint", m.njnt);
        m.geomName = namesOf("geom", m.ngeom);
        m.siteName = namesOf("site", m.nsite);
        m.actuatorName = namesOf("actuator", m.nu);
        m.sensorName = namesOf("sensor", m.nsensor);
        // rgba is not dumped (visual only): use MuJoCo's default grey.
        m.geomRgba = new float[4 * m.ngeom];
        for (int i = 0; i < m.ngeom; i++) {
            m.geomRgba[4 * i] = 0.5f; m.geomRgba[4 * i + 1] = 0.5f; m.geomRgba[4 * i + 2] = 0.5f; m.geomRgba[4 * i + 3] = 1f;
        }
        return m;
    }

    /** The public, non-static field of {@link Model} with this name, or null. */
    public static Field modelField(String camel) {
        try {
            Field f = Model.class.getField(camel);
            return Modifier.isStatic(f.getModifiers()) ? null : f;
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private String[] namesOf(String kind, int n) {
        String[] out = new String[n];
        List<String> list = names(kind);
        for (int i = 0; i < n; i++) out[i] = i < list.size() && list.get(i) != null ? list.get(i) : "";
        return out;
    }

    private static void assign(Model m, Field f, Entry e) throws IllegalAccessException {
        double[] v = e.values();
        Class<?> t = f.getType();
        if (t == int.class) f.setInt(m, (int) v[0]);
        else if (t == double.class) f.setDouble(m, v[0]);
        else if (t == double[].class) f.set(m, v.clone());
        else if (t == int[].class) {
            int[] a = new int[v.length];
            for (int i = 0; i < v.length; i++) a[i] = (int) v[i];
            f.set(m, a);
        } else if (t == boolean[].class) {
            boolean[] a = new boolean[v.length];
            for (int i = 0; i < v.length; i++) a[i] = v[i] != 0;
            f.set(m, a);
        } else if (t == float[].class) {
            float[] a = new float[v.length];
            for (int i = 0; i < v.length; i++) a[i] = (float) v[i];
            f.set(m, a);
        }
    }

    private static Map<String, Entry> parseFields(Reader reader, String file) throws IOException {
        // name -> rows, in order; rows must come as [0], [1], ... for an array field
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        BufferedReader br = new BufferedReader(reader);
        String line;
        int lineNo = 0;
        while ((line = br.readLine()) != null) {
            lineNo++;
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] tok = line.split("\\s+");
            String key = tok[0];
            int row = 0;
            int br0 = key.indexOf('[');
            if (br0 >= 0) {
                if (!key.endsWith("]")) throw new IllegalArgumentException(file + ":" + lineNo + ": bad field name '" + key + "'");
                try {
                    row = Integer.parseInt(key.substring(br0 + 1, key.length() - 1));
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": bad row index in '" + key + "'");
                }
                key = key.substring(0, br0);
            }
            double[] vals = new double[tok.length - 1];
            for (int i = 1; i < tok.length; i++) {
                vals[i - 1] = number(tok[i], file, lineNo, tok[0]);
            }
            List<double[]> list = rows.computeIfAbsent(key, k -> new ArrayList<>());
            if (row != list.size())
                throw new IllegalArgumentException(file + ":" + lineNo + ": expected row " + list.size() + " of " + key + ", got " + row);
            list.add(vals);
        }
        Map<String, Entry> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<double[]>> e : rows.entrySet()) {
            List<double[]> list = e.getValue();
            int cols = list.get(0).length;
            double[] flat = new double[cols * list.size()];
            for (int r = 0; r < list.size(); r++) {
                if (list.get(r).length != cols)
                    throw new IllegalArgumentException(file + ": row " + r + " of " + e.getKey() + " has " + list.get(r).length + " values, expected " + cols);
                System.arraycopy(list.get(r), 0, flat, r * cols, cols);
            }
            out.put(e.getKey(), new Entry(e.getKey(), flat, cols, list.size()));
        }
        return out;
    }

    /** A finite number of a dump (MuJoCo writes %.17g; "inf", "1e999" or "nan" are not a model). */
    private static double number(String tok, String file, int line, String field) {
        double v;
        try {
            v = Double.parseDouble(tok);
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(file + ":" + line + ": malformed number '" + tok + "' in " + field);
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(file + ":" + line + ": '" + tok + "' in " + field + " is not a finite number");
        }
        return v;
    }

    private static Map<String, List<String>> parseNames(Reader reader, String file) throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        BufferedReader br = new BufferedReader(reader);
        String line;
        int lineNo = 0;
        while ((line = br.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("kind,")) continue;
            String[] tok = line.split(",", 3);
            if (tok.length < 3) throw new IllegalArgumentException(file + ":" + lineNo + ": expected kind,id,name");
            int id;
            try {
                id = Integer.parseInt(tok[1].strip());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": malformed id '" + tok[1] + "'");
            }
            List<String> list = out.computeIfAbsent(tok[0].strip(), k -> new ArrayList<>());
            while (list.size() <= id) list.add("");
            list.set(id, tok[2].strip());
        }
        return out;
    }

    @Override
    public String toString() { return "ModelFields(" + source + ", " + entries.size() + " fields: " + Arrays.toString(entries.keySet().toArray()) + ")"; }
}
