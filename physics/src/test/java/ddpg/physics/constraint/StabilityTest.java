package ddpg.physics.constraint;

import ddpg.physics.DivergenceCheck;
import ddpg.physics.Simulator;
import ddpg.physics.collision.Contacts;
import ddpg.physics.integrate.Positions;
import ddpg.physics.mjcf.Models;
import ddpg.physics.model.Data;
import ddpg.physics.model.Model;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random-control episodes on the project's own model files with the oracle sets' protocol (qpos0 perturbed by
 * +-0.02 per dof, qvel +-0.02, uniform controls held 5 steps): no NaN, no absurd speed (1e3), and no penetration
 * deeper than 0.08 (the deepest contact in MuJoCo's public transition sets of the same protocol, sampled every 10th
 * step, is 0.037, cheetah; over every step of these episodes we see up to 0.055, humanoid). Kept short; the
 * 20-episode protocol and its numbers are in physics/README.md.
 */
class StabilityTest {
    static final int EPISODES = 3, STEPS = 1000;

    @ParameterizedTest
    @ValueSource(strings = {"cartpole", "reacher", "cheetah", "walker", "humanoid"})
    void randomControlEpisodesStayPhysical(String model) {
        Model m = Models.builtin(model);
        ConstraintSolver stage = new ConstraintSolver(m);
        Simulator sim = new Simulator(m, stage);
        Data d = sim.data;
        DivergenceCheck check = new DivergenceCheck(m, 1e3, 1e3, 1e7);
        Positions positions = new Positions(m);
        Random rnd = new Random(42);
        double deepest = 0, fastest = 0;
        for (int ep = 0; ep < EPISODES; ep++) {
            sim.reset();
            double[] dq = new double[m.nv];
            for (int i = 0; i < m.nv; i++) dq[i] = 0.02 * (2 * rnd.nextDouble() - 1);
            positions.integrate(d.qpos, dq, 0, 1.0);
            for (int i = 0; i < m.nv; i++) d.qvel[i] = 0.02 * (2 * rnd.nextDouble() - 1);
            for (int t = 0; t < STEPS; t++) {
                if (t % 5 == 0) for (int j = 0; j < m.nu; j++) d.ctrl[j] = 2 * rnd.nextDouble() - 1;
                sim.step();
                check.check(d.time, d.qpos, d.qvel, d.qacc);
                Contacts c = stage.contacts();
                for (int k = 0; k < c.count; k++) deepest = Math.min(deepest, c.dist[k]);
                for (int i = 0; i < m.nv; i++) fastest = Math.max(fastest, Math.abs(d.qvel[i]));
            }
        }
        System.out.printf("%s: %d episodes x %d steps, deepest contact %.4f, fastest |qvel| %.1f%n", model, EPISODES,
                STEPS, deepest, fastest);
        assertTrue(deepest > -0.08, model + ": penetration " + deepest);
    }
}
