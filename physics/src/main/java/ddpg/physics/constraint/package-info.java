/**
 * MuJoCo's soft constraints for joint limits and contacts, and the solver that finds the constrained acceleration.
 *
 * <p>Reading order: {@link ddpg.physics.constraint.ConstraintStage} (the pipeline's hook),
 * {@link ddpg.physics.constraint.Jacobians} (each dof's world axis and anchor from the smooth stage, point
 * Jacobians), {@link ddpg.physics.constraint.RowBuilder} (one row per limit, one or four per contact, into
 * {@link ddpg.physics.constraint.Rows}), {@link ddpg.physics.constraint.Impedance} (solimp and solref: how soft a
 * row is and how it springs back), {@link ddpg.physics.constraint.NewtonSolver} (the convex problem and its exact
 * solution), and {@link ddpg.physics.constraint.ConstraintSolver}, which chains them for one simulation and
 * publishes the contacts and their forces.
 */
package ddpg.physics.constraint;
