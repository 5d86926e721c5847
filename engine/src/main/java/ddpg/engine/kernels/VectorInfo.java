package ddpg.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one vector species every SIMD kernel uses, fixed when this class loads from the kernel switch
 * ({@link Kernels#requested()}): {@code simd128/256/512} pick that width; {@code simd} picks the CPU's widest
 * ({@code SPECIES_PREFERRED}), capped at 512 bits because the canonical reductions use 16 partial sums (a wider
 * vector would hold more than 16 lanes). Each kernel class copies it into its own {@code static final} field, which
 * C2 treats as a constant. Touches the Vector API; loaded only when the module is present (see {@link Kernels}).
 */
final class VectorInfo {
    private VectorInfo() {}

    static final VectorSpecies<Float> SPECIES = choose(Kernels.requestedBits());

    private static VectorSpecies<Float> choose(int bits) {
        switch (bits) {
            case 128: return FloatVector.SPECIES_128;
            case 256: return FloatVector.SPECIES_256;
            case 512: return FloatVector.SPECIES_512;
            default:
                VectorSpecies<Float> p = FloatVector.SPECIES_PREFERRED;
                return p.vectorBitSize() > 512 ? FloatVector.SPECIES_512 : p;
        }
    }

    /** The width in use, in bits. */
    static int bits() {
        return SPECIES.vectorBitSize();
    }

    /** True when the CPU (as the JIT sees it) has vectors at least this wide; otherwise the Vector API emulates them. */
    static boolean isNative() {
        return SPECIES.vectorBitSize() <= FloatVector.SPECIES_PREFERRED.vectorBitSize();
    }

    static String describe() {
        String s = "FloatVector " + SPECIES.vectorShape() + ", " + SPECIES.length() + " lanes";
        if (!isNative()) s += "; emulated, slow: the CPU has " + FloatVector.SPECIES_PREFERRED.vectorBitSize() + "-bit vectors";
        return s;
    }
}
