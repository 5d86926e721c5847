/**
 * Comparison with real MuJoCo 2.2.2 through the files of the reference harness {@code mjref}: readers of its
 * compiled-model dumps ({@link ddpg.physics.validate.ModelFields}, and {@link ddpg.physics.validate.DumpModel} to
 * write ours in the same format), transition and rollout files ({@link ddpg.physics.validate.OracleCsv}) and task
 * episodes ({@link ddpg.physics.validate.EpisodeCsv}), and the validators behind {@code ddpg.jar validate}
 * ({@link ddpg.physics.validate.TransitionValidator}, {@link ddpg.physics.validate.RolloutValidator},
 * {@link ddpg.physics.validate.TaskValidator}), which print one error table per file.
 */
package ddpg.physics.validate;
