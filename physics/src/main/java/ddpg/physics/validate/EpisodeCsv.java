package ddpg.physics.validate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An episode file written by {@code mjref task} (columns named {@code t, qpos[i], ..., obs[i], next_qvel[i]}): one
 * row per control step, the reset row first ({@code t = -1}, no action or reward), each with the pre-state, the action, and
 * the reward, observation and state that real MuJoCo produced.
 */
public final class EpisodeCsv {
    /** One control step. {@code action} and {@code reward} are absent (null / NaN) on the reset row. */
    public record Row(int line, int t, double[] qpos, double[] qvel, double[] target, double[] action, double reward,
                      double[] obs, double[] nextQpos, double[] nextQvel) {
        public boolean isReset() {
            return t < 0;
        }
    }

    public final String source;
    public final List<Row> rows;
    public final int nq, nv, nu, nobs;

    private EpisodeCsv(String source, List<Row> rows, int nq, int nv, int nu, int nobs) {
        this.source = source;
        this.rows = rows;
        this.nq = nq;
        this.nv = nv;
        this.nu = nu;
        this.nobs = nobs;
    }

    /**
     * Reads a file, plain or gzip-compressed ({@code episode_0.csv.gz}); a missing or malformed file is an
     * {@link IllegalArgumentException} naming file and line.
     */
    public static EpisodeCsv read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(CsvText.reader(in), file.toString(), Integer.MAX_VALUE);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("episode file not found: " + file
                    + " (make one with: mjref task <task> <outdir>)");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read episode file " + file + ": " + e.getMessage()
                    + " (give a whole episode_i.csv of mjref task, plain or gzip-compressed)");
        }
    }

    /** Reads a classpath resource (test fixtures, the shipped oracle). */
    public static EpisodeCsv resource(String name) {
        return resource(name, name);
    }

    /** Reads a classpath resource, plain or gzip-compressed; {@code source} names it in messages and tables. */
    public static EpisodeCsv resource(String name, String source) {
        InputStream in = EpisodeCsv.class.getResourceAsStream(name);
        if (in == null) throw new IllegalArgumentException("episode resource not found: " + name);
        try (in) {
            return parse(CsvText.reader(in), source, Integer.MAX_VALUE);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read episode resource " + name + ": " + e.getMessage());
        }
    }

    static EpisodeCsv parse(BufferedReader r, String source, int maxRows) throws IOException {
        String header = r.readLine();
        if (header == null) throw new IllegalArgumentException(source + ": empty file, expected an mjref episode CSV");
        String[] names = header.split(",", -1);
        Map<String, int[]> cols = groups(names);
        int[] t = need(cols, "t", source), qpos = need(cols, "qpos", source), qvel = need(cols, "qvel", source);
        int[] action = need(cols, "action", source), reward = need(cols, "reward", source);
        int[] obs = need(cols, "obs", source), nq = need(cols, "next_qpos", source);
        int[] nv = need(cols, "next_qvel", source);
        int[] target = cols.get("target");
        if (nq[1] != qpos[1] || nv[1] != qvel[1]) {
            throw new IllegalArgumentException(source + ":1: next_qpos/next_qvel sizes differ from qpos/qvel");
        }
        List<Row> rows = new ArrayList<>();
        String line;
        int lineNo = 1;
        while ((line = r.readLine()) != null && rows.size() < maxRows) {
            lineNo++;
            if (line.isBlank()) continue;
            String[] f = line.split(",", -1);
            if (f.length != names.length) {
                throw new IllegalArgumentException(source + ":" + lineNo + ": " + f.length + " fields, header has "
                        + names.length);
            }
            int step = (int) num(f, t[0], source, lineNo, names);
            boolean reset = step < 0;
            rows.add(new Row(lineNo, step, vec(f, qpos, source, lineNo, names), vec(f, qvel, source, lineNo, names),
                    target == null ? null : vec(f, target, source, lineNo, names),
                    reset ? null : vec(f, action, source, lineNo, names),
                    reset ? Double.NaN : num(f, reward[0], source, lineNo, names),
                    vec(f, obs, source, lineNo, names), vec(f, nq, source, lineNo, names),
                    vec(f, nv, source, lineNo, names)));
        }
        if (rows.isEmpty()) throw new IllegalArgumentException(source + ": no rows after the header");
        return new EpisodeCsv(source, List.copyOf(rows), qpos[1], qvel[1], action[1], obs[1]);
    }

    /** Column groups: "qpos[3]" belongs to group "qpos"; value = {first column, count}. Plain names count 1. */
    private static Map<String, int[]> groups(String[] names) {
        Map<String, int[]> g = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            String n = names[i].trim();
            int b = n.indexOf('[');
            String base = b < 0 ? n : n.substring(0, b);
            int[] e = g.get(base);
            if (e == null) g.put(base, new int[] {i, 1});
            else e[1]++;
        }
        return g;
    }

    private static int[] need(Map<String, int[]> cols, String name, String source) {
        int[] c = cols.get(name);
        if (c == null) {
            throw new IllegalArgumentException(source + ":1: missing column '" + name
                    + "' (is this an episode file from mjref task?)");
        }
        return c;
    }

    private static double num(String[] f, int col, String source, int line, String[] names) {
        String s = f[col].trim();
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ":" + line + ": column " + names[col] + ": '" + s
                    + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(source + ":" + line + ": column " + names[col] + ": '" + s
                    + "' is not a finite number");
        }
        return v;
    }

    private static double[] vec(String[] f, int[] c, String source, int line, String[] names) {
        double[] v = new double[c[1]];
        for (int i = 0; i < v.length; i++) v[i] = num(f, c[0] + i, source, line, names);
        return v;
    }
}
