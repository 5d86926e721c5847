package ddpg.rl.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ddpg.engine.io.Json;
import ddpg.engine.kernels.Kernels;
import ddpg.rl.ddpg.DdpgConfig;
import ddpg.rl.ddpg.Presets;
import ddpg.rl.settings.Setting;
import ddpg.rl.settings.Settings;
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
 * Every setting of the table ({@link Settings}) reaches the run's settings from the command line: given a non-default
 * value, exactly the config.json field(s) it stands for change, to that value, and config.json reads back to the same
 * settings. The test values come from each setting's type, so a new setting is covered by this test as it is added;
 * a setting whose value is a word needs a case in {@link #caseFor}.
 */
class EveryTrainOptionReachesTheConfigTest extends ConsoleTest {
    @TempDir Path tmp;

    private static final List<String> BASE = List.of("--task", "cartpole-swingup");

    /** train's options that are not settings; --resume has its own test, --config a case of its own. */
    private static final Set<String> NOT_SETTINGS = Set.of("resume", "config");

    /** The options {@code --resume} accepts besides itself; {@link TrainCommand} refuses every other one. */
    private static final Set<String> RESUME_OK = Set.of("steps", "threads", "log-every", "task");

    /** The arguments giving an option a non-default value, and the config.json fields ("run.seed", ...) they set. */
    private record Case(List<String> args, Map<String, Object> fields) {}

    private Map<String, Case> cases() throws Exception {
        Map<String, Case> m = new LinkedHashMap<>();
        for (Setting<?, ?> s : Settings.ALL) m.put(s.option(), caseFor(s));
        m.put("config", configCase());
        return m;
    }

    /** Where a setting sits in config.json as {@link #flatten} names it: "task", "run.seed", "agent.tau". */
    private static String field(Setting<?, ?> s) {
        return s.section() == Setting.Section.TOP ? s.json() : s.section().key() + "." + s.json();
    }

    /** A value other than the default, by the default's type, and the config.json field it sets. */
    private static Case caseFor(Setting<?, ?> s) {
        String f = field(s);
        switch (s.option()) { // words: a value per setting
            case "task": // cartpole-balance has cartpole-swingup's sizes, so obs_size/act_size stay; the name is canonicalised
                return new Case(List.of("--task", "CartPole-Balance"), Map.of(f, "cartpole-balance"));
            case "out":
                return new Case(List.of("--out", "elsewhere/runs"), Map.of(f, "elsewhere/runs"));
            case "preset":
                return presetCase();
            case "noise":
                return new Case(List.of("--noise", "OU"), Map.of(f, "ou"));
            default:
                break;
        }
        Object d = s.get(s.holderOf(new RunSettings(), Presets.defaults()));
        String o = "--" + s.option();
        if (s.isFlag()) return new Case(List.of(o), Map.of(f, !(Boolean) d));
        if (d instanceof Integer i) return new Case(List.of(o, Integer.toString(i + 1)), Map.of(f, (long) i + 1));
        if (d instanceof Long l) return new Case(List.of(o, Long.toString(l + 1)), Map.of(f, l + 1));
        if (d instanceof Double x) {
            double v = x == 0 ? 0.5 : x / 2;
            return new Case(List.of(o, Double.toString(v)), Map.of(f, v));
        }
        if (d instanceof int[]) return new Case(List.of(o, "64,32"), Map.of(f, List.of(64L, 32L)));
        return fail(o + " holds a " + d.getClass().getSimpleName() + ": give it a test value in caseFor");
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
    void everyOptionIsASettingOrResumeOrConfig() {
        Set<String> options = new TreeSet<>(new TrainCommand().optionNames());
        Set<String> expected = new TreeSet<>(NOT_SETTINGS);
        for (Setting<?, ?> s : Settings.ALL) expected.add(s.option());
        assertEquals(expected, options);
    }

    /** A sweep passes every setting on to its cells (or varies it with --grid) but those it sets per cell. */
    @Test
    void aSweepTakesEverySettingButTaskSeedAndOut() {
        var sweep = new SweepCommand().options();
        for (Setting<?, ?> s : Settings.ALL) {
            boolean perCell = Set.of("task", "seed", "out").contains(s.option());
            Option o = sweep.getOption(s.option());
            if (perCell) assertTrue(o == null || !o.getDescription().equals(s.helpLine()), "--" + s.option() + " is set per cell");
            else assertTrue(o != null && o.hasArg() != s.isFlag(), "sweep passes on --" + s.option());
        }
    }

    @Test
    void everyOptionSetsExactlyItsFieldsInConfigJson() throws Exception {
        Map<String, Case> cases = cases();
        Map<String, Object> base = written(TrainCommand.newRunConfig(parse(BASE)), "base");
        assertEquals("cartpole-swingup", base.get("task"));
        List<Executable> checks = new ArrayList<>();
        for (Option o : new TrainCommand().options().getOptions()) {
            String name = o.getLongOpt();
            if (name.equals("resume")) continue;
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
