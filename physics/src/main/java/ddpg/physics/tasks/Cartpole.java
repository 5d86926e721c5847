package ddpg.physics.tasks;

import ddpg.physics.model.Model;
import java.util.Map;

/**
 * cartpole-swingup and cartpole-balance: push a cart along a rail so the hinged pole stands up. Both share the
 * smooth reward; they differ only in where the pole starts (hanging down, or near upright).
 */
public final class Cartpole extends Task {
    private final boolean swingUp;
    private final int slider, hinge, nPoles;
    /** Scratch for the reward: each pole's uprightness (a task belongs to one environment). */
    private final double[] up;

    public Cartpole(String name, Model model, boolean swingUp) {
        super(name, model);
        this.swingUp = swingUp;
        this.slider = model.jntQposadr[joint("slider")];
        this.hinge = model.jntQposadr[joint("hinge_1")];
        this.nPoles = model.nbody - 2; // world, cart, then one body per pole
        this.up = new double[nPoles];
    }

    @Override public double controlTimestep() { return model.optTimestep; }

    @Override public double timeLimit() { return 10; }

    @Override public int observationSize() { return 1 + 2 * nPoles + model.nv; }

    @Override
    public Map<String, Integer> observationParts() {
        return parts("position", 1 + 2 * nPoles, "velocity", model.nv);
    }

    @Override
    public void initializeEpisode(TaskPhysics p, SplitMix64 rng) {
        double[] qpos = p.qpos();
        if (swingUp) {
            qpos[slider] = 0.01 * rng.normal();
            qpos[hinge] = Math.PI + 0.01 * rng.normal();
            for (int i = 2; i < model.nv; i++) qpos[i] = 0.1 * rng.normal(); // further poles, if any
        } else {
            qpos[slider] = rng.uniform(-0.1, 0.1);
            for (int i = 1; i < model.nv; i++) qpos[i] = rng.uniform(-0.034, 0.034);
        }
        double[] qvel = p.qvel();
        for (int i = 0; i < model.nv; i++) qvel[i] = 0.01 * rng.normal();
    }

    @Override
    public void observe(TaskPhysics p, double[] out) {
        double[] xmat = p.xmat();
        int k = 0;
        out[k++] = p.qpos()[slider];
        for (int b = 2; b < model.nbody; b++) {
            out[k++] = xmat[9 * b + 8]; // zz: cos of the pole angle
            out[k++] = xmat[9 * b + 2]; // xz: sin of the pole angle
        }
        double[] qvel = p.qvel();
        for (int i = 0; i < model.nv; i++) out[k++] = qvel[i];
    }

    @Override
    public double reward(TaskPhysics p) {
        double[] xmat = p.xmat(), qvel = p.qvel();
        double smallVelocity = Double.POSITIVE_INFINITY;
        for (int i = 0; i < nPoles; i++) {
            up[i] = (xmat[9 * (i + 2) + 8] + 1) / 2;
            smallVelocity = Math.min(smallVelocity, Tolerance.tolerance(qvel[1 + i], 0, 0, 5));
        }
        double upright = NumpySum.mean(up);
        double centered = (1 + Tolerance.tolerance(p.qpos()[slider], 0, 0, 2)) / 2;
        double smallControl = (4 + Tolerance.tolerance(p.ctrl()[0], 0, 0, 1, Sigmoid.QUADRATIC, 0)) / 5;
        smallVelocity = (1 + smallVelocity) / 2;
        return upright * smallControl * smallVelocity * centered;
    }
}
