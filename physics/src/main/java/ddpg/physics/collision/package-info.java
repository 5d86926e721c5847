/**
 * Collision detection as MuJoCo 2.2.2 does it for the Control Suite models: which geom pairs may touch
 * ({@link ddpg.physics.collision.BroadPhase}), where and how deep they touch ({@link ddpg.physics.collision.Narrow},
 * one function per pair of geom types, with the contact frame completed by
 * {@link ddpg.physics.collision.ContactFrame}), and with which parameters
 * ({@link ddpg.physics.collision.ContactParams}). {@link ddpg.physics.collision.Collision} runs them in MuJoCo's
 * order into a reusable {@link ddpg.physics.collision.Contacts} list. Everything works on plain arrays of world
 * poses, so each piece can be tested on hand-made configurations.
 */
package ddpg.physics.collision;
