package ddpg.engine.autograd;

/**
 * The backward rule of one op application: reads the gradient of the op's output and adds the matching
 * gradients into the op's inputs (chain rule). Written as a lambda right next to the op's forward code.
 */
@FunctionalInterface
public interface Backward {
    void run();
}
