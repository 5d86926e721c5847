package ddpg.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fast GEMM: packing, cache blocking and a register-blocked micro-kernel, written with the Vector API.
 *
 * <p>The idea (Goto/BLIS): the naive and row kernels load and store C for every single FMA, so the load/store ports
 * limit them. Here an {@value #MR} x NR tile of C (NR = two vectors, 32 floats with AVX-512) lives in 16 vector
 * registers for the whole k loop; each k step loads two vectors of B and broadcasts {@value #MR} scalars of A,
 * then does 16 FMAs. That is 10 loads per 16 FMAs, so the FMA units, not the loads, set the pace.
 *
 * <p>To feed it, B is first copied ("packed") into the exact order the micro-kernel reads it: NR-column
 * micro-panels {@code bp[p*NR + j]}, zero-padded at the right edge, so each k step reads 128 consecutive bytes.
 * For nt this is a transpose (done with gathers); for nn and tn with at most {@value #B_IN_PLACE_MAX_ROWS} rows the
 * copy costs more than it saves and B is read in place. A needs no copy: the broadcasts read its values where they
 * are, through two strides (row and column step) that are the only thing distinguishing nn/nt from tn; only a
 * ragged last strip of fewer than MR rows is packed into a zero-padded panel. Cache blocking: K is cut into blocks
 * of at most {@value #KC_MAX} (the A strip, MR x KC floats, stays in L1 while it is reused) and N into blocks whose
 * packed B fits in about half of L2 (1 MB here); each A strip is reused across every B panel of the block.
 *
 * <p>A JIT lesson learned the hard way: the 16 accumulators must stay local variables inside one method, with no
 * if/else merging vector values and no helper call that C2 might decline to inline; otherwise C2 keeps them as
 * heap objects and the kernel runs 5x slower.
 *
 * <p>Numerics: each lane of an accumulator is one output's fma chain over one K block, from zero, added to C when
 * the block is done: exactly the canonical arithmetic of {@link Gemm}, with the K blocks of {@link KBlocks}. So the
 * result is the same at any vector width, tile edge or thread split. (Starting the tile from C's values instead,
 * which would save the separate add, made this kernel 15-20% slower under C2.)
 *
 * <p>{@link #compute} computes any rectangle of C, which is what {@link ParallelGemm} splits across threads.
 */
final class VectorBlockedGemm implements Gemm {
    static final VectorSpecies<Float> S = VectorInfo.SPECIES;
    static final int L = S.length();
    /** Rows of the micro-tile. */
    static final int MR = 8;
    /** Columns of the micro-tile: two vectors. */
    static final int NR = 2 * L;
    /** Largest K block; a packed A micro-panel is MR * KC_MAX * 4 bytes = 16 KB. */
    static final int KC_MAX = KBlocks.MAX;
    /** Budget for one packed block of B, about half of a 1 MB L2. */
    static final int B_BLOCK_BYTES = 512 * 1024;

    /** At most this many rows of C: B is read in place instead of packed (nn and tn only). */
    static final int B_IN_PLACE_MAX_ROWS = 4 * MR;
    /** k-values per slice when transposing B for nt (64 rows of a panel = 8 KB). */
    static final int PACK_SLICE = 64;
    private static final ThreadLocal<int[]> GATHER_INDEX = ThreadLocal.withInitial(() -> new int[L + 1]);

    /** {0, k, 2k, ...}: lane l of a gather reads row l of b (cached per thread for the last k). */
    private static int[] gatherIndex(int k) {
        int[] idx = GATHER_INDEX.get();
        if (idx[L] != k) {
            for (int l = 0; l < L; l++) idx[l] = l * k;
            idx[L] = k;
        }
        return idx;
    }

    static final int NN = 0, NT = 1, TN = 2;

    /** Per-thread packing buffers, grown on demand and then reused (no allocation in steady state). */
    private static final class Buffers {
        float[] a = new float[MR * KC_MAX];
        float[] b = new float[0];
        final float[] tile = new float[MR * NR];
        float[] edge = new float[0];

        float[] edge(int size) {
            if (edge.length < size) edge = new float[size];
            return edge;
        }

        float[] b(int size) {
            if (b.length < size) b = new float[size];
            return b;
        }
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    @Override
    public void nn(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        GemmChecks.check("nn", m, k, n, a, b, c);
        compute(NN, m, k, n, a, b, c, accumulate, 0, m, 0, n);
    }

    @Override
    public void nt(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        GemmChecks.check("nt", m, k, n, a, b, c);
        compute(NT, m, k, n, a, b, c, accumulate, 0, m, 0, n);
    }

    @Override
    public void tn(int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate) {
        GemmChecks.check("tn", m, k, n, a, b, c);
        compute(TN, m, k, n, a, b, c, accumulate, 0, m, 0, n);
    }

    @Override
    public String name() {
        return "vector-blocked";
    }

    @Override
    public void nnBiasRelu(int m, int k, int n, float[] a, float[] b, float[] bias, float[] c) {
        GemmChecks.check("nnBiasRelu", m, k, n, a, b, c);
        GemmChecks.checkBias("nnBiasRelu", n, bias);
        if (!fusesBiasRelu(k)) Gemm.super.nnBiasRelu(m, k, n, a, b, bias, c);
        else compute(NN, m, k, n, a, b, c, false, 0, m, 0, n, bias);
    }

    /**
     * The bias and ReLU go into the micro-kernel's store when K is one block (every DDPG layer): C is then written
     * once, as {@code relu(t + bias)}, the same bits as {@code relu(bias + t)}. Longer K takes the default path.
     */
    static boolean fusesBiasRelu(int k) {
        return k >= 1 && k <= KBlocks.MAX;
    }

    /** Computes rows [i0, i1) and columns [j0, j1) of C for the given form; arguments already checked. */
    static void compute(int form, int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate,
                        int i0, int i1, int j0, int j1) {
        compute(form, m, k, n, a, b, c, accumulate, i0, i1, j0, j1, null);
    }

    /**
     * The same, and when {@code biasRelu} is not null (nn, one K block, no accumulation: see {@link #fusesBiasRelu})
     * each output is stored as relu(t + biasRelu[j]).
     */
    static void compute(int form, int m, int k, int n, float[] a, float[] b, float[] c, boolean accumulate,
                        int i0, int i1, int j0, int j1, float[] biasRelu) {
        if (i0 >= i1 || j0 >= j1) return;
        if (k == 0) {
            if (!accumulate) for (int i = i0; i < i1; i++) java.util.Arrays.fill(c, i * n + j0, i * n + j1, 0f);
            return;
        }
        Buffers buf = BUFFERS.get();
        int kcMax = KBlocks.length(k);     // the canonical K blocks: part of the arithmetic, not only of the speed
        int width = j1 - j0;
        int nBlocks = (int) Math.max(1, ceilDiv((long) roundUp(width, NR) * kcMax * Float.BYTES, B_BLOCK_BYTES));
        int ncMax = roundUp(ceilDiv(width, nBlocks), NR);
        // With few rows, copying B costs more than it saves: read nn/tn's B in place (full panels only).
        boolean bInPlace = form != NT && i1 - i0 <= B_IN_PLACE_MAX_ROWS;
        for (int jc = j0; jc < j1; jc += ncMax) {
            int nc = Math.min(ncMax, j1 - jc);
            for (int pc = 0; pc < k; pc += kcMax) {
                int kc = Math.min(kcMax, k - pc);
                boolean overwrite = !accumulate && pc == 0;
                float[] bp = bInPlace ? null : buf.b(ncMax * kcMax);
                if (!bInPlace) packB(form, b, k, n, pc, kc, jc, nc, bp);
                for (int ic = i0; ic < i1; ic += MR) {
                    rowOfTiles(form, m, k, n, a, b, c, overwrite, biasRelu, bp, buf, ic, Math.min(MR, i1 - ic), pc, kc, jc, nc);
                }
            }
        }
    }

    /** One MR-row strip of the C block: every micro-tile from column jc to jc+nc, sharing one A micro-panel. */
    private static void rowOfTiles(int form, int m, int k, int n, float[] a, float[] b, float[] c, boolean overwrite,
                                   float[] biasRelu, float[] bp, Buffers buf, int ic, int mr, int pc, int kc, int jc, int nc) {
        // A: full strips are read in place (its layout only changes the two strides); a ragged last strip is
        // packed into a zero-padded MR-row panel.
        float[] as;
        int ao, ars, acs;
        if (mr == MR && form == TN) {
            as = a; ao = pc * m + ic; ars = 1; acs = m;
        } else if (mr == MR) {
            as = a; ao = ic * k + pc; ars = k; acs = 1;
        } else {
            as = buf.a;
            packA(form, a, m, k, ic, mr, pc, kc, as);
            ao = 0; ars = 1; acs = MR;
        }
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int co = ic * n + jc + jr;
            float[] bs;
            int bo, ldb;
            if (bp != null) {
                bs = bp; bo = (jr / NR) * kc * NR; ldb = NR;
            } else if (nr == NR) {
                bs = b; bo = pc * n + jc + jr; ldb = n;
            } else {
                bs = buf.edge(kc * NR);
                packB(form, b, k, n, pc, kc, jc + jr, nr, bs);
                bo = 0; ldb = NR;
            }
            int bj = jc + jr; // the tile's first column: where its bias starts
            if (nr > L) {
                if (mr == MR && nr == NR) {
                    kernel(kc, as, ao, ars, acs, bs, bo, ldb, c, co, n, overwrite, biasRelu, bj);
                } else {
                    kernel(kc, as, ao, ars, acs, bs, bo, ldb, buf.tile, 0, NR, true, null, 0);
                    storeEdge(buf.tile, c, co, n, mr, nr, overwrite, biasRelu, bj);
                }
            } else {
                // A last panel at most one vector wide: half the work of the two-vector kernel.
                if (mr == MR && nr == L) {
                    kernelOneVector(kc, as, ao, ars, acs, bs, bo, ldb, c, co, n, overwrite, biasRelu, bj);
                } else {
                    kernelOneVector(kc, as, ao, ars, acs, bs, bo, ldb, buf.tile, 0, NR, true, null, 0);
                    storeEdge(buf.tile, c, co, n, mr, nr, overwrite, biasRelu, bj);
                }
            }
        }
    }

    /**
     * The micro-kernel: C[co.., MR x NR, row stride ldc] (+)= sum over p of A-panel column p times B-panel row p.
     * Sixteen accumulators stay in registers for the whole loop. With {@code biasRelu} the tile is stored as
     * relu(sum + biasRelu[bj + column]) instead.
     */
    private static void kernel(int kc, float[] a, int ao, int ars, int acs, float[] b, int bo, int ldb,
                               float[] c, int co, int ldc, boolean overwrite, float[] biasRelu, int bj) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S), c61 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S), c71 = FloatVector.zero(S);
        int a0 = ao, a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars, a4 = a3 + ars, a5 = a4 + ars, a6 = a5 + ars, a7 = a6 + ars;
        for (int p = 0; p < kc; p++) {
            int bi = bo + p * ldb;
            int ai = p * acs;
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector av = FloatVector.broadcast(S, a[a0 + ai]);
            c00 = b0.fma(av, c00);
            c01 = b1.fma(av, c01);
            av = FloatVector.broadcast(S, a[a1 + ai]);
            c10 = b0.fma(av, c10);
            c11 = b1.fma(av, c11);
            av = FloatVector.broadcast(S, a[a2 + ai]);
            c20 = b0.fma(av, c20);
            c21 = b1.fma(av, c21);
            av = FloatVector.broadcast(S, a[a3 + ai]);
            c30 = b0.fma(av, c30);
            c31 = b1.fma(av, c31);
            av = FloatVector.broadcast(S, a[a4 + ai]);
            c40 = b0.fma(av, c40);
            c41 = b1.fma(av, c41);
            av = FloatVector.broadcast(S, a[a5 + ai]);
            c50 = b0.fma(av, c50);
            c51 = b1.fma(av, c51);
            av = FloatVector.broadcast(S, a[a6 + ai]);
            c60 = b0.fma(av, c60);
            c61 = b1.fma(av, c61);
            av = FloatVector.broadcast(S, a[a7 + ai]);
            c70 = b0.fma(av, c70);
            c71 = b1.fma(av, c71);
        }
        // Write the tile back. Written out instead of calling a helper: if C2 declines to inline a helper (its
        // node budget runs out in this big method), the 16 vectors get boxed on the heap and the kernel is 5x slower.
        int r1 = co + ldc, r2 = r1 + ldc, r3 = r2 + ldc, r4 = r3 + ldc, r5 = r4 + ldc, r6 = r5 + ldc, r7 = r6 + ldc;
        if (biasRelu != null) {
            // relu(v) = v > 0 ? v : 0, lane by lane: zero where the compare fails (NaN included), as the ReLU kernels.
            FloatVector z = FloatVector.zero(S), bias0 = FloatVector.fromArray(S, biasRelu, bj);
            FloatVector bias1 = FloatVector.fromArray(S, biasRelu, bj + L), v;
            v = c00.add(bias0); z.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(c, co);
            v = c01.add(bias1); z.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(c, co + L);
            v = c10.add(bias0); z.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(c, r1);
            v = c11.add(bias1); z.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(c, r1 + L);
            v = c20.add(bias0); z.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(c, r2);
            v = c21.add(bias1); z.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(c, r2 + L);
            v = c30.add(bias0); z.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(c, r3);
            v = c31.add(bias1); z.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(c, r3 + L);
            v = c40.add(bias0); z.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(c, r4);
            v = c41.add(bias1); z.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(c, r4 + L);
            v = c50.add(bias0); z.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(c, r5);
            v = c51.add(bias1); z.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(c, r5 + L);
            v = c60.add(bias0); z.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(c, r6);
            v = c61.add(bias1); z.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(c, r6 + L);
            v = c70.add(bias0); z.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(c, r7);
            v = c71.add(bias1); z.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(c, r7 + L);
        } else if (overwrite) {
            c00.intoArray(c, co); c01.intoArray(c, co + L);
            c10.intoArray(c, r1); c11.intoArray(c, r1 + L);
            c20.intoArray(c, r2); c21.intoArray(c, r2 + L);
            c30.intoArray(c, r3); c31.intoArray(c, r3 + L);
            c40.intoArray(c, r4); c41.intoArray(c, r4 + L);
            c50.intoArray(c, r5); c51.intoArray(c, r5 + L);
            c60.intoArray(c, r6); c61.intoArray(c, r6 + L);
            c70.intoArray(c, r7); c71.intoArray(c, r7 + L);
        } else {
            c00.add(FloatVector.fromArray(S, c, co)).intoArray(c, co);
            c01.add(FloatVector.fromArray(S, c, co + L)).intoArray(c, co + L);
            c10.add(FloatVector.fromArray(S, c, r1)).intoArray(c, r1);
            c11.add(FloatVector.fromArray(S, c, r1 + L)).intoArray(c, r1 + L);
            c20.add(FloatVector.fromArray(S, c, r2)).intoArray(c, r2);
            c21.add(FloatVector.fromArray(S, c, r2 + L)).intoArray(c, r2 + L);
            c30.add(FloatVector.fromArray(S, c, r3)).intoArray(c, r3);
            c31.add(FloatVector.fromArray(S, c, r3 + L)).intoArray(c, r3 + L);
            c40.add(FloatVector.fromArray(S, c, r4)).intoArray(c, r4);
            c41.add(FloatVector.fromArray(S, c, r4 + L)).intoArray(c, r4 + L);
            c50.add(FloatVector.fromArray(S, c, r5)).intoArray(c, r5);
            c51.add(FloatVector.fromArray(S, c, r5 + L)).intoArray(c, r5 + L);
            c60.add(FloatVector.fromArray(S, c, r6)).intoArray(c, r6);
            c61.add(FloatVector.fromArray(S, c, r6 + L)).intoArray(c, r6 + L);
            c70.add(FloatVector.fromArray(S, c, r7)).intoArray(c, r7);
            c71.add(FloatVector.fromArray(S, c, r7 + L)).intoArray(c, r7 + L);
        }
    }

    /** The same micro-kernel for a last panel at most one vector wide: MR x L, eight accumulators. */
    private static void kernelOneVector(int kc, float[] a, int ao, int ars, int acs, float[] b, int bo, int ldb,
                                        float[] c, int co, int ldc, boolean overwrite, float[] biasRelu, int bj) {
        FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S), c2 = FloatVector.zero(S);
        FloatVector c3 = FloatVector.zero(S), c4 = FloatVector.zero(S), c5 = FloatVector.zero(S);
        FloatVector c6 = FloatVector.zero(S), c7 = FloatVector.zero(S);
        int a0 = ao, a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars, a4 = a3 + ars, a5 = a4 + ars, a6 = a5 + ars, a7 = a6 + ars;
        for (int p = 0; p < kc; p++) {
            int ai = p * acs;
            FloatVector b0 = FloatVector.fromArray(S, b, bo + p * ldb);
            c0 = b0.fma(FloatVector.broadcast(S, a[a0 + ai]), c0);
            c1 = b0.fma(FloatVector.broadcast(S, a[a1 + ai]), c1);
            c2 = b0.fma(FloatVector.broadcast(S, a[a2 + ai]), c2);
            c3 = b0.fma(FloatVector.broadcast(S, a[a3 + ai]), c3);
            c4 = b0.fma(FloatVector.broadcast(S, a[a4 + ai]), c4);
            c5 = b0.fma(FloatVector.broadcast(S, a[a5 + ai]), c5);
            c6 = b0.fma(FloatVector.broadcast(S, a[a6 + ai]), c6);
            c7 = b0.fma(FloatVector.broadcast(S, a[a7 + ai]), c7);
        }
        int r1 = co + ldc, r2 = r1 + ldc, r3 = r2 + ldc, r4 = r3 + ldc, r5 = r4 + ldc, r6 = r5 + ldc, r7 = r6 + ldc;
        if (biasRelu != null) {
            FloatVector z = FloatVector.zero(S), bias0 = FloatVector.fromArray(S, biasRelu, bj), v;
            v = c0.add(bias0); z.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(c, co);
            v = c1.add(bias0); z.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(c, r1);
            v = c2.add(bias0); z.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(c, r2);
            v = c3.add(bias0); z.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(c, r3);
            v = c4.add(bias0); z.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(c, r4);
            v = c5.add(bias0); z.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(c, r5);
            v = c6.add(bias0); z.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(c, r6);
            v = c7.add(bias0); z.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(c, r7);
        } else if (overwrite) {
            c0.intoArray(c, co); c1.intoArray(c, r1); c2.intoArray(c, r2); c3.intoArray(c, r3);
            c4.intoArray(c, r4); c5.intoArray(c, r5); c6.intoArray(c, r6); c7.intoArray(c, r7);
        } else {
            c0.add(FloatVector.fromArray(S, c, co)).intoArray(c, co);
            c1.add(FloatVector.fromArray(S, c, r1)).intoArray(c, r1);
            c2.add(FloatVector.fromArray(S, c, r2)).intoArray(c, r2);
            c3.add(FloatVector.fromArray(S, c, r3)).intoArray(c, r3);
            c4.add(FloatVector.fromArray(S, c, r4)).intoArray(c, r4);
            c5.add(FloatVector.fromArray(S, c, r5)).intoArray(c, r5);
            c6.add(FloatVector.fromArray(S, c, r6)).intoArray(c, r6);
            c7.add(FloatVector.fromArray(S, c, r7)).intoArray(c, r7);
        }
    }

    /** Copies the valid mr x nr corner of a full tile into C (as relu(tile + bias) when {@code biasRelu} is given). */
    private static void storeEdge(float[] tile, float[] c, int co, int ldc, int mr, int nr, boolean overwrite,
                                  float[] biasRelu, int bj) {
        for (int r = 0; r < mr; r++) {
            int t = r * NR, o = co + r * ldc;
            if (biasRelu != null) {
                for (int j = 0; j < nr; j++) {
                    float v = tile[t + j] + biasRelu[bj + j];
                    c[o + j] = v > 0f ? v : 0f;
                }
            } else if (overwrite) System.arraycopy(tile, t, c, o, nr);
            else for (int j = 0; j < nr; j++) c[o + j] += tile[t + j];
        }
    }

    /** Packs op(B)[pc .. pc+kc, jc .. jc+nc) as NR-wide micro-panels, p-major inside each, zero-padded. */
    private static void packB(int form, float[] b, int k, int n, int pc, int kc, int jc, int nc, float[] bp) {
        for (int jr = 0; jr < nc; jr += NR) {
            int w = Math.min(NR, nc - jr);
            int base = (jr / NR) * kc * NR;
            int col = jc + jr;
            if (form == NT) {
                // op(B)(p, j) = b[j*k + p]: a transpose; read each row of b once, write a column of the panel.
                if (w == NR) {
                    // A gather reads one k-column of 16 rows of b at once: about twice as fast as scalar copies.
                    int[] idx = gatherIndex(k);
                    int src0 = col * k + pc, src1 = (col + L) * k + pc;
                    for (int p = 0; p < kc; p++) {
                        FloatVector.fromArray(S, b, src0 + p, idx, 0).intoArray(bp, base + p * NR);
                        FloatVector.fromArray(S, b, src1 + p, idx, 0).intoArray(bp, base + p * NR + L);
                    }
                    continue;
                }
                // Done in slices of PACK_SLICE k-values so the panel rows being written stay in L1.
                for (int p0 = 0; p0 < kc; p0 += PACK_SLICE) {
                    int p1 = Math.min(kc, p0 + PACK_SLICE);
                    for (int jj = 0; jj < w; jj++) {
                        int src = (col + jj) * k + pc;
                        for (int p = p0; p < p1; p++) bp[base + p * NR + jj] = b[src + p];
                    }
                }
                if (w < NR) for (int p = 0; p < kc; p++) java.util.Arrays.fill(bp, base + p * NR + w, base + (p + 1) * NR, 0f);
            } else {
                // op(B)(p, j) = b[p*n + j]: rows are already contiguous.
                for (int p = 0; p < kc; p++) {
                    int src = (pc + p) * n + col, dst = base + p * NR;
                    if (w == NR) {
                        FloatVector.fromArray(S, b, src).intoArray(bp, dst);
                        FloatVector.fromArray(S, b, src + L).intoArray(bp, dst + L);
                    } else {
                        System.arraycopy(b, src, bp, dst, w);
                        java.util.Arrays.fill(bp, dst + w, dst + NR, 0f);
                    }
                }
            }
        }
    }

    /** Packs op(A)[ic .. ic+mr, pc .. pc+kc) as one MR-row micro-panel {@code ap[p*MR + r]}, zero-padded. */
    private static void packA(int form, float[] a, int m, int k, int ic, int mr, int pc, int kc, float[] ap) {
        if (form == TN) {
            // op(A)(i, p) = a[p*m + i]: MR consecutive floats per p.
            for (int p = 0; p < kc; p++) {
                int src = (pc + p) * m + ic, dst = p * MR;
                for (int r = 0; r < mr; r++) ap[dst + r] = a[src + r];
                for (int r = mr; r < MR; r++) ap[dst + r] = 0f;
            }
        } else {
            // op(A)(i, p) = a[i*k + p]: read each row once, write every MR-th slot.
            for (int r = 0; r < mr; r++) {
                int src = (ic + r) * k + pc;
                for (int p = 0; p < kc; p++) ap[p * MR + r] = a[src + p];
            }
            for (int r = mr; r < MR; r++) for (int p = 0; p < kc; p++) ap[p * MR + r] = 0f;
        }
    }

    static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }

    static long ceilDiv(long x, long y) {
        return (x + y - 1) / y;
    }

    static int roundUp(int x, int multiple) {
        return ceilDiv(x, multiple) * multiple;
    }
}
