package ddpg.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** Touches the Vector API; loaded only when the module is present (see {@link Kernels}). */
final class VectorInfo {
    private VectorInfo() {}

    static String describe() {
        VectorSpecies<Float> s = FloatVector.SPECIES_PREFERRED;
        return "FloatVector " + s.vectorShape() + ", " + s.length() + " lanes";
    }
}
