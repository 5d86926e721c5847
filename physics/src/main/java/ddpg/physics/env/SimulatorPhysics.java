package ddpg.physics.env;

import ddpg.physics.SimulationDivergedException;
import ddpg.physics.Simulator;
import ddpg.physics.model.Data;
import ddpg.physics.model.Model;
import ddpg.physics.tasks.TaskPhysics;

/**
 * {@link TaskPhysics} on the project's {@link Simulator}, stepping in dm_control's default ("legacy") call order:
 * for Euler models {@code step2, (n-1) x step, positionsAndVelocities}, for RK4 {@code n x step,
 * positionsAndVelocities}. This requires the position/velocity stages to be current before {@link #step}, which
 * {@link ControlSuiteEnv} guarantees (forward after every state change), except where dm_control itself relies on
 * stale stages: the cheetah's first settling step. A step the simulator reports as diverged is remembered as a
 * message instead of thrown, so the environment can end the episode cleanly.
 */
final class SimulatorPhysics extends TaskPhysics {
    private final Simulator sim;
    private final Data d;
    private final boolean euler;
    private String divergence;
    private int maxRows;

    private SimulatorPhysics(Model model) {
        this.sim = new Simulator(model);
        this.d = sim.data;
        this.euler = model.optIntegrator == Model.INT_EULER;
    }

    static TaskPhysics create(Model model) {
        return new SimulatorPhysics(model);
    }

    @Override public Model model() { return sim.model; }
    @Override public double[] qpos() { return d.qpos; }
    @Override public double[] qvel() { return d.qvel; }
    @Override public double[] ctrl() { return d.ctrl; }
    @Override public double[] xpos() { return d.xpos; }
    @Override public double[] xmat() { return d.xmat; }
    @Override public double[] geomXpos() { return d.geomXpos; }
    @Override public double[] sensordata() { return d.sensordata; }
    @Override public int ncon() { return d.ncon; }
    @Override public String divergence() { return divergence; }
    @Override public int constraintRowsInLastStep() { return maxRows; }

    @Override
    public void resetData() {
        sim.reset();
        divergence = null;
        maxRows = 0;
    }

    @Override
    public void forward() {
        sim.forward();
    }

    @Override
    public void step(int n) {
        maxRows = 0;
        divergence = null;
        try {
            for (int k = 0; k < n; k++) {
                // dm_control's legacy stepping: an Euler model's first step reuses the position and velocity
                // stages already computed (by the last forward or the end of the previous control step)
                if (k == 0 && euler) sim.step2();
                else sim.step();
                maxRows = Math.max(maxRows, sim.constraintRowsInLastStep());
            }
            sim.positionsAndVelocities();
        } catch (SimulationDivergedException e) {
            divergence = e.getMessage();
        }
    }

    @Override
    public void setTime(double t) {
        d.time = t;
    }
}
