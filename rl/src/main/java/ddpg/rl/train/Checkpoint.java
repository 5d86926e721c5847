package ddpg.rl.train;

import ddpg.engine.io.SafeTensors;
import ddpg.rl.ddpg.DdpgAgent;
import ddpg.rl.replay.ReplayBuffer;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
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
 * </pre>
 * A checkpoint is written into a hidden temporary folder and renamed into place only when complete, then older
 * checkpoints are deleted; so killing the process at any moment leaves at least one complete checkpoint.
 */
public final class Checkpoint {
    public static final String FOLDER = "checkpoints";
    public static final String AGENT_FILE = "agent.safetensors";
    public static final String REPLAY_FILE = "replay.bin";
    public static final String STATE_FILE = "state.json";
    private static final String PREFIX = "step-";

    private Checkpoint() {}

    /** Writes a checkpoint for env step {@code step}; returns its folder. */
    public static Path save(Path runDir, long step, DdpgAgent agent, ReplayBuffer replay, Map<String, Object> state)
            throws IOException {
        Path dir = runDir.resolve(FOLDER);
        Files.createDirectories(dir);
        Path target = dir.resolve(String.format("%s%012d", PREFIX, step));
        if (Files.isDirectory(target) && Files.isRegularFile(target.resolve(STATE_FILE))) return target;
        Path tmp = dir.resolve(".tmp-" + target.getFileName());
        deleteTree(tmp);
        Files.createDirectories(tmp);
        SafeTensors.write(tmp.resolve(AGENT_FILE), agent.stateTensors(), Map.of("format", "ddpg-checkpoint-" + RunConfig.FORMAT));
        replay.save(tmp.resolve(REPLAY_FILE));
        AtomicFiles.writeString(tmp.resolve(STATE_FILE), Json.write(state));
        forceDirectory(tmp);
        AtomicFiles.move(tmp, target);
        forceDirectory(dir);
        for (Path old : list(runDir)) if (!old.equals(target)) deleteTree(old);
        return target;
    }

    /** The newest complete checkpoint folder of a run, or null. */
    public static Path latest(Path runDir) throws IOException {
        List<Path> all = list(runDir);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /** Loads networks, optimizer states and the replay buffer; returns the saved trainer state. */
    public static Map<String, Object> load(Path checkpoint, DdpgAgent agent, ReplayBuffer replay) throws IOException {
        Map<String, Object> state = Json.parseObject(Files.readString(checkpoint.resolve(STATE_FILE), StandardCharsets.UTF_8));
        SafeTensors.loadInto(checkpoint.resolve(AGENT_FILE), agent.stateTensors());
        replay.load(checkpoint.resolve(REPLAY_FILE));
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

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            List<Path> all = new ArrayList<>();
            s.forEach(all::add);
            for (int i = all.size() - 1; i >= 0; i--) Files.deleteIfExists(all.get(i));
        }
    }
}
