package ddpg.rl.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ddpg.engine.kernels.Kernels;
import ddpg.rl.ddpg.DdpgConfig;
import ddpg.rl.ddpg.Presets;
import ddpg.rl.train.Json;
import ddpg.rl.train.RunConfig;
import ddpg.rl.train.RunSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every option of {@code ddpg.jar train} reaches the run's settings: given a non-default value, exactly the
 * config.json field(s) it stands for change, to that value, and config.json reads back to the same settings. The
 * options are enumerated from {@link TrainCommand#options()}, so a new option without a case here fails
 * {@link #everyOptionHasACase()}.
 */
class EveryTrainOptionReachesTheConfigTest extends ConsoleTest {
    @TempDir Path tmp;

    private static final List<String> BASE = List.of("--task", "cartpole-swingup");

    /** Options whose effect is not a field of a new run's config.json; each has its own test below. */
    private static final Map<String, String> SEPARATE = Map.of(
            "resume", "onResumeStepsThreadsAndLogEveryReachConfigJsonAndEveryOtherOptionIsRefused");

    /** The options {@code --resume} accepts besides itself; {@link TrainCommand} refuses every other one. */
    private static final Set<String> RESUME_OK = Set.of("steps", "threads", "log-every", "task");

    /** The arguments giving an option a non-default value, and the config.json fields ("run.seed", ...) they set. */
    private record Case(List<String> args, Map<String, Object> fields) {}

    private Map<String, Case> cases() throws Exception {
        Map<String, Case> m = new LinkedHashMap<>();
        // The run. cartpole-balance has cartpole-swingup's sizes, so obs_size/act_size stay; the name is canonicalised.
        m.put("task", new Case(List.of("--task", "CartPole-Balance"), Map.of("task", "cartpole-balance")));
        m.put("steps", new Case(List.of("--steps", "12k"), Map.of("run.steps", 12_000L)));
        m.put("seed", new Case(List.of("--seed", "42"), Map.of("run.seed", 42L)));
        m.put("out", new Case(List.of("--out", "elsewhere/runs"), Map.of("run.out", "elsewhere/runs")));
        m.put("eval-every", new Case(List.of("--eval-every", "777"), Map.of("run.eval_every", 777L)));
        m.put("eval-episodes", new Case(List.of("--eval-episodes", "3"), Map.of("run.eval_episodes", 3L)));
        m.put("checkpoint-every", new Case(List.of("--checkpoint-every", "999"), Map.of("run.checkpoint_every", 999L)));
        m.put("threads", new Case(List.of("--threads", "3"), Map.of("run.threads", 3L)));
        m.put("max-divergences", new Case(List.of("--max-divergences", "7"), Map.of("run.max_divergences", 7L)));
        m.put("gif-every", new Case(List.of("--gif-every", "5000"), Map.of("run.gif_every", 5000L)));
        m.put("no-gif", new Case(List.of("--no-gif"), Map.of("run.final_gif", false)));
        m.put("gif-steps", new Case(List.of("--gif-steps", "33"), Map.of("run.gif_steps", 33L)));
        m.put("no-tensorboard", new Case(List.of("--no-tensorboard"), Map.of("run.tensorboard", false)));
        m.put("log-every", new Case(List.of("--log-every", "2.5"), Map.of("run.log_every", 2.5)));
        m.put("config", configCase());
        // The algorithm.
        m.put("preset", presetCase());
        m.put("hidden", new Case(List.of("--hidden", "64,32"), Map.of("agent.hidden", List.of(64L, 32L))));
        m.put("batch-norm", new Case(List.of("--batch-norm"), Map.of("agent.batch_norm", true)));
        m.put("action-layer", new Case(List.of("--action-layer", "2"), Map.of("agent.action_layer", 2L)));
        m.put("final-init", new Case(List.of("--final-init", "0"), Map.of("agent.final_init", 0.0)));
        m.put("actor-lr", new Case(List.of("--actor-lr", "0.00123"), Map.of("agent.actor_lr", 0.00123)));
        m.put("critic-lr", new Case(List.of("--critic-lr", "0.00234"), Map.of("agent.critic_lr", 0.00234)));
        m.put("critic-l2", new Case(List.of("--critic-l2", "0.05"), Map.of("agent.critic_l2", 0.05)));
        m.put("gamma", new Case(List.of("--gamma", "0.95"), Map.of("agent.gamma", 0.95)));
        m.put("tau", new Case(List.of("--tau", "0.02"), Map.of("agent.tau", 0.02)));
        m.put("batch", new Case(List.of("--batch", "128"), Map.of("agent.batch", 128L)));
        m.put("utd", new Case(List.of("--utd", "0.5"), Map.of("agent.utd", 0.5)));
        m.put("buffer", new Case(List.of("--buffer", "20000"), Map.of("agent.buffer", 20_000L)));
        m.put("warmup", new Case(List.of("--warmup", "1234"), Map.of("agent.warmup", 1234L)));
        m.put("learning-starts", new Case(List.of("--learning-starts", "2345"), Map.of("agent.learning_starts", 2345L)));
        m.put("noise", new Case(List.of("--noise", "ou"), Map.of("agent.noise", "ou")));
        m.put("noise-sigma", new Case(List.of("--noise-sigma", "0.3"), Map.of("agent.noise_sigma", 0.3)));
        m.put("ou-theta", new Case(List.of("--ou-theta", "0.25"), Map.of("agent.ou_theta", 0.25)));
        m.put("ou-dt", new Case(List.of("--ou-dt", "0.5"), Map.of("agent.ou_dt", 0.5)));
        return m;
    }

    /** --config: a run's config.json with some non-default settings; the task given on the command line still wins. */
    private Case configCase() throws Exception {
        RunSettings r = new RunSettings();
        r.task = "walker-run";
        r.seed = 9;
        r.evalEvery = 4321;
        DdpgConfig a = new DdpgConfig();
        a.gamma = 0.5;
        a.hidden = new int[] {24, 24};
        Path file = tmp.resolve("given").resolve("config.json");
        Files.createDirectories(file.getParent());
        new RunConfig(r, a, "test").write(file, 24, 6);
        return new Case(List.of("--config", file.toString()), Map.of("run.seed", 9L, "run.eval_every", 4321L,
                "agent.gamma", 0.5, "agent.hidden", List.of(24L, 24L)));
    }

    /** --preset paper: run.preset, and every algorithm field where the paper preset differs from the default one. */
    private static Case presetCase() {
        Map<String, Object> def = flatten(parsed(new RunConfig(new RunSettings(), Presets.defaults(), "x"), 5, 1));
        Map<String, Object> paper = flatten(parsed(new RunConfig(new RunSettings(), Presets.paper(), "x"), 5, 1));
        Map<String, Object> fields = new TreeMap<>();
        fields.put("run.preset", "paper");
        paper.forEach((k, v) -> {
            if (k.startsWith("agent.") && !same(v, def.get(k))) fields.put(k, v);
        });
        assertTrue(fields.size() > 5, "the paper preset differs from the default in several settings: " + fields);
        return new Case(List.of("--preset", "paper"), fields);
    }

    // ---------------------------------------------------------------- helpers

    private static CommandLine parse(List<String> args) throws Exception {
        return new DefaultParser().parse(new TrainCommand().options(), args.toArray(new String[0]));
    }

    /** The base arguments with {@code extra} on top; an option in both takes its value from {@code extra}. */
    private static List<String> withBase(List<String> extra) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < BASE.size(); i += 2) {
            if (!extra.contains(BASE.get(i))) out.addAll(BASE.subList(i, i + 2));
        }
        out.addAll(extra);
        return out;
    }

    private static Map<String, Object> parsed(RunConfig c, int obs, int act) {
        return Json.parseObject(Json.write(c.toMap(obs, act)));
    }

    /** config.json as written to disk, then parsed: top-level keys, and "run.x" / "agent.x" for the two sections. */
    private Map<String, Object> written(RunConfig c, String name) throws Exception {
        var spec = TrainCommand.taskSpec(c.run.task);
        Path file = tmp.resolve("written").resolve(name + ".json");
        Files.createDirectories(file.getParent());
        c.write(file, spec.observationSize(), spec.actionSize());
        Map<String, Object> json = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
        // Reading it back (what --resume and --config do) gives the same settings.
        RunConfig back = RunConfig.read(file);
        assertEquals(Json.write(c.toMap(spec.observationSize(), spec.actionSize())),
                Json.write(back.toMap(spec.observationSize(), spec.actionSize())), name + ": config.json round trip");
        return flatten(json);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> flatten(Map<String, Object> json) {
        Map<String, Object> out = new TreeMap<>();
        json.forEach((k, v) -> {
            if ((k.equals("run") || k.equals("agent")) && v instanceof Map<?, ?> section)
                ((Map<String, Object>) section).forEach((kk, vv) -> out.put(k + "." + kk, vv));
            else out.put(k, v);
        });
        return out;
    }

    /** JSON values compared as values: numbers by value (1 and 1.0 are the same), lists element by element. */
    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) return x.doubleValue() == y.doubleValue();
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) if (!same(x.get(i), y.get(i))) return false;
            return true;
        }
        return a == null ? b == null : a.equals(b);
    }

    // ---------------------------------------------------------------- tests

    @Test
    void everyOptionHasACase() throws Exception {
        Set<String> options = new TreeSet<>(new TrainCommand().optionNames());
        Set<String> covered = new TreeSet<>(cases().keySet());
        covered.addAll(SEPARATE.keySet());
        for (String o : options) {
            if (!covered.contains(o))
                fail("train option --" + o + " has no case here: add one naming the config.json field it sets");
        }
        assertEquals(options, covered, "cases for options that no longer exist");
    }

    @Test
    void everyOptionSetsExactlyItsFieldsInConfigJson() throws Exception {
        Map<String, Case> cases = cases();
        Map<String, Object> base = written(TrainCommand.newRunConfig(parse(BASE)), "base");
        assertEquals("cartpole-swingup", base.get("task"));
        List<Executable> checks = new ArrayList<>();
        for (Option o : new TrainCommand().options().getOptions()) {
            String name = o.getLongOpt();
            if (SEPARATE.containsKey(name)) continue;
            checks.add(() -> {
                Case c = cases.get(name);
                if (c == null) fail("--" + name + " has no case");
                for (Map.Entry<String, Object> e : c.fields().entrySet()) {
                    assertTrue(base.containsKey(e.getKey()), "--" + name + ": config.json has no field " + e.getKey());
                    assertTrue(!same(base.get(e.getKey()), e.getValue()),
                            "--" + name + ": the test value of " + e.getKey() + " is its default; pick another");
                }
                List<String> args = withBase(c.args());
                RunConfig config = TrainCommand.newRunConfig(parse(args));
                Map<String, Object> got = written(config, name);
                Map<String, Object> changed = new TreeMap<>();
                for (String k : got.keySet()) if (!same(got.get(k), base.get(k))) changed.put(k, got.get(k));
                assertEquals(new TreeSet<>(c.fields().keySet()), changed.keySet(), "--" + name + " changed " + changed);
                c.fields().forEach((k, v) -> assertTrue(same(v, got.get(k)), "--" + name + ": " + k + " is " + got.get(k) + ", expected " + v));
                // A sweep stores each cell's settings through configOf: the same path, the same settings.
                assertEquals(Json.write(config.toMap(5, 1)), Json.write(new TrainCommand().configOf(args).toMap(5, 1)), "--" + name + " via configOf");
            });
        }
        assertAll(checks);
    }

    /** A tiny real run on cartpole (two evaluation episodes of 1000 steps, no updates), for the resume tests. */
    private Path tinyRun(String name) throws Exception {
        Path runs = tmp.resolve(name);
        assertEquals(0, run("--task", "cartpole-swingup", "--steps", "20", "--warmup", "20", "--learning-starts", "20",
                "--eval-every", "20", "--eval-episodes", "1", "--hidden", "8,8", "--batch", "4", "--buffer", "100",
                "--checkpoint-every", "0", "--no-gif", "--no-tensorboard", "--out", runs.toString()), errText());
        try (Stream<Path> s = Files.list(runs)) {
            return s.findFirst().orElseThrow();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void onResumeStepsThreadsAndLogEveryReachConfigJsonAndEveryOtherOptionIsRefused() throws Exception {
        Path dir = tinyRun("runs");
        Map<String, Case> cases = cases();
        // Every option that may not change on resume is refused in one line, never silently ignored.
        List<Executable> refusals = new ArrayList<>();
        for (String name : new TrainCommand().optionNames()) {
            if (name.equals("resume") || RESUME_OK.contains(name)) continue;
            refusals.add(() -> {
                List<String> args = new ArrayList<>(List.of("--resume", dir.toString()));
                args.addAll(cases.get(name).args());
                assertOneLineError(run(args.toArray(new String[0])), "cannot be changed when resuming");
            });
        }
        assertAll(refusals);

        String before = Files.readString(dir.resolve("config.json"));
        int threadsBefore = Kernels.threads();
        try {
            assertEquals(0, run("--resume", dir.toString(), "--task", "cartpole-swingup", "--steps", "30", "--log-every", "7",
                    "--threads", "2"), errText());
        } finally {
            Kernels.setThreads(threadsBefore); // the trainer sets the process-wide GEMM thread count
        }
        Map<String, Object> after = Json.parseObject(Files.readString(dir.resolve("config.json"), StandardCharsets.UTF_8));
        Map<String, Object> r = (Map<String, Object>) after.get("run");
        assertEquals(30L, r.get("steps"), "--steps on resume");
        assertTrue(same(7.0, r.get("log_every")), "--log-every on resume: " + r.get("log_every"));
        assertEquals(2L, r.get("threads"), "--threads on resume");
        assertEquals(Json.parseObject(before).get("agent"), after.get("agent"), "the algorithm settings stay");
        List<String> rows = Files.readAllLines(dir.resolve("progress.csv"));
        assertTrue(rows.get(rows.size() - 1).startsWith("30,"), rows.toString());
    }

    /** A new run takes --task in any case (TaskNames.canonical); confirming the task on --resume should too. */
    @Test
    void onResumeTheTaskNameIsMatchedLikeForANewRun() throws Exception {
        Path dir = tinyRun("runs-case");
        assertEquals(0, run("--resume", dir.toString(), "--task", "CartPole-Swingup", "--steps", "30"), errText());
    }
}
