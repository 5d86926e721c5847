package ddpg.rl.ddpg;

import java.util.Arrays;

/**
 * Every algorithmic setting of DDPG in one place, with the defaults of {@code --preset default}
 * ({@link Presets} has the paper's values). The trainer's own settings (task, steps, folders) live in
 * {@code ddpg.rl.train.RunSettings}.
 */
public final class DdpgConfig {
    // ---- networks
    /** Hidden layer widths, shared by actor and critic. */
    public int[] hidden = {256, 256};
    /** Batch normalisation on the state input, every actor hidden layer and the critic layers before the action. */
    public boolean batchNorm = false;
    /** Critic layer the action joins: 1 = concatenated with the state at the input, 2 = with the first hidden layer. */
    public int actionLayer = 1;
    /** Final layers of actor and critic start uniform in +-finalInit (0 = the usual fan-in init). */
    public double finalInit = 3e-3;

    // ---- optimisation
    public double actorLr = 3e-4;
    public double criticLr = 3e-4;
    /** L2 weight decay on the critic (the paper uses 1e-2). */
    public double criticL2 = 0;
    /** Discount factor gamma. */
    public double gamma = 0.99;
    /** Polyak rate of the target networks: {@code theta' <- tau theta + (1 - tau) theta'}. */
    public double tau = 0.005;
    /** Minibatch size N. */
    public int batch = 256;
    /** Gradient updates per environment step (the update-to-data ratio); 0.5 = one update every other step. */
    public double utd = 1.0;

    // ---- data and exploration
    /** Replay buffer capacity (transitions). */
    public int buffer = 1_000_000;
    /** Environment steps taken with uniformly random actions before the actor acts. */
    public long warmup = 10_000;
    /** Environment steps before the first gradient update. */
    public long learningStarts = 10_000;
    /** "gaussian" or "ou". */
    public String noise = "gaussian";
    /** Gaussian standard deviation, or the OU process's sigma. */
    public double noiseSigma = 0.2;
    public double ouTheta = 0.15;
    public double ouDt = 1.0;

    public DdpgConfig copy() {
        DdpgConfig c = new DdpgConfig();
        c.hidden = hidden.clone();
        c.batchNorm = batchNorm;
        c.actionLayer = actionLayer;
        c.finalInit = finalInit;
        c.actorLr = actorLr;
        c.criticLr = criticLr;
        c.criticL2 = criticL2;
        c.gamma = gamma;
        c.tau = tau;
        c.batch = batch;
        c.utd = utd;
        c.buffer = buffer;
        c.warmup = warmup;
        c.learningStarts = learningStarts;
        c.noise = noise;
        c.noiseSigma = noiseSigma;
        c.ouTheta = ouTheta;
        c.ouDt = ouDt;
        return c;
    }

    /**
     * Checks that the settings make sense together; throws {@link IllegalArgumentException} with one line naming the
     * setting and the fix.
     */
    public void validate() {
        if (hidden.length == 0) throw new IllegalArgumentException("--hidden needs at least one layer, e.g. --hidden 256,256");
        for (int h : hidden) if (h <= 0) throw new IllegalArgumentException("--hidden widths must be positive, got " + Arrays.toString(hidden));
        if (actionLayer < 1 || actionLayer > hidden.length)
            throw new IllegalArgumentException("--action-layer must be between 1 and the number of hidden layers (" + hidden.length + "), got " + actionLayer);
        if (!(finalInit >= 0)) throw new IllegalArgumentException("--final-init must be >= 0 (0 = fan-in init), got " + finalInit);
        if (!(actorLr > 0)) throw new IllegalArgumentException("--actor-lr must be positive, got " + actorLr);
        if (!(criticLr > 0)) throw new IllegalArgumentException("--critic-lr must be positive, got " + criticLr);
        if (!(criticL2 >= 0)) throw new IllegalArgumentException("--critic-l2 must be >= 0, got " + criticL2);
        if (!(gamma >= 0 && gamma <= 1)) throw new IllegalArgumentException("--gamma must be in [0, 1], got " + gamma);
        if (!(tau > 0 && tau <= 1)) throw new IllegalArgumentException("--tau must be in (0, 1], got " + tau + " (e.g. 0.005)");
        if (batch <= 0) throw new IllegalArgumentException("--batch must be positive, got " + batch);
        if (buffer <= 0) throw new IllegalArgumentException("--buffer must be positive, got " + buffer);
        if (batch > buffer)
            throw new IllegalArgumentException("--batch " + batch + " is larger than the replay buffer (--buffer " + buffer + "); use a smaller batch or a larger buffer");
        if (!(utd > 0)) throw new IllegalArgumentException("--utd (updates per env step) must be positive, got " + utd);
        if (warmup < 0) throw new IllegalArgumentException("--warmup must be >= 0, got " + warmup);
        if (learningStarts < 0) throw new IllegalArgumentException("--learning-starts must be >= 0, got " + learningStarts);
        if (!noise.equals("gaussian") && !noise.equals("ou"))
            throw new IllegalArgumentException("--noise must be 'gaussian' or 'ou', got '" + noise + "'");
        if (!(noiseSigma >= 0)) throw new IllegalArgumentException("--noise-sigma must be >= 0, got " + noiseSigma);
        if (noise.equals("ou") && !(ouTheta > 0 && ouTheta * ouDt <= 1))
            throw new IllegalArgumentException("--ou-theta must be in (0, 1/ou-dt], got " + ouTheta);
        if (!(ouDt > 0)) throw new IllegalArgumentException("--ou-dt must be positive, got " + ouDt);
    }
}
