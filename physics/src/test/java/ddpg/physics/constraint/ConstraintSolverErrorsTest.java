package ddpg.physics.constraint;

import ddpg.physics.collision.OracleRecords;
import ddpg.physics.model.Model;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Models the constraint stage cannot simulate faithfully are refused with a one-line reason. */
class ConstraintSolverErrorsTest {
    @Test
    void unsupportedModelsAreClearErrors() {
        Model elliptic = OracleRecords.load("walker").m;
        elliptic.optCone = 1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ConstraintSolver(elliptic));
        assertTrue(e.getMessage().contains("pyramidal"), e.getMessage());
        Model noWeights = OracleRecords.load("walker").m;
        noWeights.bodyInvweight0 = new double[0];
        e = assertThrows(IllegalArgumentException.class, () -> new ConstraintSolver(noWeights));
        assertTrue(e.getMessage().contains("invweight0"), e.getMessage());
    }
}
