package ddpg.examples;

import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import ddpg.engine.autograd.NoGrad;
import ddpg.engine.io.Json;
import ddpg.engine.io.SafeTensors;
import ddpg.physics.env.ControlSuiteEnv;
import ddpg.physics.env.StepResult;
import ddpg.physics.env.Tasks;
import ddpg.rl.ddpg.Actor;
import ddpg.rl.train.PolicyFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Example 8: load a trained policy from its exported files and run it on its task.
 *
 * <p>A training run ends by writing two files into its run folder ({@code ddpg.rl.train.PolicyFiles.export}):
 * <ul>
 *   <li>{@code actor.json}: what the network looks like (task, observation and action sizes, hidden widths, batch
 *       norm or not). Without it the weights are just numbers;</li>
 *   <li>{@code actor.safetensors}: the weights, named like PyTorch's state_dict ({@code net.0.weight}, ...), float32.
 *       safetensors is an 8-byte header length, a JSON header (name -> dtype, shape, byte range), then the raw
 *       little-endian floats, so Python's {@code safetensors}/NumPy can read the same file.</li>
 * </ul>
 * Loading = build an Actor of that shape, then copy the tensors in ({@code SafeTensors.loadInto} refuses a file whose
 * names or shapes differ, listing every difference). Acting = mu(s), one state at a time, in eval mode, no graph.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp ddpg.jar:examples/target/classes ddpg.examples.E08RunExportedActor
 * [runs/<run> or .../actor.json] [episodes]}. Without a path it exports a freshly initialised (untrained) cartpole
 * actor to a temporary folder first, so the example always runs; expect a low return from that one.
 */
public final class E08RunExportedActor {
    private E08RunExportedActor() {}

    /** The task, the tensors found in the file, one return per episode, and the first few actions taken. */
    public record Result(String task, Map<String, int[]> tensors, double[] returns, double[] firstActions) {}

    /** Builds the actor that {@code actor.json} describes and fills it with the weights of {@code actor.safetensors}. */
    public static Actor load(Path description) throws IOException {
        if (!Files.isRegularFile(description)) {
            throw new IllegalArgumentException(description + " not found: pass a run folder or its actor.json");
        }
        Map<String, Object> d = Json.parseObject(Files.readString(description, StandardCharsets.UTF_8));
        int obs = (int) Json.toLong(d.get("obs_size")), act = (int) Json.toLong(d.get("act_size"));
        int[] hidden = Json.toIntArray(d.get("hidden"));
        boolean batchNorm = Boolean.TRUE.equals(d.get("batch_norm"));
        // The initial values do not matter (they are overwritten), only the shapes.
        Actor actor = new Actor(obs, act, hidden, batchNorm, 0, new Rng(0));
        SafeTensors.loadInto(description.resolveSibling(String.valueOf(d.get("weights"))), actor.stateDict());
        actor.eval();   // batch norm (if any) uses its running statistics: a single state is a batch of one
        return actor;
    }

