package ddpg.rl.ddpg;

import ddpg.rl.settings.Settings;
import java.util.List;

/**
 * Named starting points for {@link DdpgConfig}; every field can still be overridden by a flag. Each preset's values
 * are in the settings table, {@link Settings}, next to the defaults.
 */
public final class Presets {
    private Presets() {}

    public static final String DEFAULT = "default";
    public static final List<String> NAMES = List.of(DEFAULT, Settings.PAPER);

    /** The preset called {@code name}, or an {@link IllegalArgumentException} listing the valid names. */
    public static DdpgConfig named(String name) {
        if (!NAMES.contains(name)) throw new IllegalArgumentException("unknown preset '" + name + "'; use one of " + NAMES);
        DdpgConfig c = new DdpgConfig();
        Settings.reset(c, name);
        return c;
    }

    /** The settings we found to work best (see rl/README.md): 256-256, Adam 3e-4, tau 0.005, Gaussian 0.2. */
    public static DdpgConfig defaults() {
        return named(DEFAULT);
    }

    /**
     * Lillicrap et al. 2015, section 7 (low-dimensional experiments): 400-300 units, actor lr 1e-4, critic lr 1e-3
     * with L2 weight decay 1e-2, tau 1e-3, Ornstein-Uhlenbeck noise (theta 0.15, sigma 0.2), minibatch 64, the
     * action entering the critic at the second layer, final layers uniform +-3e-3. Settings the paper does not
     * give (warm-up, update ratio) are the defaults, as are those where it agrees with them (gamma 0.99, replay 1e6).
     * The paper also used batch normalisation; add {@code --batch-norm} for that.
     */
    public static DdpgConfig paper() {
        return named(Settings.PAPER);
    }
}
