package ddpg.physics.tasks;

import ddpg.physics.model.Model;
import java.util.Map;

/**
 * cheetah-run: a planar half-cheetah rewarded linearly for forward speed up to 10 m/s. Episodes start from random
 * leg angles after 200 physics steps of settling on the ground with zero control.
 */
public final class Cheetah extends Task {
    static final double RUN_SPEED = 10;
    static final int SETTLING_STEPS = 200;
    private final int comVel;

    public Cheetah(String name, Model model) {
        super(name, model);
        if (model.nq != model.njnt) throw new IllegalStateException(name + ": expected one qpos per joint");
        this.comVel = sensor("torso_subtreelinvel");
    }

    @Override public double controlTimestep() { return model.optTimestep; }

    @Override public double timeLimit() { return 10; }

    @Override public int observationSize() { return model.nq - 1 + model.nv; }

    @Override
    public Map<String, Integer> observationParts() {
        return parts("position", model.nq - 1, "velocity", model.nv);
    }

    @Override
    public void initializeEpisode(TaskPhysics p, SplitMix64 rng) {
        double[] qpos = p.qpos();
        for (int j = 0; j < model.njnt; j++) {
            if (model.jntLimited[j]) {
                qpos[model.jntQposadr[j]] = rng.uniform(model.jntRange[2 * j], model.jntRange[2 * j + 1]);
            }
        }
        p.step(SETTLING_STEPS);
        p.setTime(0);
    }

    @Override
    public void observe(TaskPhysics p, double[] out) {
        double[] qpos = p.qpos(), qvel = p.qvel();
        int k = 0;
        for (int i = 1; i < model.nq; i++) out[k++] = qpos[i]; // all but rootx: the policy must not see x
        for (int i = 0; i < model.nv; i++) out[k++] = qvel[i];
    }

    @Override
    public double reward(TaskPhysics p) {
        double speed = p.sensordata()[comVel];
        return Tolerance.tolerance(speed, RUN_SPEED, Double.POSITIVE_INFINITY, RUN_SPEED, Sigmoid.LINEAR, 0);
    }
}
