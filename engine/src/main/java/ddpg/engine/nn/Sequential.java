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

    @Override
    public Tensor forward(Tensor x) {
        for (Layer l : layers) x = l.forward(x);
        return x;
    }

    /**
     * Same values as {@code forward(Shapes.concatColumns(parts))}. When the first layer is a {@link Linear} it uses
     * {@link Linear#forwardConcat}, so the backward pass skips input gradients that no part needs (e.g. a critic's
     * state features in the DDPG actor update).
     */
    public Tensor forwardConcat(Tensor... parts) {
        boolean fused = !layers.isEmpty() && layers.get(0) instanceof Linear;
        Tensor x = fused ? ((Linear) layers.get(0)).forwardConcat(parts) : Shapes.concatColumns(parts);
        for (int i = fused ? 1 : 0; i < layers.size(); i++) x = layers.get(i).forward(x);
        return x;
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
