package ddpg.rl.settings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.engine.io.Json;
import ddpg.rl.ddpg.DdpgConfig;
import ddpg.rl.ddpg.Presets;
import ddpg.rl.settings.Setting.Section;
import ddpg.rl.train.RunSettings;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The table itself: it covers every field, its defaults pass its checks, and config.json keeps its layout. */
class SettingsTableTest {
    private static final List<String> RUN_FIELDS_OF_EARLIER_VERSIONS = List.of("steps", "seed", "out", "eval_every",
            "eval_episodes", "checkpoint_every", "threads", "preset", "max_divergences", "log_every", "gif_every", "final_gif",
            "gif_steps", "tensorboard");
    private static final List<String> AGENT_FIELDS_OF_EARLIER_VERSIONS = List.of("hidden", "batch_norm", "action_layer",
            "final_init", "actor_lr", "critic_lr", "critic_l2", "gamma", "tau", "batch", "utd", "buffer", "warmup",
            "learning_starts", "noise", "noise_sigma", "ou_theta", "ou_dt");

    /** A value no default has, for a field of this type. */
    private static Object unusual(Field f, Object current) {
        Class<?> t = f.getType();
        if (t == int.class) return 12_345;
        if (t == long.class) return 12_345L;
        if (t == double.class) return 0.125;
        if (t == boolean.class) return !(Boolean) current;
        if (t == String.class) return "unusual";
        if (t == int[].class) return new int[] {7};
        throw new AssertionError(f + ": add a value for " + t);
    }

    private static boolean same(Object a, Object b) {
        return a instanceof int[] x && b instanceof int[] y ? java.util.Arrays.equals(x, y) : Objects.equals(a, b);
    }

    private static List<Field> fields(Class<?> c) {
        List<Field> out = new ArrayList<>();
        for (Field f : c.getDeclaredFields()) if (!Modifier.isStatic(f.getModifiers())) out.add(f);
        return out;
    }

    /** Each field of RunSettings and DdpgConfig is read by exactly one setting, which also writes it and nothing else. */
    @Test
    void everyFieldOfTheSettingsObjectsIsExactlyOneSetting() throws Exception {
        for (Object fresh : List.of(new RunSettings(), new DdpgConfig())) {
            Set<Setting<?, ?>> used = new HashSet<>();
            for (Field f : fields(fresh.getClass())) {
                Object changed = fresh.getClass().getConstructor().newInstance();
                f.set(changed, unusual(f, f.get(changed)));
                List<Setting<?, ?>> readers = new ArrayList<>();
                for (Setting<?, ?> s : Settings.ALL) if (s.isIn(fresh) && !same(s.get(changed), s.get(fresh))) readers.add(s);
                assertEquals(1, readers.size(), f.getName() + " is read by " + readers.stream().map(Setting::option).toList());
                Setting<?, ?> s = readers.get(0);
                assertTrue(used.add(s), "--" + s.option() + " reads two fields");
                Object target = fresh.getClass().getConstructor().newInstance();
                s.copy(changed, target);
                for (Field g : fields(fresh.getClass()))
                    assertEquals(g.equals(f), !same(g.get(target), g.get(fresh)), "--" + s.option() + " writes " + g.getName());
            }
            for (Setting<?, ?> s : Settings.ALL) if (s.isIn(fresh)) assertTrue(used.contains(s), "--" + s.option() + " sets no field");
        }
    }

    @Test
    void optionsAndFieldsAreUniqueAndPresetsPassTheirOwnChecks() {
        Set<String> options = new HashSet<>(), fields = new HashSet<>();
        for (Setting<?, ?> s : Settings.ALL) {
            assertTrue(options.add(s.option()), s.option());
            assertTrue(fields.add(s.section() + "." + s.json()), s.json());
            assertTrue(s.option().matches("[a-z][a-z0-9-]*"), s.option());
        }
        for (String p : Presets.NAMES) Presets.named(p).validate();
        RunSettings r = new RunSettings();
        r.task = "walker-run";
        r.validate();
        assertEquals("no task given; use --task <name>, e.g. --task walker-run",
                assertThrows(IllegalArgumentException.class, () -> new RunSettings().validate()).getMessage());
    }

