package ddpg.physics.validate;

/** A bad oracle file (missing column, malformed number, wrong model size): one line naming file, line and fix. */
public final class OracleFormatException extends IllegalArgumentException {
    public OracleFormatException(String message) { super(message); }
}
