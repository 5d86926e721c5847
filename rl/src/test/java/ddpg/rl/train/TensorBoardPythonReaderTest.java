package ddpg.rl.train;

import static org.junit.jupiter.api.Assertions.*;

import ddpg.rl.tensorboard.EventFileDecoder.Scalar;
import ddpg.testing.ChildProcess;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second opinion on the event files: src/test/resources/tensorboard/read_events.py decodes them with Google's
 * protobuf library and TensorFlow's field numbers (event_subset.proto, compiled here by protoc), checks every
 * record's CRCs, and its scalars must equal progress.csv. Needs python3 with the protobuf module and protoc: skipped
 * without them, except on CI (CI=true), where their absence is a failure.
 */
class TensorBoardPythonReaderTest {
    private static final String INSTALL = "apt-get install -y python3-protobuf protobuf-compiler (or run .ci/tensorboard-deps.sh)";
    /** The Debian package installs the module for the system Python, which a pyenv or venv python3 may hide. */
    private static final List<String> PYTHONS = List.of("python3", "/usr/bin/python3");

    /** Runs {@code command} to its end; one that hangs is killed after two minutes and fails the test. */
    private static ChildProcess.Result exec(List<String> command, Path pythonPath) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (pythonPath != null) {
            pb.environment().put("PYTHONPATH", pythonPath.toString());
            // Pure-Python protobuf runs code from any protoc against any protobuf runtime; speed does not matter here.
            pb.environment().put("PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION", "python");
        }
        return ChildProcess.run(pb, 120);
    }

    private static boolean runs(List<String> command) {
        try {
            return exec(command, null).exit() == 0;
        } catch (IOException e) {
            return false;                                     // not installed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A python3 that imports google.protobuf, and protoc; else skipped (or failed on CI) saying what to install. */
    private static String requirePythonAndProtoc() {
        String python = PYTHONS.stream().filter(p -> runs(List.of(p, "-c", "import google.protobuf"))).findFirst().orElse(null);
        boolean protoc = runs(List.of("protoc", "--version"));
        String missing = (python == null ? "python3 with the protobuf module" : "") + (python == null && !protoc ? " and " : "")
                + (protoc ? "" : "protoc");
        if (missing.isEmpty()) return python;
        String message = "the independent TensorBoard reader needs " + missing + "; install: " + INSTALL;
        if ("true".equals(System.getenv("CI"))) fail(message);
        Assumptions.assumeTrue(false, message);
        return null;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(TensorBoardPythonReaderTest.class.getResource("/tensorboard/" + name).toURI());
    }

    @Test
    void pythonReadsTheSameScalarsAsProgressCsv(@TempDir Path tmp) throws Exception {
        String python = requirePythonAndProtoc();
        Path proto = resource("event_subset.proto"), reader = resource("read_events.py");
        Path generated = Files.createDirectories(tmp.resolve("generated"));
        ChildProcess.Result protoc = exec(List.of("protoc", "--proto_path=" + proto.getParent(), "--python_out=" + generated,
                proto.getFileName().toString()), null);
        assertEquals(0, protoc.exit(), "protoc: " + protoc.err());

        RunConfig c = TensorBoardRunTest.config(700);
        Path dir = TinyRuns.newRun(tmp.resolve("runs"), c);
        TinyRuns.trainer(c, dir).start();
        List<Path> files = TensorBoardRunTest.eventFiles(dir);
        assertEquals(1, files.size(), files.toString());
        String events = files.get(0).toString();

        ChildProcess.Result csv = exec(List.of(python, reader.toString(), events), generated);
        assertEquals(0, csv.exit(), "read_events.py: " + csv.err());
        List<String> lines = csv.out().lines().toList();
        assertEquals("step,tag,value", lines.get(0));
        List<Scalar> scalars = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            scalars.add(new Scalar(Long.parseLong(cells[0]), cells[1], Float.parseFloat(pythonFloat(cells[2]))));
        }
        TensorBoardRunTest.assertScalarsMatchProgress(dir, scalars);

        ChildProcess.Result text = exec(List.of(python, reader.toString(), "--text", TensorBoardLog.SETTINGS, events), generated);
        assertEquals(0, text.exit(), "read_events.py --text: " + text.err());
        assertEquals(TensorBoardRunTest.asMarkdownCode(Files.readString(dir.resolve("config.json"))), text.out());
    }

    /** Python's repr of a float, in Java's spelling. */
    private static String pythonFloat(String s) {
        return switch (s) {
            case "inf" -> "Infinity";
            case "-inf" -> "-Infinity";
            case "nan" -> "NaN";
            default -> s;
        };
    }
}