    /**
     * Runs the policy found at {@code path}: an {@code actor.json} (next to its weights), or a run folder, which uses
     * its exported actor or, while training is still going, the actor of its latest checkpoint.
     */
    @SuppressWarnings("try") // scopes (Arena, NoGrad) are used only for their open/close
    public static Result run(Path path, int episodes, long seed, boolean print) throws IOException {
        if (Files.isDirectory(path) && Files.isRegularFile(path.resolve(PolicyFiles.DESCRIPTION))) {
            path = path.resolve(PolicyFiles.DESCRIPTION);
        }
        if (!Files.exists(path)) throw new IllegalArgumentException(path + " not found: pass a run folder or its actor.json");
        String task;
        Actor actor;
        Map<String, int[]> tensors = new java.util.LinkedHashMap<>();
        if (Files.isDirectory(path)) {   // a run folder without an exported actor yet: the library's loader
            actor = PolicyFiles.load(path);
            task = String.valueOf(Json.parseObject(Files.readString(path.resolve("config.json"))).get("task"));
            if (print) System.out.println("task " + task + ", actor of the latest checkpoint in " + path);
        } else {
            Map<String, Object> d = Json.parseObject(Files.readString(path, StandardCharsets.UTF_8));
            task = String.valueOf(d.get("task"));
            actor = load(path);
            SafeTensors.read(path.resolveSibling(String.valueOf(d.get("weights")))).tensors()
                    .forEach((k, v) -> tensors.put(k, v.shape()));
            if (print) {
                System.out.println("task " + task + ", tensors in the file:");
                tensors.forEach((k, v) -> System.out.println("  " + k + " " + Arrays.toString(v)));
            }
        }

        ControlSuiteEnv env = Tasks.make(task);
        if (env.spec().observationSize() != actor.obsSize() || env.spec().actionSize() != actor.actSize()) {
            throw new IllegalArgumentException(path + " describes an actor for " + actor.obsSize() + " observations and "
                    + actor.actSize() + " actions, but " + task + " has " + env.spec().observationSize() + " and "
                    + env.spec().actionSize());
        }
        float[] row = new float[actor.obsSize()];
        Tensor state = Tensor.wrap(row, 1, actor.obsSize());      // a batch of one row, refilled every step
        double[] action = new double[actor.actSize()], returns = new double[episodes], first = new double[5];
        for (int ep = 0; ep < episodes; ep++) {
            double[] obs = env.reset(seed + ep);
            double ret = 0;
            for (int t = 0; ; t++) {
                for (int j = 0; j < row.length; j++) row[j] = (float) obs[j];
                try (NoGrad acting = NoGrad.enter()) {            // acting needs values only: record no graph
                    float[] mu = actor.forward(state).data();
                    for (int j = 0; j < action.length; j++) action[j] = mu[j];
                }
                if (ep == 0 && t < first.length) first[t] = action[0];
                StepResult r = env.step(action);
                ret += r.reward();
                if (print && ep == 0 && t % 200 == 0) {
                    System.out.printf(Locale.ROOT, "  step %4d  a[0] = %+.4f  reward %.4f  return so far %8.3f%n", t, action[0], r.reward(), ret);
                }
                if (r.last()) break;                                 // the time limit (or a diverged simulation)
                obs = r.observation();
            }
            returns[ep] = ret;
            if (print) System.out.printf(Locale.ROOT, "episode %d (seed %d): return %.2f%n", ep, seed + ep, ret);
        }
        return new Result(task, tensors, returns, first);
    }

    public static void main(String[] args) throws IOException {
        Path path;
        if (args.length > 0 && !args[0].isEmpty()) {
            path = Path.of(args[0]);
        } else {
            Path dir = Files.createTempDirectory("ddpg-e08-");
            dir.toFile().deleteOnExit();
            Actor fresh = new Actor(5, 1, new int[] {256, 256}, false, 3e-3, new Rng(1));
            PolicyFiles.export(dir, fresh, "cartpole-swingup", 0);
            for (String f : new String[] {PolicyFiles.DESCRIPTION, PolicyFiles.WEIGHTS}) dir.resolve(f).toFile().deleteOnExit();
            path = dir.resolve(PolicyFiles.DESCRIPTION);
            System.out.println("No actor given: exported an UNTRAINED cartpole-swingup actor to " + dir + "\n"
                    + "(train one with: java -jar ddpg.jar --task cartpole-swingup, then pass its run folder)\n");
        }
        int episodes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try {
            Result r = run(path, episodes, 1000, true);
            double mean = Arrays.stream(r.returns()).average().orElse(Double.NaN);
            System.out.printf(Locale.ROOT, "%nmean return over %d episodes: %.2f (Control Suite returns are in [0, 1000])%n", episodes, mean);
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("E08: " + e.getMessage());   // a bad path or file: one line, no stack trace
            System.exit(2);
        }
    }
}
