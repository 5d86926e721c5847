package ddpg.rl.train;

import ddpg.rl.settings.Settings;

/**
 * The trainer's own settings (what to train, for how long, where to write, how often to evaluate and checkpoint), as
 * {@link Settings} (the table of every setting: option, config.json field, default, allowed values) describes them;
 * the algorithm's settings are in {@link ddpg.rl.ddpg.DdpgConfig}.
 */
public final class RunSettings {
    public String task;
    /** Total environment steps. */
    public long steps;
    public long seed;
    /** Parent folder of run folders. */
    public String out;
    /** Evaluate the deterministic policy every this many env steps (and at step 0 and at the end). */
    public long evalEvery;
    public int evalEpisodes;
    /** Checkpoint at the first episode end at or after every multiple of this many env steps (0 = only at the end). */
    public long checkpointEvery;
    /** Threads for the matrix products, the optimizer passes and the evaluation episodes; any count gives the same numbers bit for bit. */
    public int threads;
    public String preset;
    /** Consecutive diverged episodes that stop the run. */
    public int maxDivergences;
    /** Seconds between progress lines when stdout is not a terminal. */
    public double logEvery;
    /** Film the deterministic policy (one episode, {@code gifs/step-N.gif}) every this many env steps; 0 = never. */
    public long gifEvery;
    /** Film the final policy (one evaluation episode, {@code agent.gif} in the run folder) when the run completes. */
    public boolean finalGif;
    /** Film at most this many control steps of the episode in each GIF; 0 = the whole episode. */
    public long gifSteps;
    /** Write TensorBoard event files ({@code events.out.tfevents.*}) into the run folder. */
    public boolean tensorboard;

    /** The defaults, with no task. */
    public RunSettings() {
        Settings.reset(this, null);
    }

    public RunSettings copy() {
        RunSettings s = new RunSettings();
        Settings.copy(this, s);
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
        Settings.validate(this);
    }
}
