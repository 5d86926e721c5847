package ddpg.rl.settings;

import static ddpg.rl.settings.Range.atLeast;
import static ddpg.rl.settings.Range.positive;
import static ddpg.rl.settings.Setting.agent;
import static ddpg.rl.settings.Setting.run;

import ddpg.rl.ddpg.DdpgConfig;
import ddpg.rl.train.RunSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every setting of a run, in one table: the trainer's ({@link RunSettings}) and the algorithm's ({@link DdpgConfig}).
 * Each entry names its command-line option, config.json field, type, default (and {@code --preset paper}'s value
 * where it differs), allowed values, help text and the field it sets. From this table come {@code train}'s options
 * and {@code --help}, the options {@code sweep} passes on and may vary, the checks on values, and config.json.
 *
 * <p>A new hyperparameter is a field in {@link DdpgConfig}, one entry here (its place in the list is its place in
 * config.json and in a sweep's arguments, so add it at the end of its group) and a case in
 * {@code EveryTrainOptionReachesTheConfigTest}.
 */
public final class Settings {
    private Settings() {}

    public static final String PAPER = "paper";

    // ---------------------------------------------------------------- the run
    public static final Setting<RunSettings, String> TASK = run("task", Kind.TEXT, r -> r.task, (r, v) -> r.task = v)
            .topLevel().arg("name").help("task to learn, e.g. walker-run, cartpole-swingup (see 'ddpg.jar tasks'); required unless --resume")
            .check((o, r, v) -> {
                if (v == null || v.isBlank()) throw new IllegalArgumentException("no task given; use --task <name>, e.g. --task walker-run");
            });
    public static final Setting<RunSettings, Long> STEPS = run("steps", Kind.LONG, r -> r.steps, (r, v) -> r.steps = v)
            .arg("N").help("environment steps to train for; 500k and 1e6 work").byDefault(1_000_000L).check(atLeast(0)).resumable();
    public static final Setting<RunSettings, Long> SEED = run("seed", Kind.LONG, r -> r.seed, (r, v) -> r.seed = v)
            .arg("S").help("random seed; the same seed gives the same numbers bit for bit, on any --threads and --kernels").byDefault(1L);
    public static final Setting<RunSettings, String> OUT = run("out", Kind.TEXT, r -> r.out, (r, v) -> r.out = v)
            .arg("dir").help("parent folder of the run folder <task>-s<seed>-<time>/").byDefault("runs");
    public static final Setting<RunSettings, Integer> THREADS = run("threads", Kind.INT, r -> r.threads, (r, v) -> r.threads = v)
            .arg("T").help("threads for the matrix products, optimizer passes and evaluation episodes, by default this machine's cores; any count gives the same numbers")
            .byDefault(Runtime.getRuntime().availableProcessors()).check((o, r, v) -> RunSettings.checkThreads(v)).resumable();
    public static final Setting<RunSettings, String> PRESET = run("preset", Kind.TEXT, r -> r.preset, (r, v) -> r.preset = v)
            .arg("name").help("starting values for the settings below: default or paper").byDefault("default").jsonAfter("threads");

    private static final List<Setting<RunSettings, ?>> RUN = List.of(TASK, STEPS, SEED, OUT,
            run("eval-every", Kind.LONG, r -> r.evalEvery, (r, v) -> r.evalEvery = v).arg("N").byDefault(10_000L).check(positive())
                    .help("evaluate the deterministic policy every N env steps, and at 0 and the end"),
            run("eval-episodes", Kind.INT, r -> r.evalEpisodes, (r, v) -> r.evalEpisodes = v).arg("K").byDefault(10).check(positive())
                    .help("episodes per evaluation"),
            run("checkpoint-every", Kind.LONG, r -> r.checkpointEvery, (r, v) -> r.checkpointEvery = v).arg("N").byDefault(50_000L)
                    .check(atLeast(0).meaning("0 = only at the end"))
                    .help("checkpoint at the first episode end after every N env steps; 0 = only at the end"),
            THREADS,
            run("max-divergences", Kind.INT, r -> r.maxDivergences, (r, v) -> r.maxDivergences = v).arg("N").byDefault(3).check(atLeast(1))
                    .help("stop after N episodes in a row end with a diverged simulation"),
            run("gif-every", Kind.LONG, r -> r.gifEvery, (r, v) -> r.gifEvery = v).arg("N").byDefault(0L).absentInOldFiles()
                    .check(atLeast(0).meaning("0 = no GIFs"))
                    .help("film one episode of the policy into gifs/step-N.gif every N env steps; 0 = never"),
            run("no-gif", Kind.SWITCH, r -> r.finalGif, (r, v) -> r.finalGif = v).json("final_gif").flag(false).byDefault(true)
                    .absentInOldFiles().help("do not film the final policy into agent.gif when the run completes")
                    .defaultSaid("film one evaluation episode"),
            run("gif-steps", Kind.LONG, r -> r.gifSteps, (r, v) -> r.gifSteps = v).arg("N").byDefault(0L).absentInOldFiles()
                    .check(atLeast(0).meaning("0 = the whole episode"))
                    .help("film at most N control steps of the episode in each GIF; 0 = the whole episode"),
            run("no-tensorboard", Kind.SWITCH, r -> r.tensorboard, (r, v) -> r.tensorboard = v).json("tensorboard").flag(false)
                    .byDefault(true).absentInOldFiles().help("do not write TensorBoard event files")
                    .defaultSaid("events.out.tfevents.* in the run folder, for tensorboard --logdir runs"),
            run("log-every", Kind.DOUBLE, r -> r.logEvery, (r, v) -> r.logEvery = v).arg("sec").byDefault(30.0).check(positive())
                    .resumable().jsonAfter("max_divergences").help("seconds between progress lines when not on a terminal"),
            PRESET);

    // ---------------------------------------------------------------- the algorithm
    private static final List<Setting<DdpgConfig, ?>> AGENT = List.of(
            agent("hidden", Kind.WIDTHS, c -> c.hidden, (c, v) -> c.hidden = v).arg("w1,w2,...")
                    .byDefault(new int[] {256, 256}).inPreset(PAPER, new int[] {400, 300}).check(Settings::checkHidden)
                    .help("hidden layer widths of actor and critic"),
            agent("batch-norm", Kind.SWITCH, c -> c.batchNorm, (c, v) -> c.batchNorm = v).flag(true).byDefault(false)
                    .help("batch normalisation as in the paper: state input, actor hidden layers, critic layers before the action"),
            agent("action-layer", Kind.INT, c -> c.actionLayer, (c, v) -> c.actionLayer = v).arg("L").byDefault(1).inPreset(PAPER, 2)
                    .check((o, c, v) -> {
                        if (v < 1 || v > c.hidden.length) throw new IllegalArgumentException("--" + o
                                + " must be between 1 and the number of hidden layers (" + c.hidden.length + "), got " + v);
                    })
                    .help("critic layer where the action joins: 1 = input, 2 = second layer"),
            agent("final-init", Kind.DOUBLE, c -> c.finalInit, (c, v) -> c.finalInit = v).arg("b").byDefault(3e-3)
                    .check(atLeast(0).meaning("0 = fan-in init")).help("final layers start uniform in +-b; 0 = fan-in init"),
            agent("actor-lr", Kind.DOUBLE, c -> c.actorLr, (c, v) -> c.actorLr = v).arg("lr").byDefault(3e-4).inPreset(PAPER, 1e-4)
                    .check(positive()).help("actor Adam learning rate"),
            agent("critic-lr", Kind.DOUBLE, c -> c.criticLr, (c, v) -> c.criticLr = v).arg("lr").byDefault(3e-4).inPreset(PAPER, 1e-3)
                    .check(positive()).help("critic Adam learning rate"),
            agent("critic-l2", Kind.DOUBLE, c -> c.criticL2, (c, v) -> c.criticL2 = v).arg("c").byDefault(0.0).inPreset(PAPER, 1e-2)
                    .check(atLeast(0)).help("critic L2 weight decay"),
            agent("gamma", Kind.DOUBLE, c -> c.gamma, (c, v) -> c.gamma = v).arg("g").byDefault(0.99)
                    .check(Range.closed(0, 1)).help("discount factor"),
            agent("tau", Kind.DOUBLE, c -> c.tau, (c, v) -> c.tau = v).arg("t").byDefault(0.005).inPreset(PAPER, 1e-3)
                    .check(Range.leftOpen(0, 1).example("0.005")).help("target network Polyak rate, in (0, 1]"),
            agent("batch", Kind.INT, c -> c.batch, (c, v) -> c.batch = v).arg("N").byDefault(256).inPreset(PAPER, 64)
                    .check(positive()).help("minibatch size"),
            agent("utd", Kind.DOUBLE, c -> c.utd, (c, v) -> c.utd = v).arg("r").byDefault(1.0)
                    .check(positive().naming("updates per env step")).help("gradient updates per env step (update-to-data ratio)"),
            agent("buffer", Kind.COUNT, c -> c.buffer, (c, v) -> c.buffer = v).arg("N").byDefault(1_000_000)
                    .check(positive()).check((o, c, v) -> {
                        if (c.batch > v) throw new IllegalArgumentException("--batch " + c.batch + " is larger than the replay buffer (--"
                                + o + " " + v + "); use a smaller batch or a larger buffer");
                    })
                    .help("replay buffer capacity in transitions"),
            agent("warmup", Kind.LONG, c -> c.warmup, (c, v) -> c.warmup = v).arg("N").byDefault(10_000L)
                    .check(atLeast(0)).help("env steps with uniformly random actions at the start"),
            agent("learning-starts", Kind.LONG, c -> c.learningStarts, (c, v) -> c.learningStarts = v).arg("N").byDefault(10_000L)
                    .check(atLeast(0)).help("env steps before the first update"),
            agent("noise", Kind.WORD, c -> c.noise, (c, v) -> c.noise = v).arg("kind").byDefault("gaussian").inPreset(PAPER, "ou")
                    .check(Range.oneOf(List.of("gaussian", "ou"))).help("exploration noise: gaussian or ou (Ornstein-Uhlenbeck)"),
            agent("noise-sigma", Kind.DOUBLE, c -> c.noiseSigma, (c, v) -> c.noiseSigma = v).arg("s").byDefault(0.2)
                    .check(atLeast(0)).help("Gaussian std or OU sigma"),
            agent("ou-theta", Kind.DOUBLE, c -> c.ouTheta, (c, v) -> c.ouTheta = v).arg("th").byDefault(0.15)
                    .check((o, c, v) -> {
                        if (c.noise.equals("ou") && !(v > 0 && v * c.ouDt <= 1))
                            throw new IllegalArgumentException("--" + o + " must be in (0, 1/ou-dt], got " + v);
                    })
                    .help("OU mean-reversion rate"),
            agent("ou-dt", Kind.DOUBLE, c -> c.ouDt, (c, v) -> c.ouDt = v).arg("dt").byDefault(1.0)
                    .check(positive()).help("OU time step"));

    /** The whole table in option order: the run's settings, then the algorithm's. */
    public static final List<Setting<?, ?>> ALL = concat(RUN, AGENT);

    private static List<Setting<?, ?>> concat(List<? extends Setting<?, ?>> a, List<? extends Setting<?, ?>> b) {
        List<Setting<?, ?>> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static void checkHidden(String option, DdpgConfig c, int[] hidden) {
        if (hidden.length == 0) throw new IllegalArgumentException("--" + option + " needs at least one layer, e.g. --" + option + " 256,256");
        for (int h : hidden)
            if (h <= 0) throw new IllegalArgumentException("--" + option + " widths must be positive, got " + Arrays.toString(hidden));
    }

    /** The entry for {@code --option}, or null. */
    public static Setting<?, ?> byOption(String option) {
        for (Setting<?, ?> s : ALL) if (s.option().equals(option)) return s;
        return null;
    }

    /** Sets every setting of {@code h} (a {@link RunSettings} or a {@link DdpgConfig}) to its value in {@code preset}. */
    public static void reset(Object h, String preset) {
        for (Setting<?, ?> s : ALL) if (s.isIn(h)) s.reset(h, preset);
    }

    /** Copies every setting of {@code from} into {@code to}, of the same class. */
    public static void copy(Object from, Object to) {
        for (Setting<?, ?> s : ALL) if (s.isIn(from)) s.copy(from, to);
    }

    /** Checks every setting of {@code h}, in table order; the first not allowed is an {@link IllegalArgumentException}. */
    public static void validate(Object h) {
        for (Setting<?, ?> s : ALL) if (s.isIn(h)) s.validate(h);
    }
}
