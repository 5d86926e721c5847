package ddpg.rl.train;

import static org.junit.jupiter.api.Assertions.*;

import ddpg.engine.io.Json;
import ddpg.rl.tensorboard.EventFileDecoder;
import ddpg.rl.tensorboard.EventFileDecoder.Message;
import ddpg.rl.tensorboard.EventFileDecoder.Scalar;
import ddpg.rl.tensorboard.EventFileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training writes its progress.csv rows to TensorBoard event files too: same numbers, resumable, optional. */
class TensorBoardRunTest {
    /** progress.csv column, its TensorBoard tag, and its decimals in the CSV (-1 = %.6g, six significant digits). */
    private record Column(String csv, String tag, int decimals) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("train_return", TensorBoardLog.TRAIN_RETURN, 4),
            new Column("eval_mean", TensorBoardLog.EVAL_MEAN, 4),
            new Column("eval_std", TensorBoardLog.EVAL_STD, 4),
            new Column("critic_loss", TensorBoardLog.CRITIC_LOSS, -1),
            new Column("actor_loss", TensorBoardLog.ACTOR_LOSS, -1),
            new Column("mean_q", TensorBoardLog.MEAN_Q, -1),
            new Column("steps_per_s", TensorBoardLog.STEPS_PER_S, 1));

    /** A tiny run with TensorBoard logging on (TinyRuns turns it off). */
    static RunConfig config(long steps) {
        RunConfig c = TinyRuns.config(steps);
        c.run.tensorboard = true;
        return c;
    }

    static List<Path> eventFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(EventFileWriter.FILE_PREFIX)).sorted().toList();
        }
    }

    /**
     * Every non-empty progress.csv cell is a scalar at its row's env step with the same value (up to the CSV's
     * rounding), every empty cell is none, and charts/updates_per_s comes with every charts/SPS; nothing else.
     */
    static void assertScalarsMatchProgress(Path runDir, List<Scalar> scalars) throws IOException {
        Map<String, Float> byStepAndTag = new HashMap<>();
        for (Scalar s : scalars) {
            assertNull(byStepAndTag.put(s.step() + " " + s.tag(), s.value()), "one value per step and tag: " + s);
        }
        List<String> lines = Files.readAllLines(runDir.resolve(ProgressLog.FILE_NAME));
        List<String> header = List.of(lines.get(0).split(","));
        int expected = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            long step = Long.parseLong(cells[0]);
            for (Column c : COLUMNS) {
                String cell = cells[header.indexOf(c.csv())];
                Float tb = byStepAndTag.get(step + " " + c.tag());
                if (cell.isEmpty()) {
                    assertNull(tb, "empty " + c.csv() + " at step " + step + " but " + c.tag() + " = " + tb);
                    continue;
                }
                expected++;
                assertNotNull(tb, c.tag() + " missing at step " + step + " (progress.csv: " + cell + ")");
                double csv = Double.parseDouble(cell);
                double rounding = c.decimals() >= 0 ? 0.5 * Math.pow(10, -c.decimals()) : Math.abs(csv) * 5e-6;
                double tolerance = rounding * 1.001 + Math.abs(csv) * 1e-7;  // plus float32's rounding
                assertEquals(csv, tb, tolerance, c.tag() + " at step " + step);
            }
            String sps = cells[header.indexOf("steps_per_s")];
            Float ups = byStepAndTag.get(step + " " + TensorBoardLog.UPDATES_PER_S);
            if (sps.isEmpty()) {
                assertNull(ups, "updates/s without steps/s at step " + step);
            } else {
                expected++;
                assertNotNull(ups, "updates/s missing at step " + step);
                // One update per env step at most (utd 1): never more updates than steps per second.
                assertTrue(ups >= 0 && ups <= Double.parseDouble(sps) * 1.001 + 0.1, ups + " updates/s vs " + sps + " steps/s");
            }
        }
        assertEquals(expected, scalars.size(), "no scalars beyond progress.csv's cells");
    }

    @Test
    void aRunWritesEveryProgressRowAsScalarsAndItsSettingsAsText(@TempDir Path out) throws IOException {
        RunConfig c = config(700);
        Path dir = TinyRuns.newRun(out, c);
        TinyRuns.trainer(c, dir).start();
        List<Path> files = eventFiles(dir);
        assertEquals(1, files.size(), files.toString());
        assertScalarsMatchProgress(dir, EventFileDecoder.scalars(files.get(0)));

        Message first = EventFileDecoder.events(files.get(0)).get(0);
        assertEquals("brain.Event:2", first.string(3));
        assertEquals(asMarkdownCode(Files.readString(dir.resolve("config.json"))), settingsText(files.get(0), 0));
    }

    /** config.json as the text summary holds it: indented, a Markdown code block. */
    static String asMarkdownCode(String json) {
        return json.strip().indent(4);
    }

    /** The config/text_summary at {@code step}. */
    static String settingsText(Path file, long step) throws IOException {
        for (Message e : EventFileDecoder.events(file)) {
            if (!e.has(5)) continue;
            for (Message v : e.message(5).messages(1)) {
                if (v.string(1).equals(TensorBoardLog.SETTINGS)) {
                    assertEquals(step, e.varint(2));
                    return v.message(8).string(8);
                }
            }
        }
        return fail("no " + TensorBoardLog.SETTINGS + " in " + file);
    }

    @Test
    void aResumedRunAddsAnEventFileThatStartsAtTheCheckpoint(@TempDir Path out) throws IOException {
        RunConfig c = config(1200);
        Path dir = TinyRuns.newRun(out, c);
        Trainer first = TinyRuns.trainer(c, dir);
        first.killAfterStep = 700;           // after the checkpoint at step 540 (first episode end >= 500)
        first.start();
        trainerFor(dir).resume();

        List<Path> files = eventFiles(dir);
        assertEquals(2, files.size(), files.toString());
        List<Scalar> before = EventFileDecoder.scalars(files.get(0)), after = EventFileDecoder.scalars(files.get(1));
        assertTrue(before.stream().anyMatch(s -> s.step() > 540), "the killed process wrote rows after its checkpoint");
        assertTrue(after.stream().allMatch(s -> s.step() > 540), "the resumed process starts after the checkpoint");
        settingsText(files.get(1), 540);
        // What TensorBoard shows: the old file up to the checkpoint (later points are replaced by the new file's).
        List<Scalar> shown = new ArrayList<>(before.stream().filter(s -> s.step() <= 540).toList());
        shown.addAll(after);
        assertScalarsMatchProgress(dir, shown);
    }

    private static Trainer trainerFor(Path dir) {
        return TinyRuns.trainer(RunConfig.read(dir.resolve("config.json")), dir);
    }

    @Test
    void noTensorboardWritesNoEventFile(@TempDir Path out) throws IOException {
        RunConfig c = config(200);
        c.run.tensorboard = false;
        Path dir = TinyRuns.newRun(out, c);
        TinyRuns.trainer(c, dir).start();
        assertEquals(List.of(), eventFiles(dir));
        assertTrue(Files.isRegularFile(dir.resolve(ProgressLog.FILE_NAME)));
    }

    @Test
    void theSettingIsSavedAndOlderConfigsMeanOn(@TempDir Path out) throws IOException {
        RunConfig c = config(200);
        c.run.tensorboard = false;
        Path file = out.resolve("config.json");
        c.write(file, 2, 1);
        assertFalse(RunConfig.read(file).run.tensorboard);
        assertFalse(c.run.copy().tensorboard);
        Map<String, Object> older = Json.parseObject(Files.readString(file));
        ((Map<?, ?>) older.get("run")).remove("tensorboard");
        Files.writeString(file, Json.write(older));
        assertTrue(RunConfig.read(file).run.tensorboard, "a config.json from before this setting resumes with it on");
    }

    @Test
    void aWriteFailureIsReportedOnceAndNeverThrows(@TempDir Path out) {
        List<String> messages = new ArrayList<>();
        TensorBoardLog log = TensorBoardLog.open(out.resolve("no-such-folder"), 0, "{}", messages::add);
        log.row(60, 1, 2, 3, 4, 5, 6, 7, 8);
        log.row(120, 1, Double.NaN, Double.NaN, 4, 5, 6, 7, 8);
        log.close();
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).toLowerCase(Locale.ROOT).contains("tensorboard"), messages.get(0));
        assertNull(log.file());
    }
}
