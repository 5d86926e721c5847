package ddpg.physics.mjcf;

/**
 * A problem with an MJCF file: malformed XML, a bad number, an unknown or unsupported element or attribute, a missing
 * include, an inconsistent model. The message is one line and starts with {@code file:line:} when a place is known,
 * so a command-line tool can print it as is.
 */
public final class MjcfException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MjcfException(String message) {
        super(message);
    }

    /** An error located at {@code file:line}; {@code line <= 0} means "no line". */
    public static MjcfException at(String file, int line, String message) {
        return new MjcfException(line > 0 ? file + ":" + line + ": " + message : file + ": " + message);
    }
}
