package ddpg.engine.optim;

import ddpg.engine.Tensor;
import ddpg.engine.kernels.Elementwise;
import ddpg.engine.kernels.Parallel;
import ddpg.engine.nn.Module;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps a target network following a source network, over parameters and buffers (BatchNorm running statistics):
 * soft (Polyak) averaging target = (1 - tau) target + tau source, or a hard copy.
 * <pre>
 *   TargetUpdate actorSync = new TargetUpdate(targetActor, actor);
 *   actorSync.hard();          // at start: identical weights
 *   actorSync.soft(0.005f);    // after every update
 * </pre>
 */
public final class TargetUpdate {
    private final List<float[]> targets = new ArrayList<>(), sources = new ArrayList<>();
    private final int[] sizes;

    public TargetUpdate(Module target, Module source) {
        Map<String, Tensor> t = target.stateDict(), s = source.stateDict();
        Map<String, int[]> sourceShapes = new java.util.LinkedHashMap<>();
        s.forEach((k, v) -> sourceShapes.put(k, v.shape()));
        List<String> problems = StateDicts.differences(t, sourceShapes);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("target and source networks differ: " + String.join("; ", problems));
        }
        t.forEach((k, tt) -> {
            targets.add(tt.data());
            sources.add(s.get(k).data());
        });
        sizes = targets.stream().mapToInt(a -> a.length).toArray();
    }

    /** target = (1 - tau) target + tau source, elementwise, flushing subnormals; slices spread over the GEMM threads. */
    public void soft(float tau) {
        if (!(tau >= 0 && tau <= 1)) throw new IllegalArgumentException("tau must be in [0, 1], got " + tau);
        Parallel.forEachSlice(sizes, (i, from, to) -> Elementwise.polyak(targets.get(i), sources.get(i), tau, from, to));
    }

    /** target = source. */
    public void hard() {
        for (int i = 0; i < targets.size(); i++) {
            float[] s = sources.get(i);
            System.arraycopy(s, 0, targets.get(i), 0, s.length);
        }
    }

    /** One-off soft update without keeping the pairing. */
    public static void soft(Module target, Module source, float tau) {
        new TargetUpdate(target, source).soft(tau);
    }

    /** One-off hard copy. */
    public static void hard(Module target, Module source) {
        new TargetUpdate(target, source).hard();
    }
}
