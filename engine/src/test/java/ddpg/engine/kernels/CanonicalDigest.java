package ddpg.engine.kernels;

import ddpg.engine.Arena;
import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import ddpg.engine.nn.Sequential;
import ddpg.engine.nn.Mlp;
import ddpg.engine.ops.Losses;
import ddpg.engine.optim.Adam;
import ddpg.engine.optim.TargetUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Prints one line per computation, {@code name: digest of the result's bits}, with the kernels this JVM selected
 * ({@code -Dddpg.kernels=scalar|simd128|simd256|simd512}). {@link CrossWidthBitsTest} runs it once per path and
 * demands identical lines. Covered: the reductions on ragged lengths, every elementwise kernel, the row/column
 * kernels, Adam and Polyak, every GEMM variant in all forms (n = 1, fewer than four rows, ragged tiles, two K
 * blocks, split across threads), and 30 training steps of a small BatchNorm MLP with Adam and a Polyak target.
 * Within one JVM every GEMM variant must agree, or the line says MISMATCH.
 */
public final class CanonicalDigest {
    static final int[] LENGTHS = {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 47, 63, 64, 65, 67, 100, 255, 256, 257,
        1000, 1023, 4099};

    public static void main(String[] args) {
        System.out.println("kernels " + Kernels.description());
        for (String line : lines()) System.out.println(line);
    }

    static List<String> lines() {
        List<String> out = new ArrayList<>();
        ElementwiseKernels e = Kernels.elementwise();
        for (int n : LENGTHS) {
            float[] a = wide(n, 1000L + n), b = wide(n, 2000L + n);
            out.add("sum n=" + n + ": " + hex(e.sum(a, n)));
            out.add("dot n=" + n + ": " + hex(e.dot(a, b, n)));
            out.add("sumOfSquares n=" + n + ": " + hex(e.sumOfSquares(a, n)));
            out.add("sum of ones n=" + n + ": " + hex(e.sum(filled(n, 0.1f), n)));
        }
        for (int n : new int[] {1, 15, 17, 33, 1000}) elementwise(out, e, n);
        for (int[] s : new int[][] {{1, 1}, {3, 17}, {17, 3}, {64, 33}, {7, 400}, {256, 6}}) rows(out, e, s[0], s[1]);
        gemms(out);
        training(out);
        return out;
    }

    private static void elementwise(List<String> out, ElementwiseKernels e, int n) {
        op(out, "add", n, 3, x -> e.add(x[0], x[1], x[2], n));
        op(out, "sub", n, 3, x -> e.sub(x[0], x[1], x[2], n));
        op(out, "mul", n, 3, x -> e.mul(x[0], x[1], x[2], n));
        op(out, "div", n, 3, x -> e.div(x[0], x[1], x[2], n));
        op(out, "scale", n, 2, x -> e.scale(x[0], -1.7f, x[1], n));
        op(out, "addScalar", n, 2, x -> e.addScalar(x[0], 0.3f, x[1], n));
        op(out, "axpy", n, 2, x -> e.axpy(0.37f, x[0], x[1], n));
        op(out, "mulAddTo", n, 3, x -> e.mulAddTo(x[0], x[1], x[2], n));
        op(out, "relu", n, 2, x -> e.relu(x[0], x[1], n));
        op(out, "reluBackward", n, 3, x -> e.reluBackward(x[0], x[1], x[2], n));
        op(out, "reluMask", n, 3, x -> e.reluMask(x[0], x[1], x[2], 0, n));
        op(out, "tanh", n, 2, x -> e.tanh(x[0], x[1], n));
        op(out, "tanhBackward", n, 3, x -> e.tanhBackward(x[0], x[1], x[2], n));
        op(out, "flushSubnormals", n, 1, x -> {
            for (int i = 0; i < n; i += 3) x[0][i] *= 1e-39f;
            e.flushSubnormals(x[0], 0, n);
        });
        op(out, "adamStep", n, 4, x -> {
            for (int t = 1; t <= 3; t++) {
                e.adamStep(x[0], x[1], x[2], x[3], 0, n, 1e-3f, 0.9f, 0.999f, 1e-8f, 1e-2f,
                        (float) (1 - Math.pow(0.9, t)), (float) (1 - Math.pow(0.999, t)));
            }
        });
        op(out, "polyak", n, 2, x -> e.polyak(x[0], x[1], 0.005f, 0, n));
    }

    private static void rows(List<String> out, ElementwiseKernels e, int r, int c) {
        int n = r * c;
        String shape = r + "x" + c;
        op(out, "addRowVector " + shape, n, 3, x -> e.addRowVector(x[0], x[1], x[2], r, c));
        op(out, "scaleShiftRows " + shape, n, 4, x -> e.scaleShiftRows(x[0], x[1], x[2], x[3], r, c));
        op(out, "columnSums " + shape, n, 2, x -> e.columnSums(x[0], r, c, x[1], true));
        op(out, "columnSums overwrite " + shape, n, 2, x -> e.columnSums(x[0], r, c, x[1], false));
    }

    /** Runs f on fresh inputs (some negative zeros, some tiny values) and digests every array afterwards. */
    private static void op(List<String> out, String name, int n, int arrays, Consumer<float[][]> f) {
        float[][] x = new float[arrays][];
        for (int i = 0; i < arrays; i++) {
            x[i] = wide(n, name.hashCode() * 31L + i * 7L + n);
            if (n > 3) x[i][1] = -0.0f;
        }
        if (name.equals("adamStep")) for (int j = 0; j < n; j++) x[3][j] = Math.abs(x[3][j]);   // v >= 0
        f.accept(x);
        out.add(name + " n=" + n + ": " + digest(x));
    }

    static void gemms(List<String> out) {
        List<Gemm> variants = new ArrayList<>(Kernels.gemmVariants(1));
        if (Kernels.vectorAvailable()) {
            variants.add(new ParallelGemm(2, 0));
            variants.add(new ParallelGemm(3, 0));
        }
        int[][] shapes = {
            {1, 1, 1}, {1, 7, 33}, {3, 17, 15}, {2, 65, 1}, {37, 300, 1}, {17, 1, 19}, {8, 16, 32}, {9, 33, 17},
            {33, 24, 70}, {64, 6, 300}, {17, 513, 23}, {40, 1100, 70}, {5, 600, 9}, {65, 67, 257},
            {1, 256, 21}, {1, 67, 6}, {2, 600, 5}, {1, 24, 3}, {2, 67, 260}, // acting: few rows, narrow or 256+ outputs
            {40, 600, 6}, {33, 24, 7}, {9, 5, 2}, // 2 to 8 columns: NarrowGemm at 16 lanes
        };
        for (int[] s : shapes) {
            int m = s[0], k = s[1], n = s[2];
            for (String form : new String[] {"nn", "nt", "tn"}) {
                for (boolean acc : new boolean[] {false, true}) {
                    Random r = new Random(31L * m + 7L * k + n + form.hashCode() + (acc ? 1 : 0));
                    float[] a = wide(m * k, r.nextLong()), b = wide(k * n, r.nextLong()), c0 = wide(m * n, r.nextLong());
                    String name = "gemm " + form + " " + m + "x" + k + "x" + n + (acc ? " acc" : "");
                    String first = null;
                    for (Gemm g : variants) {
                        float[] c = c0.clone();
                        GemmTest.run(g, form, m, k, n, a, b, c, acc);
                        String d = digest(new float[][] {c});
                        if (first == null) first = d;
                        else if (!first.equals(d)) first = "MISMATCH (" + g.name() + ")";
                    }
                    out.add(name + ": " + first);
                }
            }
            Random r = new Random(31L * m + 7L * k + n + 5);
            float[] a = wide(m * k, r.nextLong()), b = wide(k * n, r.nextLong()), bias = wide(n, r.nextLong());
            String first = null;
            for (Gemm g : variants) {
                float[] c = new float[m * n];
                g.nnBiasRelu(m, k, n, a, b, bias, c);
                String d = digest(new float[][] {c});
                if (first == null) first = d;
                else if (!first.equals(d)) first = "MISMATCH (" + g.name() + ")";
            }
            out.add("gemm nnBiasRelu " + m + "x" + k + "x" + n + ": " + first);
        }
    }

    /** 30 steps of a BatchNorm MLP regression with Adam and a Polyak-averaged copy: the ops working together. */
    static void training(List<String> out) {
        Rng rng = new Rng(5);
        Sequential net = Mlp.input(13, rng).linear(37).batchNorm().relu().linear(19).tanh().finalLinear(3, 3e-3f).build();
        Sequential target = Mlp.input(13, new Rng(6)).linear(37).batchNorm().relu().linear(19).tanh().finalLinear(3, 3e-3f).build();
        TargetUpdate.hard(target, net);
        Adam adam = new Adam(net.namedParameters(), 1e-3).weightDecay(1e-4);
        Arena arena = new Arena();
        for (int step = 0; step < 30; step++) {
            try (Arena s = arena.enter()) {
                Tensor x = Tensor.normal(rng, 0f, 1f, 21, 13), y = Tensor.normal(rng, 0f, 0.5f, 21, 3);
                Tensor loss = Losses.mse(net.forward(x), y);
                adam.zeroGrad();
                loss.backward();
                adam.step();
                TargetUpdate.soft(target, net, 0.05f);
            }
        }
        List<float[]> all = new ArrayList<>();
        for (Map.Entry<String, Tensor> t : net.stateDict().entrySet()) all.add(t.getValue().data());
        for (Map.Entry<String, Tensor> t : target.stateDict().entrySet()) all.add(t.getValue().data());
        for (Map.Entry<String, Tensor> t : adam.state().entrySet()) all.add(t.getValue().data());
        out.add("mlp training 30 steps: " + digest(all.toArray(new float[0][])));
    }

    /** Values over seven decades, so that any change in the order of additions shows in the last bits. */
    static float[] wide(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(7) - 3));
        return x;
    }

    private static float[] filled(int n, float v) {
        float[] x = new float[n];
        java.util.Arrays.fill(x, v);
        return x;
    }

    static String hex(float f) {
        return String.format("%08x", Float.floatToRawIntBits(f));
    }

    /** FNV-1a over the raw bits of every value, plus the lengths. */
    static String digest(float[][] arrays) {
        long h = 0xcbf29ce484222325L;
        for (float[] x : arrays) {
            h = (h ^ x.length) * 0x100000001b3L;
            for (float v : x) h = (h ^ Float.floatToRawIntBits(v)) * 0x100000001b3L;
        }
        return String.format("%016x", h);
    }
}
