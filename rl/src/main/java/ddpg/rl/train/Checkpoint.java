package ddpg.rl.train;

import ddpg.engine.io.Json;
import ddpg.engine.io.SafeTensors;
import ddpg.rl.ddpg.DdpgAgent;
import ddpg.rl.replay.ReplayBuffer;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything needed to continue a run exactly, in {@code <run>/checkpoints/step-<N>/}:
 * <pre>
 *   agent.safetensors   actor, critic, both targets, both Adam states (named "actor.*", "critic_adam.*", ...)
 *   replay.bin          the replay buffer (see ReplayBuffer#save)
 *   state.json          counters, random generator states, noise state, progress.csv length
 *   manifest.json       size and CRC32C of the three files above (see CheckpointManifest)
 * </pre>
 * A checkpoint is written into a hidden temporary folder and renamed into place only when complete. The two newest
 * complete checkpoints are kept, so that a damaged newest one still leaves one to resume from; older ones and stale
 * temporary folders are deleted only after the new one is complete. Killing the process at any moment, or a full
 * disk, therefore leaves the previous checkpoints intact.
 */
public final class Checkpoint {
    public static final String FOLDER = "checkpoints";
    public static final String AGENT_FILE = "agent.safetensors";
    public static final String REPLAY_FILE = "replay.bin";
    public static final String STATE_FILE = "state.json";
    private static final String PREFIX = "step-";
    private static final String TMP_PREFIX = ".tmp-" + PREFIX;
    /** A damaged checkpoint that --resume stepped past is renamed to this prefix: kept for inspection, never loaded. */
    private static final String DAMAGED_PREFIX = "damaged-" + PREFIX;
    /** How many complete checkpoints are kept: the newest, and one to fall back to. */
    static final int KEEP = 2;

    private Checkpoint() {}

    /**
     * Writes a checkpoint for env step {@code step}; returns its folder. A failed write is a {@link WriteFailed}
     * naming the file; the half-written folder is removed and the earlier checkpoints are untouched.
     */
    public static Path save(Path runDir, long step, DdpgAgent agent, ReplayBuffer replay, Map<String, Object> state)
            throws IOException {
        Path dir = runDir.resolve(FOLDER);
        Path target = dir.resolve(String.format("%s%012d", PREFIX, step));
        if (Files.isDirectory(target) && Files.isRegularFile(target.resolve(STATE_FILE))) return target;
        Path tmp = dir.resolve(".tmp-" + target.getFileName());
        try {
            WriteFailed.guard(tmp, () -> {
                Files.createDirectories(dir);
                deleteTree(tmp);
                Files.createDirectories(tmp);
            });
            WriteFailed.guard(tmp.resolve(AGENT_FILE), () -> SafeTensors.write(tmp.resolve(AGENT_FILE), agent.stateTensors(),
                    Map.of("format", "ddpg-checkpoint-" + RunConfig.FORMAT)));
            WriteFailed.guard(tmp.resolve(REPLAY_FILE), () -> replay.save(tmp.resolve(REPLAY_FILE)));
            AtomicFiles.writeString(tmp.resolve(STATE_FILE), Json.write(state));
            WriteFailed.guard(tmp.resolve(CheckpointManifest.FILE),
                    () -> CheckpointManifest.write(tmp, List.of(AGENT_FILE, REPLAY_FILE, STATE_FILE)));
            forceDirectory(tmp);
            WriteFailed.guard(target, () -> {
                deleteTree(target); // an incomplete folder of that name (no state file) cannot be renamed over
                AtomicFiles.move(tmp, target);
            });
        } catch (WriteFailed e) {
            deleteQuietly(tmp); // give back the space a half-written checkpoint holds
            throw e;
        }
        forceDirectory(dir);
        prune(runDir);
        return target;
    }

    /**
     * Deletes the complete checkpoints older than the {@link #KEEP} newest, and stale temporary folders (a process
     * killed while writing). Best effort: what cannot be deleted now is tried again after the next checkpoint.
     */
    private static void prune(Path runDir) {
        try {
            List<Path> all = list(runDir);
            for (int i = 0; i < all.size() - KEEP; i++) deleteQuietly(all.get(i));
            try (Stream<Path> s = Files.list(runDir.resolve(FOLDER))) {
                s.filter(p -> p.getFileName().toString().startsWith(TMP_PREFIX)).forEach(Checkpoint::deleteQuietly);
            }
        } catch (IOException e) {
            // retried after the next checkpoint
        }
    }

    /**
     * Renames a damaged checkpoint to {@code damaged-step-N} (kept for inspection, never loaded again), so that the
     * resumed run can write a fresh checkpoint of that step. Returns the new name.
     */
    static Path setAside(Path checkpoint) throws IOException {
        String name = checkpoint.getFileName().toString().substring(PREFIX.length());
        Path aside = checkpoint.resolveSibling(DAMAGED_PREFIX + name);
        for (int k = 2; Files.exists(aside); k++) aside = checkpoint.resolveSibling(DAMAGED_PREFIX + name + "-" + k);
        Path to = aside;
        WriteFailed.guard(to, () -> AtomicFiles.move(checkpoint, to));
        return to;
    }

    /** The env step a checkpoint folder was written at. */
    public static long step(Path checkpoint) {
        return Long.parseLong(checkpoint.getFileName().toString().substring(PREFIX.length()));
    }

    /** The newest complete checkpoint folder of a run, or null. */
    public static Path latest(Path runDir) throws IOException {
        List<Path> all = list(runDir);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /**
     * Checks the checkpoint against its manifest, then loads networks, optimizer states and the replay buffer, and
     * returns the saved trainer state. Any damage (a file missing, truncated, corrupt, with NaN weights, a state
     * field missing) is a {@link BadFile} naming the file; the caller may then try an older checkpoint.
     */
    static JsonFields load(Path checkpoint, DdpgAgent agent, ReplayBuffer replay) {
        String damaged = CheckpointManifest.DAMAGED;
        CheckpointManifest.verify(checkpoint);
        JsonFields state = JsonFields.read(checkpoint.resolve(STATE_FILE), damaged);
        WeightFiles.load(checkpoint.resolve(AGENT_FILE), agent.stateTensors(), damaged);
        Path replayFile = checkpoint.resolve(REPLAY_FILE);
        try {
            replay.load(replayFile);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BadFile(replayFile + " is missing; " + damaged, e);
        } catch (IOException e) {
            String why = e.getMessage() != null && e.getMessage().contains(replayFile.toString()) ? e.getMessage()
                    : "cannot read " + replayFile + " (" + WriteFailed.reason(e) + ")";
            throw new BadFile(why + "; " + damaged, e);
        }
        return state;
    }

    /** Complete checkpoints (those with a state file), oldest first. */
    static List<Path> list(Path runDir) throws IOException {
        Path dir = runDir.resolve(FOLDER);
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().startsWith(PREFIX))
                    .filter(p -> Files.isRegularFile(p.resolve(STATE_FILE)))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .forEach(out::add);
        }
        return out;
    }

    private static void forceDirectory(Path dir) {
        // Makes the renames durable on Linux; not supported everywhere, and then merely skipped.
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            deleteTree(p);
        } catch (IOException e) {
            // best effort: retried by the next prune
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            List<Path> all = new ArrayList<>();
            s.forEach(all::add);
            for (int i = all.size() - 1; i >= 0; i--) Files.deleteIfExists(all.get(i));
        }
    }
}
