package ddpg.engine;

import ddpg.engine.autograd.Graph;
import ddpg.engine.autograd.Node;
import ddpg.engine.ops.Activations;
import ddpg.engine.ops.Arithmetic;
import ddpg.engine.ops.Pointwise;
import ddpg.engine.ops.Products;
import ddpg.engine.ops.Reductions;
import ddpg.engine.ops.Shapes;

import java.util.Arrays;

/**
 * A float32 array with a shape (rank 0, 1 or 2, stored contiguously row-major), an optional gradient of the same
 * shape, and — when it was produced by an op while gradients are recorded — a link to that op ({@link #creator()}).
 *
 * <p>Shapes: rank 0 is a scalar {@code []}, rank 1 a vector {@code [n]}, rank 2 a matrix {@code [rows, cols]}.
 * For broadcasting and for {@link #rows()}/{@link #cols()} a vector counts as one row and a scalar as 1x1, as in
 * NumPy/PyTorch. A batch of examples is a matrix with one example per row.
 *
 * <p>Gradients: a leaf (made by a factory method, e.g. a parameter) keeps its gradient across backward passes,
 * accumulating, until {@link #zeroGrad()}. An intermediate tensor (made by an op) has its gradient freed at the end
 * of {@link #backward()}, unless {@link #retainGrad()} was called; reading it afterwards is an error.
 */
public final class Tensor {
    private enum GradState { NONE, STALE, LIVE, FREED }

    private final int[] shape;
    private final int rows, cols, size;
    private final float[] data;
    private final Arena arena;     // non-null when data lives in an arena's pool
    private final int arenaEpoch;  // the arena scope this tensor belongs to

    private boolean requiresGrad;
    private boolean retainGrad;
    private float[] grad;
    private GradState gradState = GradState.NONE;
    private Node creator;
    private String name;

    private Tensor(float[] data, int[] shape, Arena arena) {
        this.shape = shape;
        this.rows = shape.length == 2 ? shape[0] : 1;
        this.cols = shape.length == 0 ? 1 : shape[shape.length - 1];
        this.size = rows * cols;
        if (data.length != size) {
            throw new IllegalArgumentException("data has " + data.length + " values but shape " + Arrays.toString(shape)
                    + " needs " + size);
        }
        this.data = data;
        this.arena = arena;
        this.arenaEpoch = arena == null ? 0 : arena.epoch();
    }

