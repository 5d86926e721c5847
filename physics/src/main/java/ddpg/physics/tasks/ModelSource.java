package ddpg.physics.tasks;

import ddpg.physics.mjcf.Models;
import ddpg.physics.model.Model;

/** Where the tasks get their compiled models: the project's own model files, shipped inside ddpg.jar. */
final class ModelSource {
    private ModelSource() {}

    /** A freshly compiled model of a domain ("walker", ...), owned by the caller. */
    static Model load(String domain) {
        return Models.builtin(domain);
    }
}
