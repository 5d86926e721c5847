package ddpg.rl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.engine.io.Json;
import ddpg.rl.train.BuildInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --config <run>/config.json [overrides]} starts a new run with exactly that run's settings. */
class ConfigReuseTest extends ConsoleTest {
    @TempDir Path tmp;

    private static Path onlyRun(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            List<Path> runs = s.toList();
            assertEquals(1, runs.size(), runs.toString());
            return runs.get(0);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> config(Path run) throws Exception {
        return Json.parseObject(Files.readString(run.resolve("config.json"), StandardCharsets.UTF_8));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRunsConfigStartsANewRunWithItsSettingsAndTheOverrides() throws Exception {
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        assertEquals(0, run("--task", "cartpole-swingup", "--steps", "300", "--warmup", "100", "--learning-starts", "100",
                "--batch", "32", "--hidden", "16,8", "--critic-l2", "0.01", "--eval-episodes", "1", "--eval-every", "300",
                "--no-gif", "--no-tensorboard", "--seed", "7", "--out", a.toString()), errText());
        Path first = onlyRun(a);
        Map<String, Object> ca = config(first);
        assertEquals(BuildInfo.commit(), ca.get("commit"));

        assertEquals(0, run("--config", first.resolve("config.json").toString(), "--steps", "200", "--out", b.toString()), errText());
        Map<String, Object> cb = config(onlyRun(b));
        assertEquals(ca.get("agent"), cb.get("agent"), "every algorithm setting carried over");
        Map<String, Object> ra = (Map<String, Object>) ca.get("run"), rb = (Map<String, Object>) cb.get("run");
        assertEquals(200L, rb.get("steps"), "the override wins");
        for (String k : List.of("seed", "eval_every", "eval_episodes", "final_gif", "tensorboard", "preset")) assertEquals(ra.get(k), rb.get(k), k);
        assertTrue(onlyRun(b).getFileName().toString().startsWith("cartpole-swingup-s7-"));
    }

    @Test
    void aMissingConfigIsOneLine() {
        assertOneLineError(run("--config", tmp.resolve("nope.json").toString(), "--out", tmp.toString()), "does not exist");
    }
}
