package ddpg.engine.nn;

import ddpg.engine.Tensor;

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
