package ddpg.engine.ops;

import ddpg.engine.Tensor;
import ddpg.engine.autograd.Graph;
import ddpg.engine.kernels.Elementwise;
import ddpg.engine.kernels.Gemm;
import ddpg.engine.kernels.Kernels;
import ddpg.engine.kernels.Parallel;

import java.util.Arrays;

/**
 * Matrix products, the ops that do nearly all the arithmetic of a network. All three GEMM forms appear:
 * <pre>
 *   forward   Y  = X W            nn
 *   backward  dX = dY W^T         nt      (each input feature collects from every output it fed)
 *   backward  dW = X^T dY         tn      (summed over the batch)
 * </pre>
 * The kernels come from {@link Kernels#gemm()}, which picks the SIMD implementation when available.
 */
public final class Products {
    private Products() {}

    /** a [m, k] times b [k, n] gives [m, n]. */
    public static Tensor matmul(Tensor a, Tensor b) {
        if (a.rank() != 2 || b.rank() != 2 || a.cols() != b.rows()) {
            throw new IllegalArgumentException("matmul needs [m, k] x [k, n], got " + Arrays.toString(a.shape())
                    + " x " + Arrays.toString(b.shape()));
        }
        int m = a.rows(), k = a.cols(), n = b.cols();
        Tensor out = Tensor.scratch(m, n);
        Gemm gemm = Kernels.gemm();
        gemm.nn(m, k, n, a.data(), b.data(), out.data(), false);
        if (Graph.needsGrad(a, b)) {
            Graph.record(out, "matmul", () -> {
                float[] g = out.grad();
                if (a.requiresGrad()) {            // dA = dY B^T
                    boolean acc = a.hasGrad();
                    gemm.nt(m, n, k, g, b.data(), a.gradForOverwrite(), acc);
                }
                if (b.requiresGrad()) {            // dB = A^T dY
                    boolean acc = b.hasGrad();
                    gemm.tn(k, m, n, a.data(), g, b.gradForOverwrite(), acc);
                }
            }, a, b);
        }
        return out;
    }

