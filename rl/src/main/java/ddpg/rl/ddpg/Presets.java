package ddpg.rl.ddpg;

import java.util.List;

/** Named starting points for {@link DdpgConfig}; every field can still be overridden by a flag. */
public final class Presets {
    private Presets() {}

    public static final List<String> NAMES = List.of("default", "paper");

    /** The preset called {@code name}, or an {@link IllegalArgumentException} listing the valid names. */
    public static DdpgConfig named(String name) {
        return switch (name) {
            case "default" -> defaults();
            case "paper" -> paper();
            default -> throw new IllegalArgumentException("unknown preset '" + name + "'; use one of " + NAMES);
        };
    }

    /** The settings we found to work best (see rl/README.md): 256-256, Adam 3e-4, tau 0.005, Gaussian 0.2. */
    public static DdpgConfig defaults() {
        return new DdpgConfig();
    }

    /**
     * Lillicrap et al. 2015, section 7 (low-dimensional experiments): 400-300 units, actor lr 1e-4, critic lr 1e-3
     * with L2 weight decay 1e-2, tau 1e-3, Ornstein-Uhlenbeck noise (theta 0.15, sigma 0.2), minibatch 64, the
     * action entering the critic at the second layer, final layers uniform +-3e-3. Settings the paper does not
     * give (warm-up, update ratio, replay size 1e6 which it does give) are the defaults. The paper also used batch
     * normalisation; add {@code --batch-norm} for that.
     */
    public static DdpgConfig paper() {
        DdpgConfig c = new DdpgConfig();
        c.hidden = new int[] {400, 300};
        c.actorLr = 1e-4;
        c.criticLr = 1e-3;
        c.criticL2 = 1e-2;
        c.tau = 1e-3;
        c.noise = "ou";
        c.ouTheta = 0.15;
        c.noiseSigma = 0.2;
        c.batch = 64;
        c.actionLayer = 2;
        c.finalInit = 3e-3;
        c.buffer = 1_000_000;
        c.gamma = 0.99;
        return c;
    }
}
