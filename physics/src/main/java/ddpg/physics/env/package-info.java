/**
 * The reinforcement-learning environment API over the simulator: {@link ddpg.physics.env.Environment} (reset with a
 * seed, step with an action), {@link ddpg.physics.env.EnvSpec}, the dm_env-style
 * {@link ddpg.physics.env.ObservationSpec} (named observation parts) and {@link ddpg.physics.env.ActionSpec} (bounds),
 * {@link ddpg.physics.env.StepResult}, and
 * {@link ddpg.physics.env.ControlSuiteEnv}, dm_control's episode loop around one task (action repeat, clipping, time
 * limit, divergence reported as the end of the episode). {@link ddpg.physics.env.Tasks} makes the eleven Control
 * Suite tasks by name.
 */
package ddpg.physics.env;
