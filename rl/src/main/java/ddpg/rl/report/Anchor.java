package ddpg.rl.report;

import ddpg.rl.settings.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A published result to compare a group with (report's {@code --anchors FILE}): the mean ± std over {@code seeds}
 * runs that {@code source} reports for {@code task} at {@code step}, and optionally the mean we set out to reach.
 * The file is CSV, one anchor per line, '#' starts a comment line:
 * <pre>
 * # task,group,step,source,mean,std,seeds,target
 * cartpole-swingup,default,500k,published DDPG,863,9,10,840
 * humanoid-walk,default,1M,published DDPG (2x256 MLP),171,177,10,
 * </pre>
 * {@code group} is a group's name in results.md ({@code batch_norm=true}, a --label name), or {@code default}: the
 * group run with the default preset unchanged, whatever results.md calls it ({@code default}, {@code
 * batch_norm=false}, {@code preset=default}). The source may not contain commas; an empty target means none.
 */
public record Anchor(String task, String group, long step, String source, double mean, double std, int seeds, Double target) {
    static final String HEADER = "task,group,step,source,mean,std,seeds,target";

    /** The anchors of {@code file}; a bad line is an IllegalArgumentException naming the file, the line and the fix. */
    public static List<Anchor> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException("cannot read the anchors file " + file + " (" + reason(e) + "); give a CSV file "
                    + "with the columns " + HEADER);
        }
        List<Anchor> anchors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            anchors.add(parse(line, file + " line " + (i + 1)));
        }
        return anchors;
    }

    static Anchor parse(String line, String where) {
        String[] f = line.split(",", -1);
        if (f.length != 8) {
            throw new IllegalArgumentException(where + ": expected 8 comma-separated fields (" + HEADER + "), got " + f.length
                    + "; a source may not contain commas");
        }
        for (int j = 0; j < f.length; j++) f[j] = f[j].strip();
        String[] names = HEADER.split(",");
        for (int j = 0; j < 4; j++) {
            if (f[j].isEmpty()) throw new IllegalArgumentException(where + ": the " + names[j] + " field is empty");
        }
        long step;
        try {
            step = Kind.parseLongWithSuffix(f[2].replace("_", ""));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(where + ": step '" + f[2] + "' is not a number of env steps such as 500k or 1M");
        }
        if (step < 0) throw new IllegalArgumentException(where + ": step must be >= 0, got " + f[2]);
        double mean = number(f[4], "mean", where), std = number(f[5], "std", where);
        int seeds;
        try {
            seeds = Integer.parseInt(f[6]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": seeds '" + f[6] + "' is not a whole number");
        }
        if (seeds < 1) throw new IllegalArgumentException(where + ": seeds must be at least 1, got " + seeds);
        Double target = f[7].isEmpty() ? null : number(f[7], "target", where);
        return new Anchor(f[0], f[1], step, f[3], mean, std, seeds, target);
    }

    private static double number(String text, String what, String where) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) return v;
        } catch (NumberFormatException ignored) {
            // the message below says what is wrong
        }
        throw new IllegalArgumentException(where + ": " + what + " '" + text + "' is not a number");
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
