package ddpg.engine.kernels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Independent per-tensor passes (an optimizer step, a soft target update) spread over the GEMM's threads. Each item
 * is processed whole by one thread with the same kernel it would use alone, so the results never depend on the
 * thread count; only the wall time does.
 */
public final class Parallel {
    /** Below this many elements in all a pass stays on the calling thread: a hand-over costs a few microseconds. */
    static final long MIN_ELEMENTS = 1 << 15;

    private Parallel() {}

    /**
     * Calls {@code body.accept(i)} once for every item i, where {@code sizes[i]} is its element count. The items are
     * dealt to at most {@link Kernels#threads()} groups of similar total size (largest first); the calling thread
     * runs one group.
     */
    public static void forEachItem(int[] sizes, IntConsumer body) {
        Gemm g = Kernels.gemm();
        long total = 0;
        for (int s : sizes) total += s;
        if (!(g instanceof ParallelGemm pg) || sizes.length < 2 || total < MIN_ELEMENTS) {
            for (int i = 0; i < sizes.length; i++) body.accept(i);
            return;
        }
        List<List<Integer>> groups = deal(sizes, Math.min(pg.threads(), sizes.length));
        Runnable[] jobs = new Runnable[groups.size()];
        for (int t = 0; t < jobs.length; t++) {
            List<Integer> mine = groups.get(t);
            jobs[t] = () -> {
                for (int i : mine) body.accept(i);
            };
        }
        pg.runAll(jobs);
    }

    /** Largest item first, each to the group with the fewest elements so far; empty groups are dropped. */
    static List<List<Integer>> deal(int[] sizes, int groups) {
        Integer[] order = new Integer[sizes.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> sizes[b] != sizes[a] ? Integer.compare(sizes[b], sizes[a]) : Integer.compare(a, b));
        List<List<Integer>> out = new ArrayList<>();
        long[] load = new long[groups];
        for (int t = 0; t < groups; t++) out.add(new ArrayList<>());
        for (int i : order) {
            int least = 0;
            for (int t = 1; t < groups; t++) if (load[t] < load[least]) least = t;
            out.get(least).add(i);
            load[least] += sizes[i];
        }
        out.removeIf(List::isEmpty);
        return out;
    }
}
