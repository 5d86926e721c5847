package ddpg.rl.train;

/**
 * The trainer's own settings (what to train, for how long, where to write, how often to evaluate and checkpoint);
 * the algorithm's settings are in {@link ddpg.rl.ddpg.DdpgConfig}.
 */
public final class RunSettings {
    public String task;
    /** Total environment steps. */
    public long steps = 1_000_000;
    public long seed = 1;
    /** Parent folder of run folders. */
    public String out = "runs";
    /** Evaluate the deterministic policy every this many env steps (and at step 0 and at the end). */
    public long evalEvery = 10_000;
    public int evalEpisodes = 10;
    /** Checkpoint at the first episode end at or after every multiple of this many env steps (0 = only at the end). */
    public long checkpointEvery = 50_000;
    /**
     * Threads for the matrix products: by default every core, as PyTorch does. Each output element is computed
     * whole by one thread in a fixed order, so any thread count gives the same numbers bit for bit.
     */
    public int threads = Runtime.getRuntime().availableProcessors();
    public String preset = "default";
    /** Consecutive diverged episodes that stop the run. */
    public int maxDivergences = 3;
    /** Seconds between progress lines when stdout is not a terminal. */
    public double logEvery = 30;
    /** Film the deterministic policy (one episode, {@code gifs/step-N.gif}) every this many env steps; 0 = never. */
    public long gifEvery = 0;
    /** Film the final policy (one evaluation episode, {@code agent.gif} in the run folder) when the run completes. */
    public boolean finalGif = true;
    /** Film at most this many control steps of the episode in each GIF; 0 = the whole episode. */
    public long gifSteps = 0;
    /** Write TensorBoard event files ({@code events.out.tfevents.*}) into the run folder. */
    public boolean tensorboard = true;

    public RunSettings copy() {
        RunSettings s = new RunSettings();
        s.task = task;
        s.steps = steps;
        s.seed = seed;
        s.out = out;
        s.evalEvery = evalEvery;
        s.evalEpisodes = evalEpisodes;
        s.checkpointEvery = checkpointEvery;
        s.threads = threads;
        s.preset = preset;
        s.maxDivergences = maxDivergences;
        s.logEvery = logEvery;
        s.gifEvery = gifEvery;
        s.finalGif = finalGif;
        s.gifSteps = gifSteps;
        s.tensorboard = tensorboard;
        return s;
    }

    /**
     * At least 1 and at most 4 per core: more GEMM threads than that only wait for each other (and a typo such as
     * --threads 100000 would start that many).
     */
    public static void checkThreads(int threads) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        if (threads > 4 * cores) {
            throw new IllegalArgumentException("--threads " + threads + " is more than 4 per core on this machine (" + cores
                    + (cores == 1 ? " core" : " cores") + "); use at most " + 4 * cores);
        }
    }

    /** One-line {@link IllegalArgumentException} for impossible settings. */
    public void validate() {
        if (task == null || task.isBlank()) throw new IllegalArgumentException("no task given; use --task <name>, e.g. --task walker-run");
        if (steps < 0) throw new IllegalArgumentException("--steps must be >= 0, got " + steps);
        if (evalEvery <= 0) throw new IllegalArgumentException("--eval-every must be positive, got " + evalEvery);
        if (evalEpisodes <= 0) throw new IllegalArgumentException("--eval-episodes must be positive, got " + evalEpisodes);
        if (checkpointEvery < 0) throw new IllegalArgumentException("--checkpoint-every must be >= 0 (0 = only at the end), got " + checkpointEvery);
        checkThreads(threads);
        if (maxDivergences < 1) throw new IllegalArgumentException("--max-divergences must be at least 1, got " + maxDivergences);
        if (gifSteps < 0) throw new IllegalArgumentException("--gif-steps must be >= 0 (0 = the whole episode), got " + gifSteps);
        if (gifEvery < 0) throw new IllegalArgumentException("--gif-every must be >= 0 (0 = no GIFs), got " + gifEvery);
        if (!(logEvery > 0)) throw new IllegalArgumentException("--log-every must be positive, got " + logEvery);
    }
}
