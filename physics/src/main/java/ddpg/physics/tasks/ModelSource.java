package ddpg.physics.tasks;

import ddpg.physics.mjcf.MjcfLoader;
import ddpg.physics.model.Model;

/** Where the tasks get their compiled models: the project's own model files, shipped inside ddpg.jar. */
final class ModelSource {
    private ModelSource() {}

    /** Class-path folder of the project's model files. */
    static final String MODELS = "/ddpg/physics/models/";

    /** A freshly compiled model of a domain ("walker", ...), owned by the caller. */
    static Model load(String domain) {
        return MjcfLoader.loadResource(MODELS + domain + ".xml");
    }
}
