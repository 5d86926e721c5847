package ddpg.physics.env;

/**
 * A Control Suite task, dm_control style: {@code reset(seed)} then {@code step(action)} until {@code last}.
 * Each instance owns all of its state, so instances can run in parallel threads; the same seed gives the same
 * episode bit for bit. Get one from {@link Tasks#make(String)}.
 */
public interface Environment {
    /** Name, observation and action sizes, control timestep, substeps and episode length. */
    EnvSpec spec();

    /**
     * dm_env's {@code observation_spec()}: the named parts of the flat observation, in order, and its total size
     * ({@code observationSpec().size() == spec().observationSize()}). By default one part, "observations".
     */
    default ObservationSpec observationSpec() {
        return ObservationSpec.flat(spec().observationSize());
    }

    /**
     * dm_env's {@code action_spec()}: the action's size and per-dimension bounds ({@code actionSpec().size() ==
     * spec().actionSize()}). By default, and for every Control Suite task, -1 and 1 in every dimension.
     */
    default ActionSpec actionSpec() {
        return ActionSpec.unit(spec().actionSize());
    }

    /** Starts a new episode from the task's initial-state distribution, seeded; returns the first observation. */
    double[] reset(long seed);

    /**
     * Applies {@code action} (clipped to [-1, 1]) for one control step. An action of the wrong length, null or
     * containing NaN is an {@link IllegalArgumentException} (and the episode does not advance). Calling it before the
     * first {@code reset} or after the step that returned {@code last} is an {@link IllegalStateException}.
     */
    StepResult step(double[] action);

    /** The simulation underneath, for rendering and validation (read it, do not write it). */
    ddpg.physics.model.Model model();
}
