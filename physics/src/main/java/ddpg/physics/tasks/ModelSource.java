package ddpg.physics.tasks;

import ddpg.physics.model.Model;

/** Where the tasks get their compiled models: the project's own model files shipped with ddpg.jar. */
final class ModelSource {
    private ModelSource() {}

    /** A freshly compiled model of a domain ("walker", ...), owned by the caller. */
    static Model load(String domain) {
        // Wired to the MJCF loader (ddpg.physics.mjcf.Models.builtin) once it lands.
        throw new UnsupportedOperationException("the MJCF loader is not available yet; cannot load model '"
                + domain + "'");
    }
}
