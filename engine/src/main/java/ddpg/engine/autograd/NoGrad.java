package ddpg.engine.autograd;

/**
 * A scope in which ops record no graph: target-network forward passes and acting need only values.
 * <pre>
 *   try (NoGrad ignored = NoGrad.enter()) {
 *       Tensor q = targetCritic.forward(s2, targetActor.forward(s2));   // no Nodes, no saved inputs
 *   }
 * </pre>
 * Scopes nest and are per thread.
 */
public final class NoGrad implements AutoCloseable {
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
    private final int[] depth;
    private boolean closed;

    private NoGrad(int[] depth) {
        this.depth = depth;
    }

    public static NoGrad enter() {
        int[] d = DEPTH.get();
        d[0]++;
        return new NoGrad(d);
    }

    /** True when ops on this thread should record the graph (no NoGrad scope is open). */
    public static boolean gradEnabled() {
        return DEPTH.get()[0] == 0;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            depth[0]--;
        }
    }
}
