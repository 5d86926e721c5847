package ddpg.engine.testing;

import ddpg.engine.Tensor;
import ddpg.engine.autograd.Graph;
import ddpg.engine.autograd.NoGrad;

import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * A real op whose backward rule is made wrong on purpose, to prove that {@link GradCheck} notices: the forward is
 * the op's own, the backward is the op's own gradient except that input {@code k}'s gradient is multiplied by
 * {@code factor} at the element indices {@code where} selects. With factor 1 it is exactly the op.
 */
final class SkewedBackward {
    private SkewedBackward() {}

    @SuppressWarnings("try") // scopes are used only for their close()
    static Function<Tensor[], Tensor> of(Function<Tensor[], Tensor> op, int k, float factor, IntPredicate where) {
        return in -> {
            Tensor out;
            try (NoGrad ignored = NoGrad.enter()) {
                out = Tensor.copyOf(op.apply(in));
            }
            if (Graph.needsGrad(in)) {
                Graph.record(out, "skewed", () -> {
                    // the true gradient, from the op's own backward on leaf copies of the inputs
                    Tensor[] copies = new Tensor[in.length];
                    for (int j = 0; j < in.length; j++) copies[j] = Tensor.copyOf(in[j]).requiresGrad(in[j].requiresGrad());
                    op.apply(copies).backward(out.grad().clone());
                    for (int j = 0; j < in.length; j++) {
                        if (!in[j].requiresGrad()) continue;
                        float[] g = copies[j].grad(), gx = in[j].gradAccumulator();
                        for (int i = 0; i < g.length; i++) gx[i] += (j == k && where.test(i) ? factor : 1f) * g[i];
                    }
                }, in);
            }
            return out;
        };
    }
}
