package ddpg.rl.ddpg;

import ddpg.rl.settings.Settings;

/**
 * Every algorithmic setting of DDPG, as {@link ddpg.rl.settings.Settings} (the table of every setting: option,
 * config.json field, default, allowed values, meaning) describes it; a new one starts with the defaults of
 * {@code --preset default}, and {@link Presets} makes the others. The trainer's own settings (task, steps, folders)
 * live in {@code ddpg.rl.train.RunSettings}.
 */
public final class DdpgConfig {
    // ---- networks
    /** Hidden layer widths, shared by actor and critic. */
    public int[] hidden;
    /** Batch normalisation on the state input, every actor hidden layer and the critic layers before the action. */
    public boolean batchNorm;
    /** Critic layer the action joins: 1 = concatenated with the state at the input, 2 = with the first hidden layer. */
    public int actionLayer;
    /** Final layers of actor and critic start uniform in +-finalInit (0 = the usual fan-in init). */
    public double finalInit;

    // ---- optimisation
    public double actorLr, criticLr;
    /** L2 weight decay on the critic. */
    public double criticL2;
    /** Discount factor gamma. */
    public double gamma;
    /** Polyak rate of the target networks: {@code theta' <- tau theta + (1 - tau) theta'}. */
    public double tau;
    /** Minibatch size N. */
    public int batch;
    /** Gradient updates per environment step (the update-to-data ratio); 0.5 = one update every other step. */
    public double utd;

    // ---- data and exploration
    /** Replay buffer capacity (transitions). */
    public int buffer;
    /** Environment steps taken with uniformly random actions before the actor acts. */
    public long warmup;
    /** Environment steps before the first gradient update. */
    public long learningStarts;
    /** "gaussian" or "ou". */
    public String noise;
    /** Gaussian standard deviation, or the OU process's sigma. */
    public double noiseSigma;
    public double ouTheta, ouDt;

    /** The settings of {@code --preset default}. */
    public DdpgConfig() {
        Settings.reset(this, Presets.DEFAULT);
    }

    public DdpgConfig copy() {
        DdpgConfig c = new DdpgConfig();
        Settings.copy(this, c);
        return c;
    }

    /**
     * Checks that the settings make sense together; throws {@link IllegalArgumentException} with one line naming the
     * setting and the fix.
     */
    public void validate() {
        Settings.validate(this);
    }
}