    /**
     * A fully connected layer: x [batch, in] times weight [in, out] plus bias [out] (broadcast over the batch).
     * The bias is fused: each output row starts as a copy of the bias and the GEMM accumulates onto it.
     * The weight is stored [in, out] so the forward pass is the plain nn product. {@code bias} may be null.
     */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        checkLinear(x, weight, bias);
        Tensor out = linearNoRecord(x, weight, bias);
        if (Graph.needsGrad(x, weight, bias)) {
            Graph.record(out, "linear", () -> linearBackward(x, weight, bias, out.grad()), x, weight, bias);
        }
        return out;
    }

    /**
     * {@code relu(linear(x, weight, bias))} as one op, the hidden layer of an MLP: the same bits, but the product
     * stores each output once, already biased and clipped ({@link Gemm#nnBiasRelu}), where the two ops write the
     * output three times (bias rows, product, ReLU). The backward pass is the two ops' rules in turn: ReLU's mask
     * (see {@link Activations#relu}), then linear's three products on the masked gradient.
     */
    public static Tensor linearRelu(Tensor x, Tensor weight, Tensor bias) {
        checkLinear(x, weight, bias);
        if (bias == null) throw new IllegalArgumentException("linearRelu needs a bias");
        int batch = x.rows(), in = x.cols(), outF = weight.cols();
        Tensor out = Tensor.scratch(batch, outF);
        Kernels.gemm().nnBiasRelu(batch, in, outF, x.data(), weight.data(), bias.data(), out.data());
        if (Graph.needsGrad(x, weight, bias)) {
            Graph.record(out, "linearRelu", () -> linearBackward(x, weight, bias, reluMasked(out)), x, weight, bias);
        }
        return out;
    }

    /** The gradient before the ReLU of {@code out = relu(z)}: out.grad where out &gt; 0, else 0 (ReLU's rule). */
    private static float[] reluMasked(Tensor out) {
        float[] g = out.grad(), gz = Tensor.scratchLike(out).data();
        Elementwise.reluMask(out.data(), g, gz, g.length);    // the bits of Activations.relu's rule on a zeroed gz
        return gz;
    }

    /**
     * linear's backward rules, given dY = {@code g}: dX, dW and db, each accumulated when a gradient is there.
     * dX and (dW, db) read the same dY and write different arrays, so on two threads they run side by side
     * ({@link #inputAndParameterGrads}).
     */
    private static void linearBackward(Tensor x, Tensor weight, Tensor bias, float[] g) {
        Gemm gemm = Kernels.gemm();
        int batch = x.rows(), in = x.cols(), outF = weight.cols();
        Runnable inputGrad = null;
        if (x.requiresGrad()) {            // dX = dY W^T          [batch, out] x [out, in]
            boolean acc = x.hasGrad();
            float[] gx = x.gradForOverwrite();
            inputGrad = () -> gemm.nt(batch, outF, in, g, weight.data(), gx, acc);
        }
        inputAndParameterGrads(inputGrad, (long) batch * outF * in, x.data(), g, batch, in, weight, bias);
    }

    /**
     * Runs {@code inputGrad} (a product of {@code inputGradMacs} multiply-adds, or null) and the parameter gradients
     * dW = X^T dY, db = column sums of dY. When both products are large, on two threads they run at the same time,
     * each on one thread ({@link Parallel#alongside}): one hand-over instead of one per product, and each thread packs
     * and reads its own operands. The arrays they write are taken here, on the calling thread, since the arena is not
     * shared.
     */
    private static void inputAndParameterGrads(Runnable inputGrad, long inputGradMacs, float[] xd, float[] g,
                                               int batch, int in, Tensor weight, Tensor bias) {
        Gemm gemm = Kernels.gemm();
        int outF = weight.cols();
        boolean weightGrad = weight.requiresGrad(), biasGrad = bias != null && bias.requiresGrad();
        boolean accW = weightGrad && weight.hasGrad(), accB = biasGrad && bias.hasGrad();
        float[] gw = weightGrad ? weight.gradForOverwrite() : null, gb = biasGrad ? bias.gradForOverwrite() : null;
        Runnable parameterGrads = () -> {
            if (gw != null) gemm.tn(in, batch, outF, xd, g, gw, accW);          // dW = X^T dY  [in, batch] x [batch, out]
            if (gb != null) Elementwise.columnSums(g, batch, outF, gb, accB);   // db = column sums of dY
        };
        long weightGradMacs = (long) in * batch * outF;
        if (inputGrad != null && gw != null && Parallel.worthRunningAlongside(Math.min(inputGradMacs, weightGradMacs))) {
            Parallel.alongside(inputGrad, parameterGrads);
        } else {
            if (inputGrad != null) inputGrad.run();
            parameterGrads.run();
        }
    }

    private static void checkLinear(Tensor x, Tensor weight, Tensor bias) {
        if (x.rank() != 2 || weight.rank() != 2 || x.cols() != weight.rows()) {
            throw new IllegalArgumentException("linear: input " + Arrays.toString(x.shape()) + " does not fit weight "
                    + Arrays.toString(weight.shape()) + " (expected input [batch, " + weight.rows() + "])");
        }
        if (bias != null && bias.size() != weight.cols()) {
            throw new IllegalArgumentException("linear: bias " + Arrays.toString(bias.shape()) + " does not fit "
                    + weight.cols() + " outputs");
        }
    }

    /**
     * {@code linear(concatColumns(parts), weight, bias)} as one op: the same values, but the backward pass computes
     * an input gradient only for the parts that need one.
     *
     * <p>Why: the DDPG critic reads [features(s), action]. In the actor update only dQ/d(action) is needed, i.e. 6
     * of the 406 input columns at walker sizes; a separate concat + linear would compute all 406 (dX = dY W^T,
     * about 15 MFLOP, a tenth of the update). The rows of W that multiply part p form a contiguous block of W, so
     * dX_p = dY W_p^T is a small GEMM of its own.
     */
    public static Tensor linearOfConcat(Tensor[] parts, Tensor weight, Tensor bias) {
        return linearOfConcat(parts, weight, bias, false);
    }

    /** {@code relu(linearOfConcat(parts, weight, bias))} as one op, fused as in {@link #linearRelu}. */
    public static Tensor linearOfConcatRelu(Tensor[] parts, Tensor weight, Tensor bias) {
        if (bias == null) throw new IllegalArgumentException("linearOfConcatRelu needs a bias");
        return linearOfConcat(parts, weight, bias, true);
    }

    private static Tensor linearOfConcat(Tensor[] parts, Tensor weight, Tensor bias, boolean relu) {
        Tensor x = concatValues(parts);
        int batch = x.rows(), in = x.cols(), outF = weight.cols();
        if (weight.rank() != 2 || in != weight.rows()) {
            throw new IllegalArgumentException("linearOfConcat: the parts have " + in + " columns in total but weight is "
                    + Arrays.toString(weight.shape()));
        }
        checkLinear(x, weight, bias);
        Tensor out;
        if (relu) {
            out = Tensor.scratch(batch, outF);
            Kernels.gemm().nnBiasRelu(batch, in, outF, x.data(), weight.data(), bias.data(), out.data());
        } else {
            out = linearNoRecord(x, weight, bias);
        }
        Tensor[] inputs = Arrays.copyOf(parts, parts.length + 2);
        inputs[parts.length] = weight;
        inputs[parts.length + 1] = bias;
        if (Graph.needsGrad(inputs)) {
            Gemm gemm = Kernels.gemm();
            Graph.record(out, relu ? "linearOfConcatRelu" : "linearOfConcat", () -> {
                float[] g = relu ? reluMasked(out) : out.grad(), w = weight.data();
                // dX_p = dY W_p^T for each part that needs it, W_p = rows [offset, offset + c) of W
                Runnable[] partGrads = new Runnable[parts.length];
                long macs = 0;
                int offset = 0;                    // first input column of the current part = first row of its W block
                for (int i = 0; i < parts.length; i++) {
                    Tensor p = parts[i];
                    int c = p.cols();
                    if (p.requiresGrad()) {
                        float[] block = w;
                        if (offset > 0) {
                            block = Tensor.scratch(c, outF).data();
                            System.arraycopy(w, offset * outF, block, 0, c * outF);
                        }
                        boolean acc = p.hasGrad();
                        float[] gp = p.gradForOverwrite(), wp = block;
                        partGrads[i] = () -> gemm.nt(batch, outF, c, g, wp, gp, acc);
                        macs += (long) batch * outF * c;
                    }
                    offset += c;
                }
                Runnable inputGrads = macs == 0 ? null : () -> {
                    for (Runnable r : partGrads) if (r != null) r.run();
                };
                inputAndParameterGrads(inputGrads, macs, x.data(), g, batch, in, weight, bias);
            }, inputs);
        }
        return out;
    }

    /** The parts side by side, as a scratch tensor outside the graph. */
    private static Tensor concatValues(Tensor[] parts) {
        if (parts.length == 0) throw new IllegalArgumentException("linearOfConcat needs at least one part");
        int rows = parts[0].rows(), total = 0;
        for (Tensor p : parts) {
            if (p.rank() != 2 || p.rows() != rows) {
                throw new IllegalArgumentException("linearOfConcat needs matrices with equal row counts, got "
                        + Arrays.toString(Arrays.stream(parts).map(t -> Arrays.toString(t.shape())).toArray()));
            }
            total += p.cols();
        }
        Tensor x = Tensor.scratch(rows, total);
        float[] xd = x.data();
        int offset = 0;
        for (Tensor p : parts) {
            float[] pd = p.data();
            int c = p.cols();
            for (int i = 0; i < rows; i++) System.arraycopy(pd, i * c, xd, i * total + offset, c);
            offset += c;
        }
        return x;
    }

    /** Forward of linear without recording: rows start as copies of the bias and the GEMM accumulates onto them. */
    private static Tensor linearNoRecord(Tensor x, Tensor weight, Tensor bias) {
        int batch = x.rows(), in = x.cols(), outF = weight.cols();
        Tensor out = Tensor.scratch(batch, outF);
        float[] y = out.data();
        if (bias != null) { // every row starts from the bias; the product is then added on
            float[] bd = bias.data();
            if (Parallel.worthSplitting((long) batch * outF)) {
                Parallel.forRange(batch, outF, (from, to) -> {
                    for (int i = from; i < to; i++) System.arraycopy(bd, 0, y, i * outF, outF);
                });
            } else {
                for (int i = 0; i < batch; i++) System.arraycopy(bd, 0, y, i * outF, outF);
            }
        }
        Kernels.gemm().nn(batch, in, outF, x.data(), weight.data(), y, bias != null);
        return out;
    }
}
