package ddpg.rl.train;

/**
 * A run file that cannot be used or cannot be written: missing, truncated, corrupt, holding NaN weights, or refused
 * by the disk. The message is one line that names the file and says what to do. The command line prints it with
 * exit code 2, like a user mistake: the cause is outside the program, so a stack trace would not help.
 */
public final class BadFile extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadFile(String message) {
        super(message);
    }

    public BadFile(String message, Throwable cause) {
        super(message, cause);
    }
}
