package ddpg.engine.nn;

import ddpg.engine.Tensor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base class for modules built from named children (an actor, a critic, an MLP). Subclasses register children with
 * {@link #add} in their constructor and write their own forward; names, modes and state come for free.
 * <pre>
 *   final class Critic extends CompositeModule {
 *       final Linear l1 = add("l1", new Linear(obs, 400, rng)), ...;
 *       Tensor forward(Tensor s, Tensor a) { ... Shapes.concatColumns(h, a) ... }
 *   }
 * </pre>
 */
public abstract class CompositeModule implements Module {
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    protected <M extends Module> M add(String name, M child) {
        if (children.containsKey(name)) throw new IllegalArgumentException("duplicate child name '" + name + "'");
        children.put(name, child);
        child.setTraining(training);
        return child;
    }

    /** The children in registration order. */
    public Map<String, Module> children() {
        return Collections.unmodifiableMap(children);
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        children.forEach((name, c) -> c.namedParameters().forEach((k, v) -> m.put(name + "." + k, v)));
        return m;
    }

    @Override
    public Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        children.forEach((name, c) -> c.namedBuffers().forEach((k, v) -> m.put(name + "." + k, v)));
        return m;
    }

    @Override
    public void setTraining(boolean on) {
        training = on;
        for (Module c : children.values()) c.setTraining(on);
    }

    @Override
    public boolean isTraining() {
        return training;
    }
}
