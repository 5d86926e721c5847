package ddpg.rl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ddpg.engine.kernels.Kernels;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --threads} never changes the numbers: runs on 1, 2 and 4 threads write the same progress.csv (wall-clock
 * columns aside) and the same policy, bit for bit. The networks (128-128, batch 64) are just big enough that the
 * matrix products of an update are split across threads (at least 2^20 multiply-adds each).
 */
class ThreadInvarianceTest {
    @Test
    void oneTwoAndFourThreadsTrainTheSameBits(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Kernels.vectorAvailable(), "the multi-threaded GEMM needs the Vector API");
        int before = Kernels.threads();
        try {
            Path reference = null;
            for (int threads : new int[] {1, 2, 4}) {
                RunConfig c = TinyRuns.config(900);
                c.agent.hidden = new int[] {128, 128};
                c.agent.batch = 64;
                c.run.threads = threads;
                Path dir = TinyRuns.newRun(tmp.resolve("t" + threads), c);
                TinyRuns.trainer(c, dir).start();
                assertEquals(threads == 1 ? "vector" : "vector-" + threads + "t", Kernels.gemm().name(),
                        "the run used the GEMM of its thread count");
                if (reference == null) {
                    reference = dir;
                    continue;
                }
                List<String> expected = TinyRuns.deterministicColumns(reference);
                assertEquals(expected, TinyRuns.deterministicColumns(dir), threads + " threads: progress.csv");
                TinyRuns.assertSamePolicy(reference, dir);
            }
        } finally {
            Kernels.setThreads(before);
        }
    }
}
