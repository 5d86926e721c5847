/**
 * MuJoCo's soft constraints for joint limits and contacts, and the solver that finds the constrained acceleration.
 *
 * <p>Reading order: {@link ddpg.physics.constraint.Kinematics} (each dof's world axis and anchor, for Jacobians),
 * {@link ddpg.physics.constraint.RowBuilder} (one row per limit, one or four per contact, into
 * {@link ddpg.physics.constraint.Rows}), {@link ddpg.physics.constraint.Impedance} (solimp and solref: how soft a
 * row is and how it springs back), {@link ddpg.physics.constraint.NewtonSolver} (the convex problem and its exact
 * solution), and {@link ddpg.physics.constraint.ConstraintSolver}, which chains them for one simulation.
 * {@link ddpg.physics.constraint.DivergenceCheck} reports a simulation that has left the physical range.
 */
package ddpg.physics.constraint;
