package ddpg.physics.tasks;

import ddpg.physics.model.Model;
import java.util.Map;

/**
 * reacher-easy and reacher-hard: a two-link planar arm must put its fingertip on a target. The target is a geom of
 * the world body whose position (and radius: 0.05 easy, 0.015 hard) is written into this instance's model at every
 * reset, as dm_control does. Reward 1 while the fingertip sphere touches the target, else 0.
 */
public final class Reacher extends Task {
    private final double targetSize;
    private final int target, finger;

    public Reacher(String name, Model model, double targetSize) {
        super(name, model);
        this.targetSize = targetSize;
        this.target = geom("target");
        this.finger = geom("finger");
        if (model.geomBodyid[target] != 0) {
            throw new IllegalStateException(name + ": the target geom must belong to the world body");
        }
    }

    @Override public double controlTimestep() { return model.optTimestep; }

    @Override public double timeLimit() { return 20; }

    @Override public int observationSize() { return model.nq + 2 + model.nv; }

    @Override
    public Map<String, Integer> observationParts() {
        return parts("position", model.nq, "to_target", 2, "velocity", model.nv);
    }

    @Override
    public void initializeEpisode(TaskPhysics p, SplitMix64 rng) {
        model.geomSize[3 * target] = targetSize;
        JointRandomizer.randomize(model, p.qpos(), rng);
        double angle = rng.uniform(0, 2 * Math.PI);
        double radius = rng.uniform(0.05, 0.20);
        setTarget(radius * Math.sin(angle), radius * Math.cos(angle));
    }

    /** Moves the target (x, y in the world frame; z stays as in the model) and sets this task's target size. */
    @Override
    public void setTarget(double x, double y) {
        model.geomSize[3 * target] = targetSize;
        model.geomPos[3 * target] = x;
        model.geomPos[3 * target + 1] = y;
    }

    /** The target's (x, y). */
    @Override
    public double[] target() {
        return new double[] {model.geomPos[3 * target], model.geomPos[3 * target + 1]};
    }

    @Override
    public void observe(TaskPhysics p, double[] out) {
        double[] qpos = p.qpos(), qvel = p.qvel(), g = p.geomXpos();
        int k = 0;
        for (int i = 0; i < model.nq; i++) out[k++] = qpos[i];
        out[k++] = g[3 * target] - g[3 * finger];
        out[k++] = g[3 * target + 1] - g[3 * finger + 1];
        for (int i = 0; i < model.nv; i++) out[k++] = qvel[i];
    }

    @Override
    public double reward(TaskPhysics p) {
        double[] g = p.geomXpos(), size = model.geomSize;
        double dx = g[3 * target] - g[3 * finger], dy = g[3 * target + 1] - g[3 * finger + 1];
        double dist = Math.sqrt(dx * dx + dy * dy);
        return Tolerance.tolerance(dist, 0, size[3 * target] + size[3 * finger], 0);
    }
}
