package ddpg.rl.train;

import ddpg.engine.Tensor;
import java.util.Arrays;
import java.util.Map;

/**
 * Finds NaN and infinite values in named tensors: a diverged network is stopped here before it reaches a checkpoint
 * or an exported policy, and a file holding one is refused.
 */
public final class Finite {
    private Finite() {}

    /** "'name' holds NaN (element i of [r, c])" for the first tensor with a non-finite value, or null if all are finite. */
    public static String firstProblem(Map<String, Tensor> tensors) {
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            float[] v = e.getValue().data();
            int n = e.getValue().size();
            for (int i = 0; i < n; i++) {
                if (!Float.isFinite(v[i])) {
                    return "'" + e.getKey() + "' holds " + v[i] + " (element " + i + " of " + Arrays.toString(e.getValue().shape()) + ")";
                }
            }
        }
        return null;
    }
}
