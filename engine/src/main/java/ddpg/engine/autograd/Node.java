package ddpg.engine.autograd;

import ddpg.engine.Tensor;

/**
 * One edge bundle of the graph: the op that produced a tensor, the tensors it read, and its backward rule.
 * A tensor made by an op while gradients are recorded points at its Node; leaves (parameters, inputs) have none.
 */
public final class Node {
    final String op;
    final Tensor[] inputs;
    final Backward backward;
    Tensor output; // the tensor this op produced
    int visitStamp; // marks nodes already placed in the topological order of the current backward()

    Node(String op, Tensor[] inputs, Backward backward) {
        this.op = op;
        this.inputs = inputs;
        this.backward = backward;
    }

    /** The op's name, e.g. "tanh", for error messages and graph printing. */
    public String op() {
        return op;
    }
}
