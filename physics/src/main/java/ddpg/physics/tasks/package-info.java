/**
 * The Control Suite tasks themselves: one class per domain ({@link ddpg.physics.tasks.Cartpole},
 * {@link ddpg.physics.tasks.Reacher}, {@link ddpg.physics.tasks.Cheetah}, {@link ddpg.physics.tasks.Walker},
 * {@link ddpg.physics.tasks.Humanoid}) with its initial-state distribution, observation and reward, and the helpers
 * they share: dm_control's reward shaping ({@link ddpg.physics.tasks.Tolerance}, {@link ddpg.physics.tasks.Sigmoid}),
 * the seeded stream of the reference harness ({@link ddpg.physics.tasks.SplitMix64}) and NumPy's summation order.
 * A task sees the simulation only through {@link ddpg.physics.tasks.TaskPhysics}.
 */
package ddpg.physics.tasks;
