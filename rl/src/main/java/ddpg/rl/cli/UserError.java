package ddpg.rl.cli;

/**
 * A mistake of the user's (bad option value, missing file, unknown task...): printed as one line
 * {@code ddpg: <message>} with exit code 2 and no stack trace. The message names the problem and the fix.
 */
public class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
