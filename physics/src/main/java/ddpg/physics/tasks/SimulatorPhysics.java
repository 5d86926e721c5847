package ddpg.physics.tasks;

import ddpg.physics.model.Model;

/** {@link TaskPhysics} on the project's simulator. */
final class SimulatorPhysics {
    private SimulatorPhysics() {}

    static TaskPhysics create(Model model) {
        // Wired to ddpg.physics.Simulator once it lands.
        throw new UnsupportedOperationException("the simulator is not available yet (model " + model.name + ")");
    }
}