    private static int[] checkShape(int... shape) {
        if (shape.length > 2) {
            throw new IllegalArgumentException("tensors have rank 0, 1 or 2; got shape " + Arrays.toString(shape));
        }
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
        }
        return shape.clone();
    }

    private static int count(int[] shape) {
        long n = 1;
        for (int d : shape) n *= d;
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " is too large");
        return (int) n;
    }

    // ---------------------------------------------------------------- creation (never pooled)

    public static Tensor zeros(int... shape) {
        int[] s = checkShape(shape);
        return new Tensor(new float[count(s)], s, null);
    }

    public static Tensor ones(int... shape) {
        return full(1f, shape);
    }

    public static Tensor full(float value, int... shape) {
        Tensor t = zeros(shape);
        Arrays.fill(t.data, value);
        return t;
    }

    public static Tensor scalar(float value) {
        return full(value);
    }

    /** Independent uniform values in [lo, hi) drawn from {@code rng} in row-major order. */
    public static Tensor uniform(Rng rng, float lo, float hi, int... shape) {
        Tensor t = zeros(shape);
        for (int i = 0; i < t.size; i++) t.data[i] = (float) rng.uniform(lo, hi);
        return t;
    }

    /** Independent normal values with the given mean and standard deviation, drawn in row-major order. */
    public static Tensor normal(Rng rng, float mean, float std, int... shape) {
        Tensor t = zeros(shape);
        for (int i = 0; i < t.size; i++) t.data[i] = (float) (mean + std * rng.nextGaussian());
        return t;
    }

    /** A tensor holding a copy of {@code values} (row-major). */
    public static Tensor fromArray(float[] values, int... shape) {
        int[] s = checkShape(shape);
        return new Tensor(values.clone(), s, null);
    }

    /** A 2-D tensor holding a copy of the given rows. */
    public static Tensor fromRows(float[][] rows) {
        int r = rows.length, c = r == 0 ? 0 : rows[0].length;
        Tensor t = zeros(r, c);
        for (int i = 0; i < r; i++) {
            if (rows[i].length != c) throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, expected " + c);
            System.arraycopy(rows[i], 0, t.data, i * c, c);
        }
        return t;
    }

    /** A tensor that uses {@code values} as its storage without copying (e.g. a replay-buffer batch array you refill). */
    public static Tensor wrap(float[] values, int... shape) {
        return new Tensor(values, checkShape(shape), null);
    }

    /** An independent copy of the values (never pooled, so it outlives any {@link Arena} scope), without graph links. */
    public static Tensor copyOf(Tensor t) {
        return new Tensor(t.data().clone(), t.shape.clone(), null);
    }

    /**
     * An output buffer for an op: taken from the current {@link Arena} when one is open, otherwise freshly allocated.
     * Its contents are arbitrary; the op must overwrite every element.
     */
    public static Tensor scratch(int... shape) {
        shape = checkShape(shape);
        Arena a = Arena.current();
        int n = count(shape);
        return a == null ? new Tensor(new float[n], shape, null) : new Tensor(a.borrow(n), shape, a);
    }

    /** A scratch tensor with the same shape as {@code t}. */
    public static Tensor scratchLike(Tensor t) {
        return scratch(t.shape);
    }

    // ---------------------------------------------------------------- shape and values

    /** The shape (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** Number of rows when viewed as a matrix (1 for scalars and vectors). */
    public int rows() {
        return rows;
    }

    /** Number of columns when viewed as a matrix (the length of a vector, 1 for a scalar). */
    public int cols() {
        return cols;
    }

    public int size() {
        return size;
    }

    public boolean sameShape(Tensor o) {
        return Arrays.equals(shape, o.shape);
    }

    /** The storage, row-major. Ops read and write it directly; it is live, not a copy. */
    public float[] data() {
        if (arena != null && arena.epoch() != arenaEpoch) {
            throw new IllegalStateException("tensor " + describeShort() + " was made inside an Arena scope that has closed,"
                    + " so its memory was recycled; copy what you need (item(), toArray(), Tensor.copyOf) inside the scope");
        }
        return data;
    }

    /** The single value of a one-element tensor (a loss, say). */
    public float item() {
        if (size != 1) throw new IllegalArgumentException("item() needs a one-element tensor, got shape " + Arrays.toString(shape));
        return data()[0];
    }

    /** Value of a vector or scalar-as-vector at flat index i. */
    public float get(int i) {
        return data()[i];
    }

    /** Value at row i, column j (2-D view). */
    public float get(int i, int j) {
        checkIndex(i, j);
        return data()[i * cols + j];
    }

    public Tensor set(int i, float v) {
        data()[i] = v;
        return this;
    }

    public Tensor set(int i, int j, float v) {
        checkIndex(i, j);
        data()[i * cols + j] = v;
        return this;
    }

    private void checkIndex(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("index (" + i + ", " + j + ") outside shape " + Arrays.toString(shape));
        }
    }

    /** A copy of the values. */
    public float[] toArray() {
        return data().clone();
    }

    /** Copies values from {@code src} (same number of elements) into this tensor, e.g. to load weights. */
    public Tensor copyFrom(Tensor src) {
        if (src.size != size) {
            throw new IllegalArgumentException("cannot copy " + Arrays.toString(src.shape) + " into " + Arrays.toString(shape));
        }
        System.arraycopy(src.data(), 0, data(), 0, size);
        return this;
    }

    /** Optional name (parameters carry theirs, e.g. "0.weight"); shown by toString. */
    public String name() {
        return name;
    }

    public Tensor name(String name) {
        this.name = name;
        return this;
    }

    // ---------------------------------------------------------------- autograd

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Marks a leaf as a variable to differentiate with respect to (parameters, or an input whose gradient you need). */
    public Tensor requiresGrad(boolean on) {
        if (creator != null && !on) {
            throw new IllegalStateException("cannot turn off requiresGrad on a tensor made by an op; use detach()");
        }
        this.requiresGrad = on;
        return this;
    }

    /** Keeps this intermediate tensor's gradient after backward() (leaves always keep theirs). */
    public Tensor retainGrad() {
        this.retainGrad = true;
        return this;
    }

    /** The op that produced this tensor, or null for a leaf or a tensor made without recording. */
    public Node creator() {
        return creator;
    }

    /** Used by {@link Graph#record}: this tensor now depends on the op's inputs. */
    public void attachCreator(Node node) {
        this.creator = node;
        this.requiresGrad = true;
    }

    /** The same values, cut from the graph: gradients do not flow back through the result. Shares storage. */
    public Tensor detach() {
        Tensor t = new Tensor(data(), shape, arena);
        t.name = name;
        return t;
    }

    /** Shorthand for {@link Graph#backward(Tensor)}: backpropagates from this scalar. */
    public void backward() {
        Graph.backward(this);
    }

    /** Shorthand for {@link Graph#backward(Tensor, float[])}. */
    public void backward(float[] seed) {
        Graph.backward(this, seed);
    }

    /** True when a gradient has been accumulated since the last zeroGrad(). */
    public boolean hasGrad() {
        return gradState == GradState.LIVE;
    }

    /** True when backward() freed this intermediate tensor's gradient. */
    public boolean gradFreed() {
        return gradState == GradState.FREED;
    }

    /**
     * The gradient d(loss)/d(this), same shape as data (the live array). When nothing has been accumulated since the
     * last zeroGrad() it returns a new array of zeros and the tensor still counts as having no gradient (so an
     * optimizer skips it). It is an error for a tensor that does not require grad, and for an intermediate tensor
     * after backward() freed it.
     */
    public float[] grad() {
        if (gradState == GradState.FREED) {
            throw new IllegalStateException("the gradient of intermediate tensor " + describeShort() + " was freed by backward();"
                    + " call retainGrad() on it before backward() to keep it");
        }
        if (!requiresGrad) {
            throw new IllegalStateException("tensor " + describeShort() + " does not require grad, so it has no gradient;"
                    + " call requiresGrad(true) on it before the forward pass");
        }
        if (gradState == GradState.LIVE) return grad;
        return new float[size];
    }

    /** Gradient at row i, column j. */
    public float gradAt(int i, int j) {
        checkIndex(i, j);
        return grad()[i * cols + j];
    }

    /** The gradient as a new tensor (a copy, never pooled). */
    public Tensor gradTensor() {
        return new Tensor(grad().clone(), shape.clone(), null);
    }

    /** Forgets the accumulated gradient (lazily: the array is reused and zeroed only when next written). */
    public void zeroGrad() {
        if (gradState == GradState.LIVE) gradState = GradState.STALE;
        else if (gradState == GradState.FREED) gradState = GradState.NONE;
    }

    /**
     * For backward rules: the gradient array ready to be added into ({@code +=}), zero-filled on first use.
     * Pooled tensors get their gradient from the same arena.
     */
    public float[] gradAccumulator() {
        if (gradState != GradState.LIVE) {
            float[] g = gradForOverwrite();
            Arrays.fill(g, 0, size, 0f);
        }
        return grad;
    }

    /**
     * For backward rules that write every element themselves when {@link #hasGrad()} is false (e.g. a GEMM with
     * accumulate = false): the gradient array without zero-filling. Marks the gradient live.
     */
    public float[] gradForOverwrite() {
        if (grad == null) {
            grad = (arena != null) ? arena.borrow(size) : new float[size];
        } else if (arena != null) {
            data(); // check the scope is still open
        }
        gradState = GradState.LIVE;
        return grad;
    }

    /** Called by backward() on every intermediate tensor once the pass is done: frees the gradient and the graph links. */
    public void releaseAfterBackward() {
        creator = null;
        if (!retainGrad) {
            grad = null;
            gradState = GradState.FREED;
        }
    }

    // ---------------------------------------------------------------- fluent forms of the ops (see ddpg.engine.ops)

    public Tensor add(Tensor o) { return Arithmetic.add(this, o); }
    public Tensor sub(Tensor o) { return Arithmetic.sub(this, o); }
    public Tensor mul(Tensor o) { return Arithmetic.mul(this, o); }
    public Tensor div(Tensor o) { return Arithmetic.div(this, o); }
    public Tensor neg() { return Arithmetic.neg(this); }
    public Tensor scale(float c) { return Arithmetic.scale(this, c); }
    public Tensor addScalar(float c) { return Arithmetic.addScalar(this, c); }
    public Tensor matmul(Tensor o) { return Products.matmul(this, o); }
    public Tensor transpose() { return Shapes.transpose(this); }
    public Tensor sum() { return Reductions.sum(this); }
    public Tensor sum(int axis) { return Reductions.sum(this, axis, false); }
    public Tensor mean() { return Reductions.mean(this); }
    public Tensor mean(int axis) { return Reductions.mean(this, axis, false); }
    public Tensor relu() { return Activations.relu(this); }
    public Tensor tanh() { return Activations.tanh(this); }
    public Tensor sigmoid() { return Activations.sigmoid(this); }
    public Tensor exp() { return Pointwise.exp(this); }
    public Tensor log() { return Pointwise.log(this); }
    public Tensor square() { return Pointwise.square(this); }
    public Tensor sqrt() { return Pointwise.sqrt(this); }
    public Tensor pow(float p) { return Pointwise.pow(this, p); }
    public Tensor clamp(float lo, float hi) { return Pointwise.clamp(this, lo, hi); }

    // ---------------------------------------------------------------- printing

    private String describeShort() {
        return (name != null ? "'" + name + "' " : "") + Arrays.toString(shape);
    }

    /** E.g. {@code Tensor[64, 400] (grad) [0.1234, -0.5678, 0.0012, ..., 0.4321]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tensor");
        if (name != null) sb.append(" '").append(name).append('\'');
        sb.append(Arrays.toString(shape));
        if (creator != null) sb.append(" <").append(creator.op()).append('>');
        else if (requiresGrad) sb.append(" (grad)");
        if (arena != null && arena.epoch() != arenaEpoch) return sb.append(" <recycled>").toString();
        sb.append(" [");
        int show = Math.min(size, 6);
        for (int i = 0; i < show; i++) {
            if (i > 0) sb.append(", ");
            if (i == 4 && size > 6) {
                sb.append("..., ").append(fmt(data[size - 1]));
                break;
            }
            sb.append(fmt(data[i]));
        }
        return sb.append(']').toString();
    }

    private static String fmt(float v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
