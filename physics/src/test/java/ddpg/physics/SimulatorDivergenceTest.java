package ddpg.physics;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.physics.constraint.SimulationDivergedException;
import ddpg.physics.mjcf.Models;
import org.junit.jupiter.api.Test;

/** A step that blows up is reported right after integration, with the model, the time and the joint. */
class SimulatorDivergenceTest {

    @Test
    void absurdVelocityAfterAStepIsReported() {
        Simulator sim = new Simulator(Models.builtin("cartpole"));
        sim.reset();
        assertDoesNotThrow(sim::step);
        // an absurd hinge velocity: the next state carries it on (no contacts, no limit on the hinge)
        int hinge = sim.model.jntDofadr[sim.model.jointId("hinge_1")];
        sim.data.qvel[hinge] = 1e300;
        SimulationDivergedException e = assertThrows(SimulationDivergedException.class, sim::step);
        assertEquals("hinge_1", e.joint());
        assertTrue(e.time() > 0, "time of the step is reported: " + e.getMessage());
        assertTrue(e.getMessage().contains("hinge_1"), e.getMessage());
    }

    @Test
    void nanControlIsCaughtWhereItLands() {
        Simulator sim = new Simulator(Models.builtin("walker"));
        sim.reset();
        sim.data.ctrl[0] = Double.NaN;
        assertThrows(SimulationDivergedException.class, sim::step);
    }
}
