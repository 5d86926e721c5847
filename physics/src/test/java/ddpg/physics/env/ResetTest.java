package ddpg.physics.env;

import ddpg.physics.validate.EpisodeCsv;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code reset(seed)} against real MuJoCo's reset rows: our environment draws from the same stream as the reference
 * harness ({@code mjref task --seed 7}), so the whole initial state and first observation must agree, including
 * the cheetah's 200 settling steps in contact and the humanoid's rejection loop.
 */
class ResetTest {
    /** Largest |ours - MuJoCo| / max(1, |MuJoCo|) allowed: about 100x the worst measured, at least 1e-14. */
    static final ddpg.physics.Accuracy.Table BOUNDS = ddpg.physics.Accuracy.Table.of("""
                                  qpos   qvel   obs
            cartpole-swingup      1e-14  1e-14  1e-14
            cartpole-balance      1e-14  1e-14  1e-14
            reacher-easy          1e-14  1e-14  1e-14
            reacher-hard          1e-14  1e-14  1e-14
            cheetah-run           5e-14  1e-12  1e-12
            walker-stand          1e-14  1e-14  1e-14
            walker-walk           1e-14  1e-14  1e-14
            walker-run            1e-14  1e-14  1e-14
            humanoid-stand        1e-14  1e-14  5e-14
            humanoid-walk         1e-14  1e-14  5e-14
            humanoid-run          1e-14  1e-14  5e-14
            humanoid-stand-seed2  1e-14  -      5e-14
            """);

    static java.util.List<String> tasks() {
        return Tasks.names();
    }

    static double maxError(double[] ours, double[] theirs) {
        assertEquals(theirs.length, ours.length);
        double m = 0;
        for (int i = 0; i < ours.length; i++) m = Math.max(m, Math.abs(ours[i] - theirs[i]) / Math.max(1, Math.abs(theirs[i])));
        return m;
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void resetSevenIsMuJoCosResetRow(String name) {
        EpisodeCsv.Row row = EpisodeCsv.resource("/tasks/" + name + "/episode_0.csv").rows.get(0);
        ControlSuiteEnv env = Tasks.make(name);
        double[] obs = env.reset(7);
        ddpg.physics.Accuracy.check("reset " + name + " qpos", maxError(env.physics().qpos(), row.qpos()),
                BOUNDS.get(name, "qpos"));
        ddpg.physics.Accuracy.check("reset " + name + " qvel", maxError(env.physics().qvel(), row.qvel()),
                BOUNDS.get(name, "qvel"));
        ddpg.physics.Accuracy.check("reset " + name + " obs", maxError(obs, row.obs()), BOUNDS.get(name, "obs"));
        if (row.target() != null) assertArrayEquals(row.target(), env.target(), 0.0);
    }

    @Test
    void humanoidRejectsConfigurationsInContact() {
        // mjref: seed 2 needed 3 configuration draws before one without contacts
        EpisodeCsv.Row row = EpisodeCsv.resource("/tasks/humanoid-stand/seed2_episode_0.csv").rows.get(0);
        ControlSuiteEnv env = Tasks.make("humanoid-stand");
        double[] obs = env.reset(2);
        assertEquals(0, env.physics().ncon());
        ddpg.physics.Accuracy.check("reset humanoid-stand seed 2 qpos", maxError(env.physics().qpos(), row.qpos()),
                BOUNDS.get("humanoid-stand-seed2", "qpos"));
        ddpg.physics.Accuracy.check("reset humanoid-stand seed 2 obs", maxError(obs, row.obs()),
                BOUNDS.get("humanoid-stand-seed2", "obs"));
    }
}
