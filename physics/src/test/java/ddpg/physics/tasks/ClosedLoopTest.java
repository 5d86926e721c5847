package ddpg.physics.tasks;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whole episodes end to end, no per-row resynchronisation: {@code reset(7)} and then the fixture's recorded actions
 * must retrace real MuJoCo's episode (seed 7). Errors then compound through the dynamics, so the bound depends on
 * how chaotic the task is: cartpole, reacher and cheetah stay within 1e-9 over the whole fixture (they also do over
 * full 1000-step public episodes, see physics/README.md); walker and humanoid, with many changing contacts, only for
 * their first 40 steps within 1e-6, after which tiny differences grow as in any chaotic system.
 */
class ClosedLoopTest {
    @ParameterizedTest
    @CsvSource({"cartpole-swingup, 199, 1e-9", "cartpole-balance, 199, 1e-9", "reacher-easy, 199, 1e-9",
            "reacher-hard, 199, 1e-9", "cheetah-run, 199, 1e-9", "walker-walk, 40, 1e-6", "humanoid-run, 40, 1e-6"})
    void resetAndRecordedActionsRetraceMuJoCosEpisode(String name, int steps, double tol) {
        EpisodeCsv episode = EpisodeCsv.resource("/tasks/" + name + "/episode_0.csv");
        ControlSuiteEnv env = Tasks.make(name);
        double[] obs = env.reset(7);
        assertTrue(ResetTest.maxError(obs, episode.rows.get(0).obs()) <= tol);
        for (int t = 0; t < steps; t++) {
            EpisodeCsv.Row row = episode.rows.get(t + 1);
            StepResult r = env.step(row.action());
            assertEquals(row.reward(), r.reward(), tol, name + " reward at t=" + t);
            double e = ResetTest.maxError(r.observation(), row.obs());
            assertTrue(e <= tol, name + " observation at t=" + t + " off by " + e);
        }
    }
}
