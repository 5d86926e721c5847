package ddpg.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;

/**
 * Reusable scratch memory for the tensors of one training step.
 *
 * <p>A DDPG update creates the same few dozen intermediate tensors (activations and their gradients, a few MB) every
 * time. Allocating them fresh costs memory bandwidth (the JVM zeroes new arrays) and garbage-collector work. Inside
 * an open arena, ops take their output and gradient arrays from a pool instead; closing the arena returns them all.
 * <pre>
 *   Arena arena = new Arena();                    // keep one per agent/thread
 *   for (...) {
 *       try (Arena step = arena.enter()) {
 *           Tensor loss = ...; Graph.backward(loss); optimizer.step();
 *           lossValue = loss.item();              // copy out what you need before the scope ends
 *       }                                         // every tensor made by an op in the scope is now invalid
 *   }
 * </pre>
 * Only op outputs and gradients of op outputs are pooled. Tensors you create with {@code Tensor.zeros(...)} etc.
 * (parameters, inputs) are ordinary arrays and are not affected. Using a pooled tensor after its scope closed throws
 * an {@link IllegalStateException} instead of reading recycled memory. Without an open arena ops simply allocate.
 */
public final class Arena implements AutoCloseable {
    private static final ThreadLocal<Arena> CURRENT = new ThreadLocal<>();

    private final HashMap<Integer, ArrayDeque<float[]>> free = new HashMap<>();
    private final ArrayList<float[]> borrowed = new ArrayList<>();
    private int epoch;
    private boolean open;
    private Arena previous;

    /** Makes this arena the current one on this thread until {@link #close()}. */
    public Arena enter() {
        if (open) throw new IllegalStateException("this Arena is already entered; close it before entering it again");
        open = true;
        previous = CURRENT.get();
        CURRENT.set(this);
        return this;
    }

    /** Returns every borrowed array to the pool and invalidates the tensors that used them. */
    @Override
    public void close() {
        if (!open) return;
        for (float[] a : borrowed) free.computeIfAbsent(a.length, k -> new ArrayDeque<>()).push(a);
        borrowed.clear();
        epoch++;
        open = false;
        CURRENT.set(previous);
        previous = null;
    }

    /** The arena open on this thread, or null. */
    static Arena current() {
        return CURRENT.get();
    }

    int epoch() {
        return epoch;
    }

    boolean isOpen() {
        return open;
    }

    /** An array of exactly {@code n} floats with arbitrary contents. */
    float[] borrow(int n) {
        ArrayDeque<float[]> q = free.get(n);
        float[] a = (q == null || q.isEmpty()) ? new float[n] : q.pop();
        borrowed.add(a);
        return a;
    }

    /** Bytes held by the pool, in use or not (for diagnostics). */
    public long pooledBytes() {
        long n = 0;
        for (float[] a : borrowed) n += 4L * a.length;
        for (ArrayDeque<float[]> q : free.values()) for (float[] a : q) n += 4L * a.length;
        return n;
    }
}
