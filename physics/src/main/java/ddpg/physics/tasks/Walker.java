package ddpg.physics.tasks;

import ddpg.physics.model.Model;
import java.util.Map;

/**
 * walker-stand, walker-walk and walker-run: a planar biped rewarded for a high, upright torso and, for walk and run,
 * forward speed of its centre of mass (1 and 8 m/s). Starts from a random pitch and random leg angles, without any
 * check for penetrating the floor (as in dm_control).
 */
public final class Walker extends Task {
    static final double STAND_HEIGHT = 1.2;
    private final double moveSpeed;
    private final int torso, comVel;

    /** {@code moveSpeed} 0 makes the stand task. */
    public Walker(String name, Model model, double moveSpeed) {
        super(name, model);
        this.moveSpeed = moveSpeed;
        this.torso = body("torso");
        this.comVel = sensor("torso_subtreelinvel");
    }

    @Override public double controlTimestep() { return 0.025; }

    @Override public double timeLimit() { return 25; }

    @Override public int observationSize() { return 2 * (model.nbody - 1) + 1 + model.nv; }

    @Override
    public Map<String, Integer> observationParts() {
        return parts("orientations", 2 * (model.nbody - 1), "height", 1, "velocity", model.nv);
    }

    @Override
    public void initializeEpisode(TaskPhysics p, SplitMix64 rng) {
        JointRandomizer.randomize(model, p.qpos(), rng);
    }

    @Override
    public void observe(TaskPhysics p, double[] out) {
        double[] xmat = p.xmat(), qvel = p.qvel();
        int k = 0;
        for (int b = 1; b < model.nbody; b++) {
            out[k++] = xmat[9 * b];     // xx
            out[k++] = xmat[9 * b + 2]; // xz
        }
        out[k++] = p.xpos()[3 * torso + 2];
        for (int i = 0; i < model.nv; i++) out[k++] = qvel[i];
    }

    @Override
    public double reward(TaskPhysics p) {
        double height = p.xpos()[3 * torso + 2];
        double standing = Tolerance.tolerance(height, STAND_HEIGHT, Double.POSITIVE_INFINITY, STAND_HEIGHT / 2);
        double upright = (1 + p.xmat()[9 * torso + 8]) / 2;
        double stand = (3 * standing + upright) / 4;
        if (moveSpeed == 0) return stand;
        double move = Tolerance.tolerance(p.sensordata()[comVel], moveSpeed, Double.POSITIVE_INFINITY,
                moveSpeed / 2, Sigmoid.LINEAR, 0.5);
        return stand * (5 * move + 1) / 6;
    }
}
