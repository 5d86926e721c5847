package ddpg.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.testing.ChildProcess;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which kernels get picked, including in a JVM started without the Vector API module. */
class KernelSelectionTest {
    @Test
    void vectorKernelsWhenTheModuleIsPresent() {
        assertTrue(Kernels.vectorModulePresent());
        assertEquals("vector", Kernels.gemm(1).name());
        assertEquals("vector-2t", Kernels.gemm(2).name());
        assertTrue(Kernels.description().startsWith(Kernels.path() + " (FloatVector S_"), Kernels.description());
        assertTrue(Kernels.path().matches("simd(128|256|512)"), Kernels.path());
        List<String> names = new ArrayList<>();
        for (Gemm g : Kernels.gemmVariants(2)) names.add(g.name());
        assertEquals(List.of("naive", "scalar", "vector-row", "vector-blocked", "vector", "vector-2t"), names);
    }

    @Test
    void scalarSwitchSelectsTheReference() {
        String old = System.getProperty(Kernels.PROPERTY);
        try {
            System.setProperty(Kernels.PROPERTY, "scalar");
            assertEquals("scalar", Kernels.gemm(1).name());
            assertEquals("scalar", Kernels.gemm(4).name());
            assertEquals("scalar", Kernels.description());
            assertEquals("scalar", Kernels.path());
            assertEquals(List.of("naive", "scalar"), Kernels.gemmVariants(2).stream().map(Gemm::name).toList());
        } finally {
            if (old == null) System.clearProperty(Kernels.PROPERTY);
            else System.setProperty(Kernels.PROPERTY, old);
        }
    }

    @Test
    void theSwitchAcceptsTheFivePathsAndNamesTheValidOnesOtherwise() {
        String old = System.getProperty(Kernels.PROPERTY);
        try {
            for (String v : new String[] {"scalar", "simd", "simd128", "SIMD256", " simd512 "}) {
                System.setProperty(Kernels.PROPERTY, v);
                assertEquals(v.trim().toLowerCase(java.util.Locale.ROOT), Kernels.requested());
            }
            System.setProperty(Kernels.PROPERTY, "simd1024");
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class, Kernels::requested);
            assertEquals("-Dddpg.kernels expects scalar, simd, simd128, simd256, simd512; got 'simd1024'", e.getMessage());
        } finally {
            if (old == null) System.clearProperty(Kernels.PROPERTY);
            else System.setProperty(Kernels.PROPERTY, old);
        }
    }

    @Test
    void threadsSettingIsValidated() {
        int before = Kernels.threads();
        try {
            Kernels.setThreads(2);
            assertEquals("vector-2t", Kernels.gemm().name());
            Kernels.setThreads(1);
            assertEquals("vector", Kernels.gemm().name());
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class, () -> Kernels.setThreads(0));
            assertEquals("threads must be at least 1, got 0", e.getMessage());
        } finally {
            Kernels.setThreads(before);
        }
    }

    /** Starts a fresh JVM WITHOUT --add-modules jdk.incubator.vector and runs {@link ScalarFallbackCheck} there. */
    @Test
    void scalarFallbackWorksInAJvmWithoutTheModule() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ScalarFallbackCheck.class.getName());
        ChildProcess.Result r = ChildProcess.run(pb.redirectErrorStream(true), 60);
        String text = r.out();
        assertEquals(0, r.exit(), text);
        assertTrue(text.contains("scalar fallback OK"), text);
    }
}
