package ddpg.rl.train;

import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import ddpg.engine.io.Json;
import ddpg.engine.io.SafeTensors;
import ddpg.rl.ddpg.Actor;
import ddpg.rl.ddpg.DdpgConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trained policy as files anyone can load: {@code actor.safetensors} (weights, PyTorch state_dict names; each
 * Linear weight is stored [in, out], the transpose of PyTorch's layout) and {@code actor.json} (task, observation and
 * action sizes, hidden widths, batch norm, activations), so that NumPy or PyTorch can rebuild mu(s) from the pair.
 */
public final class PolicyFiles {
    public static final String WEIGHTS = "actor.safetensors";
    public static final String DESCRIPTION = "actor.json";

    private PolicyFiles() {}

    public static void export(Path runDir, Actor actor, String task, long envSteps) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("task", task);
        meta.put("format", "ddpg-actor-1");
        WriteFailed.guard(runDir.resolve(WEIGHTS), () -> SafeTensors.write(runDir.resolve(WEIGHTS), actor.stateDict(), meta));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("task", task);
        d.put("obs_size", (long) actor.obsSize());
        d.put("act_size", (long) actor.actSize());
        d.put("hidden", actor.hidden());
        d.put("batch_norm", actor.batchNorm());
        d.put("hidden_activation", "relu");
        d.put("output_activation", "tanh");
        d.put("weight_layout", "[in, out]: y = x W + b");
        d.put("layers", layerList(actor));
        d.put("env_steps", envSteps);
        d.put("weights", WEIGHTS);
        AtomicFiles.writeString(runDir.resolve(DESCRIPTION), Json.write(d));
    }

    private static java.util.List<Object> layerList(Actor actor) {
        java.util.List<Object> l = new java.util.ArrayList<>();
        for (Map.Entry<String, Tensor> e : actor.stateDict().entrySet()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.getKey());
            m.put("shape", e.getValue().shape());
            l.add(m);
        }
        return l;
    }

    /** A run's policy in eval mode, and which weights it came from, in words for the user. */
    public record Loaded(Actor actor, String weights) {}

    /** For {@link #loadCheckpoint}: the newest complete checkpoint. */
    public static final long LATEST = -1;

    /**
     * The policy of a run folder in eval mode: the exported final actor when there is one, otherwise the actor of
     * the latest checkpoint. A folder with neither is an {@link IllegalArgumentException}; a damaged weights file (or
     * one holding NaN) is a {@link BadFile} (see {@link WeightFiles}, which {@code --resume} loads through too).
     */
    public static Actor load(Path runDir) throws IOException {
        return loadFinal(runDir).actor();
    }

    /** {@link #load}, saying which weights were used. */
    public static Loaded loadFinal(Path runDir) throws IOException {
        Actor actor = emptyActor(runDir);
        Path weights = runDir.resolve(WEIGHTS);
        if (!Files.isRegularFile(weights)) {
            Path ckpt = Checkpoint.latest(runDir);
            if (ckpt == null) throw new IllegalArgumentException(runDir + " has neither " + WEIGHTS
                    + " nor a checkpoint yet; wait for the first checkpoint or the end of training");
            return fromCheckpoint(runDir, ckpt, actor, "; no " + WEIGHTS + " yet");
        }
        WeightFiles.load(weights, actor.stateDict(), "write it again from the run's last checkpoint with"
                + " java -jar ddpg.jar --resume " + runDir + ", or delete it to use the last checkpoint's actor");
        actor.eval();
        long steps = exportedSteps(runDir);
        return new Loaded(actor, "final actor (" + WEIGHTS + (steps >= 0 ? ", " + steps(steps) + " env steps" : "") + ")");
    }

    /**
     * The actor of the run's checkpoint at env step {@code step} ({@link #LATEST}: the newest), in eval mode. A step
     * with no complete checkpoint is an {@link IllegalArgumentException} listing the steps there are.
     */
    public static Loaded loadCheckpoint(Path runDir, long step) throws IOException {
        Actor actor = emptyActor(runDir);
        List<Path> all = Checkpoint.list(runDir);
        if (all.isEmpty()) throw new IllegalArgumentException(runDir + " has no checkpoint yet; leave out --checkpoint to use "
                + (Files.isRegularFile(runDir.resolve(WEIGHTS)) ? "its final actor" : "a checkpoint once there is one"));
        if (step == LATEST) return fromCheckpoint(runDir, all.get(all.size() - 1), actor, "");
        for (Path p : all) if (Checkpoint.step(p) == step) return fromCheckpoint(runDir, p, actor, "");
        StringBuilder steps = new StringBuilder();
        for (Path p : all) steps.append(steps.length() == 0 ? "" : ", ").append(Checkpoint.step(p));
        throw new IllegalArgumentException("no checkpoint at env step " + step + " in " + runDir + "; its checkpoints are at steps "
                + steps + " (--checkpoint N or latest)");
    }

    /** An actor shaped like the run's, weights still to be loaded. */
    private static Actor emptyActor(Path runDir) throws IOException {
        if (!Files.isDirectory(runDir)) throw new IllegalArgumentException("run folder " + runDir + " does not exist");
        Path cfgFile = runDir.resolve("config.json");
        if (!Files.isRegularFile(cfgFile)) throw new IllegalArgumentException(runDir + " has no config.json: not a run folder");
        RunConfig cfg = RunConfig.read(cfgFile);
        JsonFields cm = JsonFields.read(cfgFile, "it was edited or damaged; restore it from a backup");
        int obs = (int) cm.whole("obs_size"), act = (int) cm.whole("act_size");
        DdpgConfig c = cfg.agent;
        return new Actor(obs, act, c.hidden, c.batchNorm, c.finalInit, new Rng(0));
    }

    private static Loaded fromCheckpoint(Path runDir, Path ckpt, Actor actor, String why) {
        WeightFiles.loadPart(ckpt.resolve(Checkpoint.AGENT_FILE), "actor", actor.stateDict(), CheckpointManifest.DAMAGED
                + "; java -jar ddpg.jar --resume " + runDir + " falls back to the checkpoint before it");
        actor.eval();
        return new Loaded(actor, "checkpoint at env step " + steps(Checkpoint.step(ckpt)) + " ("
                + runDir.relativize(ckpt) + why + ")");
    }

    /** The env step actor.json says the final actor was exported at, or -1 when it does not say (nothing fails). */
    private static long exportedSteps(Path runDir) {
        try {
            return JsonFields.read(runDir.resolve(DESCRIPTION), "").whole("env_steps");
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static String steps(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }
}
