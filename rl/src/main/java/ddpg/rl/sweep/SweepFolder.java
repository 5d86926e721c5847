package ddpg.rl.sweep;

import ddpg.engine.io.Json;
import ddpg.rl.train.AtomicFiles;
import ddpg.rl.train.BuildInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A sweep's folder: {@code sweep.json} (the plan, the ddpg version and commit that made it), its own copy of the jar
 * ({@code ddpg.jar}: every cell runs it, so rebuilding ddpg never changes a sweep's numbers halfway), one run folder
 * per cell named after the cell, and {@code logs/} with each cell's console output.
 */
public final class SweepFolder {
    public static final String FILE = "sweep.json";
    public static final String JAR = "ddpg.jar";
    public static final String LOGS = "logs";
    static final long FORMAT = 1;

    public final Path dir;
    public final SweepPlan plan;
    /** The version and commit of the ddpg that created the sweep. */
    public final String version, commit;

    private SweepFolder(Path dir, SweepPlan plan, String version, String commit) {
        this.dir = dir;
        this.plan = plan;
        this.version = version;
        this.commit = commit;
    }

    /**
     * Opens the sweep in {@code dir} if it is this plan's, or creates it (copying {@code jar}, when the running ddpg is
     * a jar). Another plan's folder, or a folder that is not a sweep, is an {@link IllegalArgumentException}.
     */
    public static SweepFolder createOrOpen(Path dir, SweepPlan plan, Path jar, Predicate<String> isFlag) throws IOException {
        if (Files.isRegularFile(dir.resolve(FILE))) {
            SweepFolder existing = open(dir, isFlag);
            String diff = existing.plan.difference(plan);
            if (diff != null) throw new IllegalArgumentException(dir + " holds another sweep: " + diff
                    + "; give the same options, or another --out for a new sweep");
            return existing;
        }
        if (Files.isDirectory(dir) && !isEmpty(dir))
            throw new IllegalArgumentException(dir + " exists and is not a sweep folder (no " + FILE + "); choose another --out");
        try {
            Files.createDirectories(dir.resolve(LOGS));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create the sweep folder " + dir + " (" + e.getMessage() + "); choose another --out");
        }
        if (jar != null) {
            Path tmp = dir.resolve("." + JAR + ".tmp");
            Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.move(tmp, dir.resolve(JAR));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", BuildInfo.version());
        m.put("commit", BuildInfo.commit());
        m.put("jar", jar != null ? JAR : null);
        m.putAll(plan.toMap());
        AtomicFiles.writeString(dir.resolve(FILE), Json.write(m));
        return new SweepFolder(dir, plan, BuildInfo.version(), BuildInfo.commit());
    }

    /** Reads an existing sweep; a missing or damaged sweep.json is an {@link IllegalArgumentException} naming it. */
    public static SweepFolder open(Path dir, Predicate<String> isFlag) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file))
            throw new IllegalArgumentException(dir + " is not a sweep folder (no " + FILE + "); make one with 'ddpg.jar sweep --tasks ... --out " + dir + "'");
        try {
            Map<String, Object> m = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
            SweepPlan plan = SweepPlan.fromMap(m, isFlag);
            return new SweepFolder(dir, plan, String.valueOf(m.get("version")), String.valueOf(m.get("commit")));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + " (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " is damaged (" + e.getMessage() + "); restore it or start the sweep in another folder");
        }
    }

    public Path cellDir(Cell c) {
        return dir.resolve(c.name());
    }

    public Path log(Cell c) {
        return dir.resolve(LOGS).resolve(c.name() + ".log");
    }

    /** The sweep's own jar, or null when it was made by ddpg running from classes (tests, an IDE). */
    public Path jar() {
        Path j = dir.resolve(JAR);
        return Files.isRegularFile(j) ? j : null;
    }

    public Cell cell(int index) {
        if (index < 0 || index >= plan.cells.size())
            throw new IllegalArgumentException("cell index " + index + " is out of range: " + dir + " has cells 0-" + (plan.cells.size() - 1));
        return plan.cells.get(index);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
