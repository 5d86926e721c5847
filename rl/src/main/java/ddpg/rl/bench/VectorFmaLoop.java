package ddpg.rl.bench;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector FMA peak loop: 16 independent accumulators, enough to cover the FMA latency (4 cycles) times the
 * number of FMA pipes on current x86 and ARM cores. Only loaded when the Vector API is available.
 */
final class VectorFmaLoop {
    private VectorFmaLoop() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    /** Flops done by one {@code burst(BURST)}. */
    static double flopsPerBurst() {
        return (double) BURST * 16 * S.length() * 2;
    }

    static final int BURST = 20_000;

    /** {@code reps} rounds of 16 independent FMAs; returns a value so the JIT cannot drop the work. */
    static float burst(int reps) {
        FloatVector m = FloatVector.broadcast(S, FmaPeak.multiplier), c = FloatVector.broadcast(S, FmaPeak.addend);
        FloatVector a0 = FloatVector.broadcast(S, 1.00f), a1 = FloatVector.broadcast(S, 1.01f);
        FloatVector a2 = FloatVector.broadcast(S, 1.02f), a3 = FloatVector.broadcast(S, 1.03f);
        FloatVector a4 = FloatVector.broadcast(S, 1.04f), a5 = FloatVector.broadcast(S, 1.05f);
        FloatVector a6 = FloatVector.broadcast(S, 1.06f), a7 = FloatVector.broadcast(S, 1.07f);
        FloatVector a8 = FloatVector.broadcast(S, 1.08f), a9 = FloatVector.broadcast(S, 1.09f);
        FloatVector a10 = FloatVector.broadcast(S, 1.10f), a11 = FloatVector.broadcast(S, 1.11f);
        FloatVector a12 = FloatVector.broadcast(S, 1.12f), a13 = FloatVector.broadcast(S, 1.13f);
        FloatVector a14 = FloatVector.broadcast(S, 1.14f), a15 = FloatVector.broadcast(S, 1.15f);
        for (int r = 0; r < reps; r++) {
            a0 = a0.fma(m, c); a1 = a1.fma(m, c); a2 = a2.fma(m, c); a3 = a3.fma(m, c);
            a4 = a4.fma(m, c); a5 = a5.fma(m, c); a6 = a6.fma(m, c); a7 = a7.fma(m, c);
            a8 = a8.fma(m, c); a9 = a9.fma(m, c); a10 = a10.fma(m, c); a11 = a11.fma(m, c);
            a12 = a12.fma(m, c); a13 = a13.fma(m, c); a14 = a14.fma(m, c); a15 = a15.fma(m, c);
        }
        FloatVector s = a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7)
                .add(a8).add(a9).add(a10).add(a11).add(a12).add(a13).add(a14).add(a15);
        return s.reduceLanes(VectorOperators.ADD);
    }
}
