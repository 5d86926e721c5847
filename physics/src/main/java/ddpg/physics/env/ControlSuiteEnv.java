package ddpg.physics.env;

import ddpg.physics.model.Model;
import ddpg.physics.tasks.SplitMix64;
import ddpg.physics.tasks.Task;
import ddpg.physics.tasks.TaskPhysics;

/**
 * The episode loop of dm_control's {@code control.Environment} around one {@link Task}: reset draws the initial state
 * from a stream seeded by the caller, each step holds the (clipped) action for the task's physics substeps, then
 * computes reward and observation. Episodes last {@link EnvSpec#episodeLength()} steps and end only by the time limit
 * (discount 1 throughout), or when the simulation diverges.
 *
 * <p>Owns its model, data and random stream, so instances run independently in parallel threads; the same seed gives
 * the same episode bit for bit. {@code reset(seed)} draws the initial state exactly as {@code mjref task --seed seed}
 * does for its episode 0.
 */
public final class ControlSuiteEnv implements Environment {
    private final Task task;
    private final TaskPhysics physics;
    private final EnvSpec spec;
    private final ObservationSpec observationSpec;
    private final ActionSpec actionSpec;
    private int steps;
    private boolean running;
    private boolean ended;
    private double[] lastObservation;

    ControlSuiteEnv(Task task, TaskPhysics physics) {
        this.task = task;
        this.physics = physics;
        this.spec = new EnvSpec(task.name(), task.observationSize(), task.model().nu,
                task.model().optTimestep * task.substeps(), task.substeps(), task.episodeLength());
        this.observationSpec = ObservationSpec.of(task.observationParts());
        this.actionSpec = ActionSpec.unit(spec.actionSize());
        if (observationSpec.size() != spec.observationSize()) {
            throw new IllegalStateException(task.name() + ": observation parts " + observationSpec + " add up to "
                    + observationSpec.size() + ", not " + spec.observationSize());
        }
    }

    @Override public EnvSpec spec() { return spec; }

    /** dm_control's observation keys and sizes, e.g. "orientations 14, height 1, velocity 9" for the walker. */
    @Override public ObservationSpec observationSpec() { return observationSpec; }

    /** {@code model().nu} dimensions, each in [-1, 1] (every action is clipped to it). */
    @Override public ActionSpec actionSpec() { return actionSpec; }

    @Override public Model model() { return physics.model(); }

    /** The live simulation state (poses for rendering, qpos/qvel for inspection). Read it; do not write it. */
    public TaskPhysics physics() { return physics; }

    /** Control steps taken in the current episode. */
    public int stepsTaken() { return steps; }

    @Override
    public double[] reset(long seed) {
        physics.resetData();
        physics.forward();
        task.initializeEpisode(physics, SplitMix64.stream(seed, SplitMix64.KIND_TASK_INIT));
        return beginEpisodeHere();
    }

    @Override
    public StepResult step(double[] action) {
        if (!running) {
            throw new IllegalStateException(task.name() + ": " + (ended ? "the episode is over" : "no episode started")
                    + "; call reset(seed) first");
        }
        double[] ctrl = physics.ctrl();
        checkAction(action);
        for (int i = 0; i < ctrl.length; i++) ctrl[i] = Math.max(-1.0, Math.min(1.0, action[i]));
        physics.step(spec.substeps());
        String bad = physics.divergence();
        if (bad != null) {
            // The state is unusable; hand back the last good observation so that nothing non-finite leaks out.
            running = false;
            ended = true;
            return new StepResult(lastObservation.clone(), 0.0, 1.0, true, false, true,
                    task.name() + " diverged at control step " + steps + ": " + bad);
        }
        double reward = task.reward(physics);
        lastObservation = observation();
        steps++;
        boolean last = steps >= spec.episodeLength();
        if (last) {
            running = false;
            ended = true;
        }
        return new StepResult(lastObservation.clone(), reward, 1.0, last, last, false, null);
    }

    private void checkAction(double[] action) {
        if (action == null) throw new IllegalArgumentException(task.name() + ": action is null; pass "
                + spec.actionSize() + " numbers in [-1, 1]");
        if (action.length != spec.actionSize()) {
            throw new IllegalArgumentException(task.name() + ": action has " + action.length + " entries, expected "
                    + spec.actionSize());
        }
        for (int i = 0; i < action.length; i++) {
            if (Double.isNaN(action[i])) {
                throw new IllegalArgumentException(task.name() + ": action[" + i + "] is NaN; actions must be numbers"
                        + " in [-1, 1] (values outside are clipped)");
            }
        }
    }

    private double[] observation() {
        double[] obs = new double[spec.observationSize()];
        task.observe(physics, obs);
        return obs;
    }

    // ---- replay hooks for validation against recorded episodes ----

    /** Puts the simulation in a recorded state (and recomputes poses) as if an episode were running there. */
    public double[] restoreState(double[] qpos, double[] qvel) {
        Model m = physics.model();
        if (qpos.length != m.nq || qvel.length != m.nv) {
            throw new IllegalArgumentException(task.name() + ": state has " + qpos.length + " qpos and " + qvel.length
                    + " qvel, the model has " + m.nq + " and " + m.nv);
        }
        System.arraycopy(qpos, 0, physics.qpos(), 0, m.nq);
        System.arraycopy(qvel, 0, physics.qvel(), 0, m.nv);
        return beginEpisodeHere();
    }

    /** Starts an episode from the state in Data: recomputes poses and returns the first observation. */
    private double[] beginEpisodeHere() {
        physics.forward();
        steps = 0;
        running = true;
        ended = false;
        lastObservation = observation();
        return lastObservation.clone();
    }

    /** Reacher only: places the target (world x, y) and sets its size for this task; other tasks reject it. */
    public void setTarget(double x, double y) {
        task.setTarget(x, y);
    }

    /** Reacher only: the target's (x, y); null for other tasks. */
    public double[] target() {
        return task.target();
    }

    @Override
    public String toString() {
        return "ControlSuiteEnv[" + spec + ", step " + steps + (running ? "" : ", not running") + "]";
    }
}
