package ddpg.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The elementwise kernels with the Vector API: a vector loop over {@code S.loopBound(n)} and a scalar tail doing
 * exactly what {@link ScalarElementwise} does (tails avoid masked loads, which JDK 17 compiles poorly). The
 * operations are the same IEEE operations in the same order as the reference (a multiply and an add where it
 * multiplies and adds, an fma where it fuses), tanh is {@link FloatTanh}'s, and the reductions follow the canonical
 * 16-partial layout ({@link ScalarElementwise#PARTIALS}) at any vector width, so every result is bit-identical to
 * the reference. Loaded only when the Vector API is.
 */
final class VectorElementwise implements ElementwiseKernels {
    private static final VectorSpecies<Float> S = VectorInfo.SPECIES;
    private static final int L = S.length();
    /** Partial sums of the canonical reductions (any other lane count, e.g. 2, uses the scalar reference). */
    private static final int P = ScalarElementwise.PARTIALS;
    private static final ScalarElementwise SCALAR = new ScalarElementwise();

    @Override
    public void add(float[] a, float[] b, float[] out, int n) {
        int i = 0;
        for (int e = S.loopBound(n); i < e; i += L)
            FloatVector.fromArray(S, a, i).add(FloatVector.fromArray(S, b, i)).intoArray(out, i);
        for (; i < n; i++) out[i] = a[i] + b[i];
    }

    @Override
    public void sub(float[] a, float[] b, float[] out, int n) {
        int i = 0;
        for (int e = S.loopBound(n); i < e; i += L)
            FloatVector.fromArray(S, a, i).sub(FloatVector.fromArray(S, b, i)).intoArray(out, i);
        for (; i < n; i++) out[i] = a[i] - b[i];
    }

    @Override
    public void mul(float[] a, float[] b, float[] out, int n) {
        int i = 0;
        for (int e = S.loopBound(n); i < e; i += L)
            FloatVector.fromArray(S, a, i).mul(FloatVector.fromArray(S, b, i)).intoArray(out, i);
        for (; i < n; i++) out[i] = a[i] * b[i];
    }

    @Override
    public void div(float[] a, float[] b, float[] out, int n) {
        int i = 0;
        for (int e = S.loopBound(n); i < e; i += L)
            FloatVector.fromArray(S, a, i).div(FloatVector.fromArray(S, b, i)).intoArray(out, i);
        for (; i < n; i++) out[i] = a[i] / b[i];
    }

    @Override
    public void scale(float[] a, float s, float[] out, int n) {
        int i = 0;
        for (int e = S.loopBound(n); i < e; i += L) FloatVector.fromArray(S, a, i).mul(s).intoArray(out, i);
        for (; i < n; i++) out[i] = s * a[i];
    }

    @Override
    public void addScalar(float[] a, float s, float[] out, int n) {
        int i = 0;
        for (int e = S.loopBound(n); i < e; i += L) FloatVector.fromArray(S, a, i).add(s).intoArray(out, i);
        for (; i < n; i++) out[i] = a[i] + s;
    }

    @Override
    public void axpy(float alpha, float[] x, float[] y, int n) {
        int i = 0;
        for (int e = S.loopBound(n); i < e; i += L)
            FloatVector.fromArray(S, x, i).mul(alpha).add(FloatVector.fromArray(S, y, i)).intoArray(y, i);
        for (; i < n; i++) y[i] += alpha * x[i];
    }

    @Override
    public void mulAddTo(float[] a, float[] b, float[] y, int n) {
        int i = 0;
        for (int e = S.loopBound(n); i < e; i += L)
            FloatVector.fromArray(S, a, i).mul(FloatVector.fromArray(S, b, i)).add(FloatVector.fromArray(S, y, i))
                    .intoArray(y, i);
        for (; i < n; i++) y[i] += a[i] * b[i];
    }

    @Override
    public void addRowVector(float[] a, float[] row, float[] out, int rows, int cols) {
        int cv = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int o = r * cols, c = 0;
            for (; c < cv; c += L)
                FloatVector.fromArray(S, a, o + c).add(FloatVector.fromArray(S, row, c)).intoArray(out, o + c);
            for (; c < cols; c++) out[o + c] = a[o + c] + row[c];
        }
    }

    @Override
    public void scaleShiftRows(float[] a, float[] scale, float[] shift, float[] out, int rows, int cols) {
        int cv = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int o = r * cols, c = 0;
            for (; c < cv; c += L)
                FloatVector.fromArray(S, a, o + c).mul(FloatVector.fromArray(S, scale, c))
                        .add(FloatVector.fromArray(S, shift, c)).intoArray(out, o + c);
            for (; c < cols; c++) out[o + c] = a[o + c] * scale[c] + shift[c];
        }
    }

    @Override
    public void columnSums(float[] a, int rows, int cols, float[] out, boolean accumulate, int from, int to) {
        if (!accumulate) java.util.Arrays.fill(out, from, to, 0f);
        int cv = from + S.loopBound(to - from);
        for (int r = 0; r < rows; r++) {
            int o = r * cols, c = from;
            for (; c < cv; c += L)
                FloatVector.fromArray(S, out, c).add(FloatVector.fromArray(S, a, o + c)).intoArray(out, c);
            for (; c < to; c++) out[c] += a[o + c];
        }
    }

    @Override
    public void relu(float[] x, float[] out, int from, int to) {
        int i = from;
        for (int e = from + S.loopBound(to - from); i < e; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            // blend, not max(v, 0): max would turn -0.0 into 0.0 and NaN stays NaN either way; this mirrors x > 0 ? x : 0.
            v.blend(0f, v.compare(VectorOperators.GT, 0f).not()).intoArray(out, i);
        }
        for (; i < to; i++) out[i] = x[i] > 0f ? x[i] : 0f;
    }

    @Override
    public void reluBackward(float[] x, float[] dy, float[] dx, int from, int to) {
        int i = from;
        for (int e = from + S.loopBound(to - from); i < e; i += L) {
            VectorMask<Float> pos = FloatVector.fromArray(S, x, i).compare(VectorOperators.GT, 0f);
            FloatVector d = FloatVector.fromArray(S, dx, i);
            d.add(FloatVector.fromArray(S, dy, i), pos).intoArray(dx, i);
        }
        for (; i < to; i++) if (x[i] > 0f) dx[i] += dy[i];
    }

    @Override
    public void reluMask(float[] x, float[] dy, float[] dz, int from, int to) {
        FloatVector zero = FloatVector.zero(S);
        int i = from;
        for (int e = from + S.loopBound(to - from); i < e; i += L) {
            VectorMask<Float> pos = FloatVector.fromArray(S, x, i).compare(VectorOperators.GT, 0f);
            zero.add(FloatVector.fromArray(S, dy, i), pos).intoArray(dz, i);
        }
        for (; i < to; i++) dz[i] = x[i] > 0f ? 0f + dy[i] : 0f;
    }

    @Override
    public void tanh(float[] x, float[] out, int from, int to) {
        // Not lanewise(TANH): its result changes in the last bit once C2 compiles it (an SVML stub vs the Java
        // fallback), which breaks bit-for-bit repeatability. FloatTanh is the same in every JIT state.
        FloatTanh.tanh(x, out, from, to);
    }

    @Override
    public void tanhBackward(float[] y, float[] dy, float[] dx, int from, int to) {
        int i = from;
        for (int e = from + S.loopBound(to - from); i < e; i += L) {
            FloatVector yv = FloatVector.fromArray(S, y, i);
            FloatVector g = FloatVector.fromArray(S, dy, i).mul(yv.mul(yv).neg().add(1f));
            g.add(FloatVector.fromArray(S, dx, i)).intoArray(dx, i);
        }
        for (; i < to; i++) dx[i] += dy[i] * (1f - y[i] * y[i]);
    }

    /**
     * The canonical sum: 16 partials (one register of 16 lanes, two of 8 or four of 4; L is a constant, so C2 keeps
     * only one branch), folded by the fixed tree, then the tail in order.
     */
    @Override
    public float sum(float[] a, int n) {
        int blocks = n - n % P, i = 0;
        float s;
        if (L == 16) {
            FloatVector p = FloatVector.zero(S);
            for (; i < blocks; i += P) p = p.add(FloatVector.fromArray(S, a, i));
            s = Lanes.sum(p);
        } else if (L == 8) {
            FloatVector p0 = FloatVector.zero(S), p1 = FloatVector.zero(S);
            for (; i < blocks; i += P) {
                p0 = p0.add(FloatVector.fromArray(S, a, i));
                p1 = p1.add(FloatVector.fromArray(S, a, i + 8));
            }
            s = Lanes.sum(p0.add(p1));                                  // the tree's first fold: lane j + lane j+8
        } else if (L == 4) {
            FloatVector p0 = FloatVector.zero(S), p1 = FloatVector.zero(S);
            FloatVector p2 = FloatVector.zero(S), p3 = FloatVector.zero(S);
            for (; i < blocks; i += P) {
                p0 = p0.add(FloatVector.fromArray(S, a, i));
                p1 = p1.add(FloatVector.fromArray(S, a, i + 4));
                p2 = p2.add(FloatVector.fromArray(S, a, i + 8));
                p3 = p3.add(FloatVector.fromArray(S, a, i + 12));
            }
            s = Lanes.sum(p0.add(p2).add(p1.add(p3)));                 // folds +8, then +4
        } else {
            return SCALAR.sum(a, n);
        }
        for (; i < n; i++) s += a[i];
        return s;
    }

    /** The canonical dot product: {@link #sum}'s layout with fused multiply-adds, the tail fused too. */
    @Override
    public float dot(float[] a, float[] b, int n) {
        int blocks = n - n % P, i = 0;
        float s;
        if (L == 16) {
            FloatVector p = FloatVector.zero(S);
            for (; i < blocks; i += P) p = FloatVector.fromArray(S, a, i).fma(FloatVector.fromArray(S, b, i), p);
            s = Lanes.sum(p);
        } else if (L == 8) {
            FloatVector p0 = FloatVector.zero(S), p1 = FloatVector.zero(S);
            for (; i < blocks; i += P) {
                p0 = FloatVector.fromArray(S, a, i).fma(FloatVector.fromArray(S, b, i), p0);
                p1 = FloatVector.fromArray(S, a, i + 8).fma(FloatVector.fromArray(S, b, i + 8), p1);
            }
            s = Lanes.sum(p0.add(p1));
        } else if (L == 4) {
            FloatVector p0 = FloatVector.zero(S), p1 = FloatVector.zero(S);
            FloatVector p2 = FloatVector.zero(S), p3 = FloatVector.zero(S);
            for (; i < blocks; i += P) {
                p0 = FloatVector.fromArray(S, a, i).fma(FloatVector.fromArray(S, b, i), p0);
                p1 = FloatVector.fromArray(S, a, i + 4).fma(FloatVector.fromArray(S, b, i + 4), p1);
                p2 = FloatVector.fromArray(S, a, i + 8).fma(FloatVector.fromArray(S, b, i + 8), p2);
                p3 = FloatVector.fromArray(S, a, i + 12).fma(FloatVector.fromArray(S, b, i + 12), p3);
            }
            s = Lanes.sum(p0.add(p2).add(p1.add(p3)));
        } else {
            return SCALAR.dot(a, b, n);
        }
        for (; i < n; i++) s = Math.fma(a[i], b[i], s);
        return s;
    }

    @Override
    public float sumOfSquares(float[] a, int n) {
        return dot(a, a, n);
    }

    @Override
    public void flushSubnormals(float[] x, int from, int to) {
        int i = from;
        for (int e = from + S.loopBound(to - from); i < e; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            v.blend(0f, v.abs().compare(VectorOperators.LT, Float.MIN_NORMAL)).intoArray(x, i);
        }
        for (; i < to; i++) if (Math.abs(x[i]) < Float.MIN_NORMAL) x[i] = 0f;
    }

    @Override
    public void adamStep(float[] w, float[] g, float[] m, float[] v, int from, int to, float lr, float beta1, float beta2,
                         float eps, float weightDecay, float bc1, float bc2) {
        float stepSize = lr / bc1;
        float invSqrtBc2 = (float) (1.0 / Math.sqrt(bc2));
        float oneMinusB1 = 1f - beta1, oneMinusB2 = 1f - beta2;
        int i = from;
        for (int e = from + S.loopBound(to - from); i < e; i += L) {
            FloatVector wv = FloatVector.fromArray(S, w, i);
            FloatVector gi = FloatVector.fromArray(S, g, i).add(wv.mul(weightDecay));
            FloatVector mi = FloatVector.fromArray(S, m, i).mul(beta1).add(gi.mul(oneMinusB1));
            FloatVector vi = FloatVector.fromArray(S, v, i).mul(beta2).add(gi.mul(oneMinusB2).mul(gi));
            mi = mi.blend(0f, mi.abs().compare(VectorOperators.LT, Float.MIN_NORMAL));
            vi = vi.blend(0f, vi.compare(VectorOperators.LT, Float.MIN_NORMAL));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            FloatVector denom = vi.lanewise(VectorOperators.SQRT).mul(invSqrtBc2).add(eps);
            wv = wv.sub(mi.mul(stepSize).div(denom));
            wv.blend(0f, wv.abs().compare(VectorOperators.LT, Float.MIN_NORMAL)).intoArray(w, i);
        }
        ScalarElementwise.adamRange(w, g, m, v, i, to, lr, beta1, beta2, eps, weightDecay, bc1, bc2);
    }

    @Override
    public void polyak(float[] target, float[] source, float tau, int from, int to) {
        float keep = 1f - tau;
        int i = from;
        for (int e = from + S.loopBound(to - from); i < e; i += L) {
            FloatVector t = FloatVector.fromArray(S, target, i).mul(keep).add(FloatVector.fromArray(S, source, i).mul(tau));
            t.blend(0f, t.abs().compare(VectorOperators.LT, Float.MIN_NORMAL)).intoArray(target, i);
        }
        for (; i < to; i++) {
            float t = keep * target[i] + tau * source[i];
            target[i] = Math.abs(t) < Float.MIN_NORMAL ? 0f : t;
        }
    }

    @Override
    public String name() {
        return "vector";
    }
}