    @Test
    void configJsonKeepsTheFieldsAndOrderOfEarlierVersions() {
        RunSettings r = new RunSettings();
        DdpgConfig a = new DdpgConfig();
        assertEquals(List.of("task"), List.copyOf(ConfigJson.fields(Section.TOP, r, a).keySet()));
        List<String> run = List.copyOf(ConfigJson.fields(Section.RUN, r, a).keySet());
        List<String> agent = List.copyOf(ConfigJson.fields(Section.AGENT, r, a).keySet());
        assertEquals(RUN_FIELDS_OF_EARLIER_VERSIONS, run.subList(0, RUN_FIELDS_OF_EARLIER_VERSIONS.size()), "new fields go last");
        assertEquals(AGENT_FIELDS_OF_EARLIER_VERSIONS, agent.subList(0, AGENT_FIELDS_OF_EARLIER_VERSIONS.size()), "new fields go last");
        assertEquals("[256, 256]", Json.write(ConfigJson.fields(Section.AGENT, r, a).get("hidden")).strip());
    }

    @Test
    void fieldsAddedLaterReadAsTheirDefaultsAndAMissingFieldIsNamed() {
        RunSettings r = new RunSettings();
        DdpgConfig a = new DdpgConfig();
        Map<String, Object> old = new LinkedHashMap<>(ConfigJson.fields(Section.RUN, r, a));
        old.keySet().removeAll(List.of("gif_every", "final_gif", "gif_steps", "tensorboard"));
        RunSettings back = new RunSettings();
        back.gifEvery = 5;
        back.finalGif = false;
        ConfigJson.read(Section.RUN, old, back, a);
        assertEquals(0, back.gifEvery);
        assertTrue(back.finalGif && back.tensorboard);
        old.remove("seed");
        assertEquals("no 'run.seed' field", assertThrows(IllegalArgumentException.class,
                () -> ConfigJson.read(Section.RUN, old, new RunSettings(), a)).getMessage());
        Map<String, Object> agent = Json.parseObject(Json.write(ConfigJson.fields(Section.AGENT, r, a)));
        agent.put("tau", "fast");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConfigJson.read(Section.AGENT, agent, r, new DdpgConfig()))
                .getMessage().startsWith("'agent.tau': "));
    }

    @Test
    void rangesSayTheRuleTheValueAndTheFix() {
        DdpgConfig c = new DdpgConfig();
        c.tau = 0;
        assertEquals("--tau must be in (0, 1], got 0.0 (e.g. 0.005)", message(c));
        c = new DdpgConfig();
        c.utd = -1;
        assertEquals("--utd (updates per env step) must be positive, got -1.0", message(c));
        c = new DdpgConfig();
        c.noise = "pink";
        assertEquals("--noise must be 'gaussian' or 'ou', got 'pink'", message(c));
        c = new DdpgConfig();
        c.gamma = Double.NaN;
        assertEquals("--gamma must be in [0, 1], got NaN", message(c));
        c = new DdpgConfig();
        c.batch = 512;
        c.buffer = 100;
        assertEquals("--batch 512 is larger than the replay buffer (--buffer 100); use a smaller batch or a larger buffer", message(c));
        c = new DdpgConfig();
        c.noise = "ou";
        c.ouTheta = 0.8;
        c.ouDt = 2;
        assertEquals("--ou-theta must be in (0, 1/ou-dt], got 0.8", message(c));
        RunSettings r = new RunSettings();
        r.task = "walker-run";
        r.checkpointEvery = -1;
        assertEquals("--checkpoint-every must be >= 0 (0 = only at the end), got -1",
                assertThrows(IllegalArgumentException.class, r::validate).getMessage());
    }

    private static String message(DdpgConfig c) {
        return assertThrows(IllegalArgumentException.class, c::validate).getMessage();
    }

    @Test
    void typedValuesAreReadAsBeforeAndACopySharesNothing() {
        assertEquals(500_000L, Kind.LONG.parse("steps", "500k", 1L));
        assertEquals(1_000_000L, Kind.LONG.parse("steps", "1e6", 1L));
        assertEquals("--buffer 3000000000 is too large (at most 2147483647)",
                assertThrows(IllegalArgumentException.class, () -> Kind.COUNT.parse("buffer", "3e9", 1)).getMessage());
        assertEquals("--steps expects a whole number (1e6 and 500k work too), got '9223372036854775807k'",
                assertThrows(IllegalArgumentException.class, () -> Kind.LONG.parse("steps", "9223372036854775807k", 1L)).getMessage());
        assertArrayEquals(new int[] {400, 300}, Kind.WIDTHS.parse("hidden", " 400, 300", null));
        DdpgConfig a = Presets.paper(), b = a.copy();
        b.hidden[0] = 1;
        assertEquals(400, a.hidden[0]);
        assertFalse(Presets.defaults().hidden == Presets.defaults().hidden);
    }
}
