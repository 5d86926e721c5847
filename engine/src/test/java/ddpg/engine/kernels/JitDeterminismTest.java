package ddpg.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.testing.ChildProcess;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bit-for-bit repeatability must not depend on whether the JIT has compiled a kernel yet: an interrupted-and-resumed
 * training run (a cold JVM) has to equal an uninterrupted one (a warm JVM). {@code reduceLanes(ADD)} and
 * {@code lanewise(TANH)} break that (their results change after C2 compiles them), so the kernels use a
 * fixed folding-tree lane sum and FloatTanh (plain IEEE operations). This test pins both, and the GEMM row-dot path,
 * sum and dot.
 *
 * <p>It cannot pass without C2 having compiled the kernels. {@link ColdWarmDigest} runs in a child JVM with
 * {@code -XX:+PrintCompilation}, {@code -Xbatch} (a call that triggers a compilation waits until the code is
 * installed) and itself excluded from compilation (so its calls enter each kernel's own compiled code rather than a
 * copy inlined into the caller). It prints each kernel's result from its first call and again after
 * {@link ColdWarmDigest#WARM_CALLS} calls. The compilation log must then show, for every kernel method, no
 * compilation before the cold result, and a tier-4 (C2) compilation of the method itself, neither skipped nor made
 * not entrant, before the warm result. Only then are the bits compared: cold = warm, and equal to the scalar
 * reference where there is one. If a JDK stops compiling a kernel on its own (inlining it elsewhere, say), this
 * test fails naming it rather than passing unchecked. The child JVM runs the tiered default, as training does.
 */
class JitDeterminismTest {
    @Test
    void everyKernelGivesTheSameBitsInterpretedAndCompiledByC2() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "--add-modules=jdk.incubator.vector", "-Xbatch",
                "-XX:+PrintCompilation", "-XX:CompileCommand=quiet",
                "-XX:CompileCommand=exclude," + ColdWarmDigest.class.getName() + "::*",
                "-cp", System.getProperty("java.class.path"), ColdWarmDigest.class.getName());
        pb.environment().remove(Kernels.ENV);
        ChildProcess.Result r = ChildProcess.run(pb, 300);
        List<String> lines = r.out().lines().toList();
        PrintCompilationLog log = new PrintCompilationLog(lines);
        assertEquals(0, r.exit(), r.err() + "\n" + log.about("ddpg."));

        ColdWarmDigest.KERNELS.forEach((kernel, methods) -> {
            for (String method : methods) {
                assertFalse(log.anyCompilationBefore(method, "cold " + kernel + " "), method + " was compiled before"
                        + " the first call:\n" + log.about("ddpg."));
                assertTrue(log.inC2Before(method, "warm " + kernel + " "), method + " was not running C2 code when the"
                        + " warm result was computed:\n" + log.about("ddpg."));
            }
        });

        Map<String, String> results = new HashMap<>();
        for (String l : lines) {
            String[] w = l.split(" ");
            if (w.length == 3 && List.of("cold", "warm", "reference").contains(w[0])) results.put(w[0] + " " + w[1], w[2]);
        }
        for (String kernel : ColdWarmDigest.KERNELS.keySet()) {
            String cold = results.get("cold " + kernel);
            assertTrue(cold != null && results.containsKey("warm " + kernel), kernel + ": no results in\n" + r.out());
            assertEquals(cold, results.get("warm " + kernel), kernel + ": cold vs warm (C2) bits");
        }
        assertEquals(results.get("reference lanes"), results.get("cold lanes"), "the lane sum is the fixed tree");
        assertEquals(results.get("reference tanh"), results.get("cold tanh"), "tanh equals StrictMath's here");
    }
}
