/**
 * MJCF (MuJoCo's XML format) to {@link ddpg.physics.model.Model}, with only the JDK's XML parser.
 *
 * <p>Reading order, one file per step:
 * <ol>
 *   <li>{@link ddpg.physics.mjcf.XmlParser}: text to a tree of elements that remember file and line, with
 *       {@code <include>} spliced in;</li>
 *   <li>{@link ddpg.physics.mjcf.Defaults} and {@link ddpg.physics.mjcf.Attrs}: every attribute read through the
 *       default-class chain, numbers checked; {@link ddpg.physics.mjcf.Schema} rejects what we do not support;</li>
 *   <li>{@link ddpg.physics.mjcf.BodyReader}: bodies, joints, geoms, sites in MuJoCo's order, frames as unit
 *       quaternions ({@link ddpg.physics.mjcf.Orientation}), geom mass properties
 *       ({@link ddpg.physics.mjcf.MassProperties});</li>
 *   <li>{@link ddpg.physics.mjcf.BodyInertia}: body inertial frames, diagonalised;</li>
 *   <li>{@link ddpg.physics.mjcf.ModelLayout}: the flat arrays, addresses and tree ids;
 *       {@link ddpg.physics.mjcf.Qpos0Constants}: constants derived from the mass matrix at qpos0.</li>
 * </ol>
 * {@link ddpg.physics.mjcf.MjcfCompiler} runs the steps; {@link ddpg.physics.mjcf.MjcfLoader} and
 * {@link ddpg.physics.mjcf.Models} are the public entry points. Errors are
 * {@link ddpg.physics.mjcf.MjcfException}s with {@code file:line:} messages.
 */
package ddpg.physics.mjcf;
