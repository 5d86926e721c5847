package ddpg.physics;

import ddpg.physics.constraint.ConstraintSolver;
import ddpg.physics.constraint.ConstraintStage;
import ddpg.physics.integrate.Euler;
import ddpg.physics.integrate.Rk4;
import ddpg.physics.model.Data;
import ddpg.physics.model.Model;
import ddpg.physics.smooth.Actuation;
import ddpg.physics.smooth.ComPos;
import ddpg.physics.smooth.ComVel;
import ddpg.physics.smooth.Crb;
import ddpg.physics.smooth.Factor;
import ddpg.physics.smooth.Kinematics;
import ddpg.physics.smooth.Passive;
import ddpg.physics.smooth.Rne;
import ddpg.physics.smooth.Sensors;

/**
 * One simulation: a {@link Model}, this instance's {@link Data}, and the pipeline that advances it, stage by stage in
 * MuJoCo 2.2.2's order. Everything is preallocated; {@link #step()} allocates nothing. Not thread-safe; use one
 * Simulator per thread.
 *
 * <p>Divergence is checked in one place, at the end of {@link #step()} and {@link #step2()} (MuJoCo checks in
 * mj_step only): a non-finite or absurd state is a {@link SimulationDivergedException} naming the model, time,
 * quantity and joint, which callers report upward (the environment ends the episode with it).
 */
public final class Simulator {
    public final Model model;
    public final Data data;
    private final ConstraintStage constraints;
    private final Kinematics kinematics;
    private final ComPos comPos;
    private final Crb crb;
    private final ComVel comVel;
    private final Passive passive;
    private final Rne rne;
    private final Actuation actuation;
    private final Sensors sensors;
    private final Factor factor;
    private final Euler euler;
    private final Rk4 rk4;
    private final DivergenceCheck divergence;
    private final Runnable forwardNoSensors = () -> forward(false);
    private int maxNefc;

    /** The full pipeline: smooth dynamics plus contacts and joint limits. */
    public Simulator(Model model) { this(model, new ConstraintSolver(model)); }

    /** The pipeline with the given constraint stage ({@link ConstraintStage#NONE} for smooth dynamics only). */
    public Simulator(Model model, ConstraintStage constraints) {
        this.model = model;
        this.data = new Data(model);
        this.constraints = constraints;
        kinematics = new Kinematics(model);
        comPos = new ComPos(model);
        crb = new Crb(model);
        comVel = new ComVel(model);
        passive = new Passive(model);
        rne = new Rne(model);
        actuation = new Actuation(model);
        sensors = new Sensors(model);
        factor = new Factor(model);
        euler = new Euler(model);
        rk4 = new Rk4(model);
        divergence = new DivergenceCheck(model);
        if (model.optIntegrator != Model.INT_EULER && model.optIntegrator != Model.INT_RK4) {
            throw new IllegalArgumentException(model.source + ": integrator " + model.optIntegrator
                    + " is not supported (Euler or RK4)");
        }
    }

    /**
     * The largest number of constraint rows seen by any forward evaluation of the last {@link #step()} (RK4 has
     * four); 0 means the step was smooth.
     */
    public int constraintRowsInLastStep() { return maxNefc; }

    /** mj_resetData: qpos0, zero velocities and controls, time 0. */
    public void reset() { data.reset(model); }

    /** mj_forward: every derived quantity of the current state, qacc included. */
    public void forward() { forward(true); }

    /**
     * mj_step: forward, then integrate with the model's integrator.
     *
     * @throws SimulationDivergedException if the new state is not finite or beyond {@link DivergenceCheck}'s limits
     */
    public void step() {
        maxNefc = 0;
        forward(true);
        if (model.optIntegrator == Model.INT_RK4) {
            rk4.step(data, forwardNoSensors);
        } else {
            euler.step(data);
        }
        checkDivergence();
    }

    /**
     * mj_step2-like (Euler models): actuation, acceleration, constraints, sensors and integration, reusing the
     * position and velocity stages already in {@link #data} (from the last forward or positionsAndVelocities).
     * dm_control's default "legacy" stepping starts every control step this way; the cheetah's reset depends on it
     * (its first settling step integrates from the randomised qpos with stages computed at qpos0).
     *
     * @throws SimulationDivergedException as {@link #step()}
     */
    public void step2() {
        if (model.optIntegrator == Model.INT_RK4) {
            throw new IllegalStateException("step2 is for Euler models; RK4 has no split step");
        }
        maxNefc = 0;
        actuation.compute(data);
        acceleration();
        constraints.apply(model, data);
        maxNefc = Math.max(maxNefc, data.nefc);
        sensors.compute(data);
        euler.step(data);
        checkDivergence();
    }

    /** After integration: the single divergence check of the pipeline (qpos, qvel and the step's qacc). */
    private void checkDivergence() {
        divergence.check(data.time, data.qpos, data.qvel, data.qacc);
    }

    /**
     * mj_step1-like: positions and velocities (poses, com quantities, M, bias and passive forces, velocity sensors)
     * for the current state, without actuation, acceleration or constraints. What a task reads after a step.
     * Acceleration-stage sensors (accelerometer, force, torque, touch) keep their last values, as in MuJoCo; unlike
     * mj_step1, contacts are not re-detected (ncon and the contact arrays keep the last forward pass's).
     */
    public void positionsAndVelocities() {
        positionStage();
        velocityStage();
        sensors.computePositionAndVelocity(data);
    }

    private void forward(boolean withSensors) {
        positionStage();
        velocityStage();
        actuation.compute(data);
        acceleration();
        constraints.apply(model, data);
        maxNefc = Math.max(maxNefc, data.nefc);
        if (withSensors) sensors.compute(data);
    }

    private void positionStage() {
        kinematics.compute(data);
        comPos.compute(data);
        crb.compute(data);
        factor.factor(data.qM, null, data.qLD, data.qLDiagInv);
        actuation.transmission(data);
    }

    private void velocityStage() {
        comVel.compute(data);
        passive.compute(data);
        rne.compute(data);
    }

    /** qacc_smooth = M^-1 (qfrc_passive + qfrc_actuator - qfrc_bias). */
    private void acceleration() {
        Data d = data;
        for (int i = 0; i < model.nv; i++) {
            d.qfrcSmooth[i] = d.qfrcPassive[i] + d.qfrcActuator[i] - d.qfrcBias[i];
            d.qaccSmooth[i] = d.qfrcSmooth[i];
        }
        factor.solve(d.qLD, d.qLDiagInv, d.qaccSmooth);
    }
}
