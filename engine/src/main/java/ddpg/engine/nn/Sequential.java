package ddpg.engine.nn;

import ddpg.engine.Tensor;
import ddpg.engine.ops.Shapes;

import java.util.ArrayList;
import java.util.List;

/** Layers applied in order; children are named "0", "1", ... as in PyTorch's nn.Sequential. */
public final class Sequential extends CompositeModule implements Layer {
    private final List<Layer> layers = new ArrayList<>();

    public Sequential(List<? extends Layer> layers) {
        for (Layer l : layers) {
            add(Integer.toString(this.layers.size()), l);
            this.layers.add(l);
        }
    }

    /**
     * Applies the layers in order. A {@link Linear} directly followed by a ReLU runs as one op
     * ({@link Linear#forwardRelu}): the same values and gradients, bit for bit, with two passes over the output fewer.
     */
    @Override
    public Tensor forward(Tensor x) {
        return forwardFrom(0, x);
    }

    /**
     * Same values as {@code forward(Shapes.concatColumns(parts))}. When the first layer is a {@link Linear} it uses
     * {@link Linear#forwardConcat}, so the backward pass skips input gradients that no part needs (e.g. a critic's
     * state features in the DDPG actor update).
     */
    public Tensor forwardConcat(Tensor... parts) {
        if (layers.isEmpty() || !(layers.get(0) instanceof Linear)) return forward(Shapes.concatColumns(parts));
        Linear first = (Linear) layers.get(0);
        if (reluAfter(0)) return forwardFrom(2, first.forwardConcatRelu(parts));
        return forwardFrom(1, first.forwardConcat(parts));
    }

    private Tensor forwardFrom(int start, Tensor x) {
        for (int i = start; i < layers.size(); i++) {
            Layer l = layers.get(i);
            if (l instanceof Linear && reluAfter(i)) {
                x = ((Linear) l).forwardRelu(x);
                i++;                                   // the ReLU is done
            } else {
                x = l.forward(x);
            }
        }
        return x;
    }

    private boolean reluAfter(int i) {
        return i + 1 < layers.size() && layers.get(i + 1) == Activation.RELU;
    }

    public List<Layer> layers() {
        return List.copyOf(layers);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Sequential(");
        for (int i = 0; i < layers.size(); i++) sb.append(i == 0 ? "" : ", ").append(layers.get(i));
        return sb.append(')').toString();
    }
}
