package ddpg.physics.mjcf;

import ddpg.physics.model.Model;

import java.util.List;

/**
 * The project's own model files for the five Control Suite domains, shipped inside the jar under
 * {@code /ddpg/physics/models/<name>.xml}. They compile to the same model as the dm_control originals.
 */
public final class Models {
    private Models() {}

    /** Names accepted by {@link #builtin}, in the order the tasks list them. */
    public static final List<String> NAMES = List.of("cartpole", "reacher", "cheetah", "walker", "humanoid");

    /** Resource path of a built-in model file. */
    public static String resource(String name) {
        check(name);
        return "/ddpg/physics/models/" + name + ".xml";
    }

    /** Loads and compiles a built-in model; an unknown name is an error listing the valid ones. */
    public static Model builtin(String name) {
        return MjcfLoader.loadResource(resource(name));
    }

    /**
     * A built-in model by name, or an MJCF file by path (anything ending in {@code .xml} or naming an existing
     * file): what a {@code --model <name|path.xml>} option means. Errors are one line (unknown name: the valid
     * names; bad file: {@link MjcfException} with file and line).
     */
    public static Model load(String nameOrPath) {
        java.nio.file.Path p = java.nio.file.Path.of(nameOrPath);
        if (nameOrPath.endsWith(".xml") || java.nio.file.Files.isRegularFile(p)) return MjcfLoader.load(p);
        return builtin(nameOrPath);
    }

    private static void check(String name) {
        if (!NAMES.contains(name))
            throw new IllegalArgumentException("unknown model '" + name + "'; built-in models are: " + String.join(", ", NAMES));
    }
}
