package ddpg.engine.io;

import java.io.IOException;
import java.nio.file.Path;

/** A safetensors file that cannot be used: not safetensors, truncated, corrupt, or not matching the model. */
public final class SafeTensorsException extends IOException {
    private static final long serialVersionUID = 1L;

    public SafeTensorsException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
