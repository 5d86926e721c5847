package ddpg.physics;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.physics.mjcf.Models;
import org.junit.jupiter.api.Test;

/**
 * The simulator checks for divergence once, at the end of a step (as MuJoCo's mj_step does): the stages before it,
 * the constraint solver included, pass a blown-up state on without throwing, and the step names the model, the time
 * and the joint.
 */
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
        // by the end of the RK4 step the blow-up has reached the slider too; the first offending entry is named
        assertTrue(java.util.Set.of("slider", "hinge_1").contains(e.joint()), e.getMessage());
        assertTrue(java.util.Set.of("qpos", "qvel", "qacc").contains(e.quantity()), e.getMessage());
        assertTrue(e.time() > 0, "time of the step is reported: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("cart-pole: simulation diverged at t="), e.getMessage());
        assertTrue(e.getMessage().contains("(joint " + e.joint() + ")"), e.getMessage());
    }

    @Test
    void nanControlIsCaughtByTheStepNotBeforeIt() {
        Simulator sim = new Simulator(Models.builtin("walker"));
        sim.reset();
        sim.data.ctrl[0] = Double.NaN;
        assertDoesNotThrow(sim::forward, "forward passes a NaN on, like mj_forward");
        assertTrue(hasNaN(sim.data.qacc));
        assertThrows(SimulationDivergedException.class, sim::step);
    }

    @Test
    void aNonFiniteStateGoesThroughTheConstraintStageToTheStepsCheck() {
        // humanoid: contacts and limits active at qpos0 minus 0.3 m, so the solver really runs on the NaN state
        Simulator sim = new Simulator(Models.builtin("humanoid"));
        sim.reset();
        sim.data.qpos[2] -= 0.3;
        sim.data.qvel[8] = Double.POSITIVE_INFINITY;
        assertDoesNotThrow(sim::forward);
        SimulationDivergedException e = assertThrows(SimulationDivergedException.class, sim::step);
        assertTrue(e.getMessage().startsWith("humanoid: simulation diverged at t="), e.getMessage());
    }

    private static boolean hasNaN(double[] v) {
        for (double x : v) if (Double.isNaN(x)) return true;
        return false;
    }
}
