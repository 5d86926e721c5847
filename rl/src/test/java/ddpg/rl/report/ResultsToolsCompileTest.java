package ddpg.rl.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The programs the analysis cites (docs/results/tools, run as single-file sources against ddpg.jar) still compile
 * against today's classes, so a renamed method cannot leave a command in analysis.md that no longer runs.
 */
class ResultsToolsCompileTest {
    @TempDir Path tmp;

    @Test
    void everyToolCompilesAgainstTheProject() throws Exception {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(ResultsPageTest.RESULTS.resolve("tools"))) {
            files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> sources.add(p.toString()));
        }
        assertFalse(sources.isEmpty(), "no tools found in docs/results/tools");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "tests need a JDK");
        List<String> args = new ArrayList<>(List.of("-proc:none", "-cp", System.getProperty("java.class.path"),
                "--add-modules", "jdk.incubator.vector", "-d", tmp.toString()));
        args.addAll(sources);
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = javac.run(null, messages, messages, args.toArray(new String[0]));
        assertEquals(0, status, "docs/results/tools no longer compile:\n" + messages.toString(StandardCharsets.UTF_8));
    }
}
