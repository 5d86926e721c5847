package ddpg.rl.train;

import ddpg.engine.Rng;
import ddpg.physics.env.Environment;
import ddpg.physics.env.StepResult;
import ddpg.rl.ddpg.DdpgAgent;
import ddpg.rl.ddpg.DdpgConfig;
import ddpg.rl.noise.ActionNoise;
import ddpg.rl.noise.GaussianNoise;
import ddpg.rl.noise.OrnsteinUhlenbeckNoise;
import ddpg.rl.replay.ReplayBuffer;

/**
 * One env step of DDPG training, the body of Algorithm 1's inner loop: select an action (uniformly random during the
 * warm-up, else mu(s) plus exploration noise, clipped to [-1, 1]), execute it, store the transition, and make the
 * updates that are due. {@link Trainer} calls it once per env step and does the bookkeeping around it (episodes,
 * logs, evaluations, checkpoints); {@code bench ddpg} times exactly this call, so the benchmark measures the step
 * that trains.
 */
public final class TrainingStep {
    /** Hears about each update (losses) and a non-finite action before it reaches the simulator. */
    public interface Listener {
        Listener NONE = new Listener() {};

        /** After each {@link DdpgAgent#update}; may throw to stop the run. */
        default void updated(DdpgAgent agent) {}

        /** The actor produced a non-finite action; must throw (the action is never executed). */
        default void nonFiniteAction(double value) {
            throw new IllegalStateException("the actor's action is " + value);
        }
    }

    private final Environment env;
    private final DdpgConfig algo;
    private final DdpgAgent agent;
    private final ReplayBuffer replay;
    private final ActionNoise noise;
    private final Rng explore;
    private final Listener listener;
    private final double[] action, eps;
    /** Fractional updates owed (--utd below 1 makes one update every few steps); saved in checkpoints. */
    private double updateCredit;

    /**
     * The agent, replay buffer, exploration noise and warm-up generator of a run with {@code seed}, each from its own
     * named sub-stream of the seed.
     */
    public TrainingStep(Environment env, DdpgConfig algo, long seed, Listener listener) {
        this.env = env;
        this.algo = algo;
        this.listener = listener;
        int obsSize = env.spec().observationSize(), actSize = env.spec().actionSize();
        this.agent = new DdpgAgent(obsSize, actSize, algo, seed);
        this.replay = new ReplayBuffer(algo.buffer, obsSize, actSize);
        long noiseSeed = Rng.derive(seed, "exploration-noise");
        this.noise = algo.noise.equals("ou")
                ? new OrnsteinUhlenbeckNoise(actSize, algo.ouTheta, algo.noiseSigma, algo.ouDt, noiseSeed)
                : new GaussianNoise(algo.noiseSigma, noiseSeed);
        this.explore = new Rng(Rng.derive(seed, "warmup-actions"));
        this.action = new double[actSize];
        this.eps = new double[actSize];
    }

    /** The first observation of an episode that starts from initial-state seed {@code episodeSeed}. */
    public double[] startEpisode(long episodeSeed) {
        noise.reset();
        return env.reset(episodeSeed);
    }

    /**
     * Env step number {@code envStep + 1} from observation {@code obs}: act, execute, store (unless the simulation
     * diverged), then the updates due once {@code learningStarts} steps are done and the buffer holds a batch.
     */
    public StepResult take(double[] obs, long envStep) {
        int act = action.length;
        if (envStep < algo.warmup) {
            for (int j = 0; j < act; j++) action[j] = explore.uniform(-1, 1);
        } else {
            agent.act(obs, action);
            noise.sample(eps);
            for (int j = 0; j < act; j++) {
                action[j] = Math.max(-1, Math.min(1, action[j] + eps[j]));
                if (!Double.isFinite(action[j])) listener.nonFiniteAction(action[j]);
            }
        }
        StepResult res = env.step(action);
        if (!res.diverged()) replay.add(obs, action, res.reward(), res.discount(), res.observation());
        if (envStep + 1 >= algo.learningStarts && replay.size() >= algo.batch) {
            updateCredit += algo.utd;
            while (updateCredit >= 1) {
                agent.update(replay);
                listener.updated(agent);
                updateCredit -= 1;
            }
        }
        return res;
    }

    public DdpgAgent agent() {
        return agent;
    }

    public ReplayBuffer replay() {
        return replay;
    }

    public ActionNoise noise() {
        return noise;
    }

    /** The warm-up actions' generator (its state is saved in checkpoints). */
    public Rng explore() {
        return explore;
    }

    public double updateCredit() {
        return updateCredit;
    }

    public void restoreUpdateCredit(double credit) {
        updateCredit = credit;
    }
}
