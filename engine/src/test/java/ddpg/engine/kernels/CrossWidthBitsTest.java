package ddpg.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ddpg.testing.ChildProcess;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The same bits on any CPU: {@link CanonicalDigest} run in four JVMs, on the scalar path and with 128-, 256- and
 * 512-bit vectors, must print identical lines (reductions on ragged lengths, every elementwise kernel, every GEMM
 * variant and form, a short training of a small network). Widths wider than this CPU's run emulated, which is slow
 * but exact.
 */
class CrossWidthBitsTest {
    static final String[] PATHS = {"scalar", "simd128", "simd256", "simd512"};

    @Test
    void everyKernelPathAndWidthGivesTheSameBits() throws Exception {
        Map<String, List<String>> results = new LinkedHashMap<>();
        for (String path : PATHS) results.put(path, run(path));
        List<String> reference = results.get("scalar");
        assertEquals("kernels scalar", reference.get(0));
        for (String path : PATHS) {
            List<String> got = results.get(path);
            assertTrue(got.get(0).startsWith("kernels " + path + " (FloatVector S_" + path.substring(4) + "_BIT")
                    || path.equals("scalar"), got.get(0));
            assertEquals(reference.size(), got.size(), path + ": number of lines");
            List<String> differ = new ArrayList<>();
            for (int i = 1; i < got.size(); i++) {
                String line = got.get(i);
                if (line.contains("MISMATCH")) differ.add("variants disagree: " + line);
                else if (!line.equals(reference.get(i))) differ.add(line + "   (scalar: " + reference.get(i) + ")");
            }
            if (!differ.isEmpty()) fail(path + " differs from scalar in " + differ.size() + " of " + (got.size() - 1)
                    + " results:\n  " + String.join("\n  ", differ));
        }
    }

    /** The digest lines of one child JVM with {@code -Dddpg.kernels=path}. */
    static List<String> run(String path) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder pb = new ProcessBuilder(java, "--add-modules=jdk.incubator.vector", "-Dddpg.kernels=" + path,
                "-cp", System.getProperty("java.class.path"), CanonicalDigest.class.getName());
        pb.environment().remove(Kernels.ENV);
        ChildProcess.Result r = ChildProcess.run(pb.redirectErrorStream(true), 300);
        String text = r.out();
        assertEquals(0, r.exit(), path + ":\n" + text);
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\n")) if (!l.startsWith("WARNING: Using incubator modules")) lines.add(l.strip());
        return lines;
    }
}
