package ddpg.physics.tasks;

import ddpg.physics.model.Model;

/**
 * Everything a task reads from or does to the simulation, in MuJoCo's names and layouts (row-major 3x3 matrices,
 * 3 numbers per position). The live arrays are returned, not copies: a task writes {@code qpos()} in its
 * initial-state routine and reads poses after {@link #forward} or {@link #step}.
 *
 * <p>Keeping this seam narrow lets the observation and reward code be checked against real MuJoCo's arrays
 * (see the tests' {@code RecordedPhysics}) independently of our simulator.
 */
public abstract class TaskPhysics {
    /** The compiled model of this instance (the reacher writes its target's position and size into it). */
    public abstract Model model();

    public abstract double[] qpos();

    public abstract double[] qvel();

    /** Controls, actuator order, as given (the simulator clamps them to the ctrlrange when it computes forces). */
    public abstract double[] ctrl();

    /** Body frame origins in world coordinates, nbody x 3. */
    public abstract double[] xpos();

    /** Body orientations, nbody x 9, row-major (xx xy xz yx yy yz zx zy zz). */
    public abstract double[] xmat();

    /** Geom centres in world coordinates, ngeom x 3. */
    public abstract double[] geomXpos();

    public abstract double[] sensordata();

    /** Number of contacts found by the last forward pass or step. */
    public abstract int ncon();

    /** MuJoCo's {@code mj_resetData}: qpos0, zero velocity and controls, time 0, solver warm start cleared. */
    public abstract void resetData();

    /** A full forward pass at the current state (poses, contacts, sensors up to date). */
    public abstract void forward();

    /**
     * {@code n} physics steps with the controls held, then poses, centre-of-mass quantities and velocity sensors
     * brought up to date for the final state (what dm_control's {@code Physics.step} leaves behind).
     */
    public abstract void step(int n);

    /**
     * The largest number of constraint rows (joint limits, contacts) any physics step of the last {@link #step}
     * had; 0 means the step was smooth. Validation uses it to pick the tolerance.
     */
    public abstract int constraintRowsInLastStep();

    /** Sets the simulated time (the cheetah resets it to 0 after settling). */
    public abstract void setTime(double t);

    /**
     * Null unless the last {@link #step} diverged (the simulator's check at the end of every physics step); then a
     * one-line description of where the simulation blew up.
     */
    public abstract String divergence();
}
