package ddpg.rl.settings;

/**
 * What values a setting allows. {@code holder} is the object the setting lives in, for limits that depend on another
 * setting of it (the action layer on the number of hidden layers).
 */
@FunctionalInterface
public interface Check<H, T> {
    /** Throws an {@link IllegalArgumentException} with one line naming {@code --option}, the value and the fix. */
    void check(String option, H holder, T value);
}
