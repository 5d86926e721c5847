package ddpg.engine.autograd;

import ddpg.engine.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The define-by-run graph. Ops call {@link #record} as they compute, which links the output tensor to its inputs
 * and its backward rule; {@link #backward(Tensor)} then walks those links from the loss back to the leaves.
 *
 * <p>Why reverse topological order: a tensor's gradient is the sum of contributions from every op that read it.
 * Visiting ops so that each one runs only after every op that consumed its output has run guarantees that when an
 * op's backward rule reads its output's gradient, that gradient is complete.
 */
public final class Graph {
    private Graph() {}

    private static final AtomicInteger STAMPS = new AtomicInteger();

    /** True when an op with these inputs must record its backward rule (grad mode on and some input needs grad). */
    public static boolean needsGrad(Tensor a) {
        return a.requiresGrad() && NoGrad.gradEnabled();
    }

    public static boolean needsGrad(Tensor a, Tensor b) {
        return (a.requiresGrad() || b.requiresGrad()) && NoGrad.gradEnabled();
    }

    public static boolean needsGrad(Tensor a, Tensor b, Tensor c) {
        return (a.requiresGrad() || b.requiresGrad() || (c != null && c.requiresGrad())) && NoGrad.gradEnabled();
    }

    public static boolean needsGrad(Tensor... inputs) {
        if (!NoGrad.gradEnabled()) return false;
        for (Tensor t : inputs) if (t != null && t.requiresGrad()) return true;
        return false;
    }

    /**
     * Links {@code out} to the op that made it. Call only when {@link #needsGrad} said so; {@code inputs} may
     * contain nulls (e.g. a Linear without bias), which backward skips.
     */
    public static void record(Tensor out, String op, Backward backward, Tensor... inputs) {
        Node n = new Node(op, inputs, backward);
        n.output = out;
        out.attachCreator(n);
    }

    /** Backpropagates from a scalar (e.g. a loss): afterwards every leaf that requires grad holds d(root)/d(leaf). */
    public static void backward(Tensor root) {
        if (root.size() != 1) {
            throw new IllegalArgumentException("backward() without a seed gradient needs a scalar, but this tensor has shape "
                    + Arrays.toString(root.shape()) + "; reduce it first (sum() or mean()) or call backward(seedGradient)");
        }
        backward(root, new float[] {1f});
    }

    /** Backpropagates from any tensor, starting from the given gradient of the final objective w.r.t. {@code root}. */
    public static void backward(Tensor root, float[] seed) {
        if (seed.length != root.size()) {
            throw new IllegalArgumentException("seed gradient has " + seed.length + " values but the tensor has shape "
                    + Arrays.toString(root.shape()) + " (" + root.size() + " values)");
        }
        if (root.creator() == null) {
            if (root.gradFreed()) {
                throw new IllegalStateException("backward() was already run through this graph and the graph was freed;"
                        + " recompute the forward pass before calling backward() again");
            }
            if (!root.requiresGrad()) {
                throw new IllegalStateException("this tensor does not require grad, so there is nothing to differentiate:"
                        + " it was computed inside a NoGrad scope or only from tensors without requiresGrad");
            }
        }
        List<Node> order = topologicalOrder(root);
        float[] g = root.gradAccumulator();
        for (int i = 0; i < seed.length; i++) g[i] += seed[i];
        // Reverse topological order: consumers before producers.
        for (int i = order.size() - 1; i >= 0; i--) {
            Node n = order.get(i);
            if (n.output.hasGrad()) n.backward.run();
        }
        // Free the graph: intermediate gradients go away (unless retained) and links are cut so memory can be reused.
        for (Node n : order) {
            n.output.releaseAfterBackward();
        }
    }

    /** Nodes reachable from root, each after all nodes it depends on (iterative DFS, post-order). */
    static List<Node> topologicalOrder(Tensor root) {
        List<Node> order = new ArrayList<>();
        Node start = root.creator();
        if (start == null) return order;
        int stamp = STAMPS.incrementAndGet();
        Node[] stack = new Node[64];
        int[] next = new int[64];
        int top = 0;
        stack[0] = start;
        next[0] = 0;
        start.visitStamp = stamp;
        while (top >= 0) {
            Node n = stack[top];
            if (next[top] < n.inputs.length) {
                Tensor in = n.inputs[next[top]++];
                Node child = in == null ? null : in.creator();
                if (child != null && child.visitStamp != stamp) {
                    child.visitStamp = stamp;
                    if (++top == stack.length) {
                        stack = Arrays.copyOf(stack, top * 2);
                        next = Arrays.copyOf(next, top * 2);
                    }
                    stack[top] = child;
                    next[top] = 0;
                }
            } else {
                order.add(n);
                top--;
            }
        }
        return order;
    }

    /**
     * A readable listing of the graph below {@code root}, one op per line in execution order (for teaching/debugging):
     * the op, what each input is (the op that made it, or "leaf") with its shape, and the output's shape, e.g.
     * {@code tanh(add [2, 3]) -> [2, 3]}. A rank-0 tensor is written "scalar", not "[]".
     */
    public static String describe(Tensor root) {
        StringBuilder sb = new StringBuilder();
        for (Node n : topologicalOrder(root)) {
            sb.append(n.op).append('(');
            for (int i = 0; i < n.inputs.length; i++) {
                Node from = n.inputs[i].creator();
                sb.append(i == 0 ? "" : ", ").append(from == null ? "leaf" : from.op).append(' ').append(shape(n.inputs[i]));
            }
            sb.append(") -> ").append(shape(n.output)).append('\n');
        }
        return sb.toString();
    }

    private static String shape(Tensor t) {
        return t.rank() == 0 ? "scalar" : Arrays.toString(t.shape());
    }
}
