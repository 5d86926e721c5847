package ddpg.physics.tasks;

import ddpg.physics.model.Model;
import java.util.Map;

/**
 * humanoid-stand, humanoid-walk and humanoid-run: a 21-actuator 3-D humanoid rewarded for a high head, an upright
 * torso, small controls and, for walk and run, horizontal centre-of-mass speed (1 and 10 m/s) in any direction.
 * Starts from random joint angles and orientation, redrawn until nothing touches (no contacts at all).
 */
public final class Humanoid extends Task {
    static final double STAND_HEIGHT = 1.4;
    /** A guard against an infinite loop on a broken model; real draws need a handful of tries. */
    static final int MAX_DRAWS = 100_000;
    private final double moveSpeed;
    private final int torso, head, comVel;
    private final int[] limbs;
    private final double[] controlTerms;
    /** Configurations drawn by the last reset (1 = the first draw had no contact). */
    int drawsInLastReset;

    public Humanoid(String name, Model model, double moveSpeed) {
        super(name, model);
        this.moveSpeed = moveSpeed;
        this.torso = body("torso");
        this.head = body("head");
        this.limbs = new int[] {body("left_hand"), body("left_foot"), body("right_hand"), body("right_foot")};
        this.comVel = sensor("torso_subtreelinvel");
        this.controlTerms = new double[model.nu];
    }

    @Override public double controlTimestep() { return 0.025; }

    @Override public double timeLimit() { return 25; }

    @Override public int observationSize() { return (model.nq - 7) + 1 + 12 + 3 + 3 + model.nv; }

    @Override
    public Map<String, Integer> observationParts() {
        return parts("joint_angles", model.nq - 7, "head_height", 1, "extremities", 12, "torso_vertical", 3,
                "com_velocity", 3, "velocity", model.nv);
    }

    @Override
    public void initializeEpisode(TaskPhysics p, SplitMix64 rng) {
        for (int draw = 1; ; draw++) {
            JointRandomizer.randomize(model, p.qpos(), rng);
            p.forward();
            if (p.ncon() == 0) {
                drawsInLastReset = draw;
                return;
            }
            if (draw >= MAX_DRAWS) {
                throw new IllegalStateException(name + ": no contact-free start found in " + MAX_DRAWS + " draws");
            }
        }
    }

    @Override
    public void observe(TaskPhysics p, double[] out) {
        double[] qpos = p.qpos(), qvel = p.qvel(), xpos = p.xpos(), xmat = p.xmat(), s = p.sensordata();
        int k = 0;
        for (int i = 7; i < model.nq; i++) out[k++] = qpos[i];
        out[k++] = xpos[3 * head + 2];
        int r = 9 * torso, t = 3 * torso;
        for (int limb : limbs) {
            // R_torso^T (x_limb - x_torso): the limb's position in the torso frame
            double v0 = xpos[3 * limb] - xpos[t], v1 = xpos[3 * limb + 1] - xpos[t + 1];
            double v2 = xpos[3 * limb + 2] - xpos[t + 2];
            for (int j = 0; j < 3; j++) out[k++] = v0 * xmat[r + j] + v1 * xmat[r + 3 + j] + v2 * xmat[r + 6 + j];
        }
        out[k++] = xmat[r + 6]; // zx, zy, zz: the world's up axis in torso coordinates
        out[k++] = xmat[r + 7];
        out[k++] = xmat[r + 8];
        for (int i = 0; i < 3; i++) out[k++] = s[comVel + i];
        for (int i = 0; i < model.nv; i++) out[k++] = qvel[i];
    }

    @Override
    public double reward(TaskPhysics p) {
        double[] xpos = p.xpos(), xmat = p.xmat(), ctrl = p.ctrl(), s = p.sensordata();
        double standing = Tolerance.tolerance(xpos[3 * head + 2], STAND_HEIGHT, Double.POSITIVE_INFINITY,
                STAND_HEIGHT / 4);
        double upright = Tolerance.tolerance(xmat[9 * torso + 8], 0.9, Double.POSITIVE_INFINITY, 1.9,
                Sigmoid.LINEAR, 0);
        double stand = standing * upright;
        for (int j = 0; j < model.nu; j++) {
            controlTerms[j] = Tolerance.tolerance(ctrl[j], 0, 0, 1, Sigmoid.QUADRATIC, 0);
        }
        double smallControl = (4 + NumpySum.mean(controlTerms)) / 5;
        double vx = s[comVel], vy = s[comVel + 1];
        if (moveSpeed == 0) {
            double dontMove = (Tolerance.tolerance(vx, 0, 0, 2) + Tolerance.tolerance(vy, 0, 0, 2)) / 2;
            return smallControl * stand * dontMove;
        }
        double speed = Math.sqrt(vx * vx + vy * vy);
        double move = Tolerance.tolerance(speed, moveSpeed, Double.POSITIVE_INFINITY, moveSpeed, Sigmoid.LINEAR, 0);
        return smallControl * stand * (5 * move + 1) / 6;
    }
}
