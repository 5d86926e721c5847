package ddpg.physics.env;

import ddpg.physics.validate.EpisodeCsv;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whole episodes end to end, no per-row resynchronisation: {@code reset(7)} and then the fixture's recorded actions
 * must retrace real MuJoCo's episode (seed 7). Errors then compound through the dynamics, so the bound depends on
 * how chaotic the task is: cartpole, reacher and cheetah are held over the whole fixture (199 steps); walker and
 * humanoid, with many changing contacts, over their first 40 steps, after which round-off differences grow as in
 * any chaotic system. Bounds: about 100x the worst reward or observation error measured.
 */
class ClosedLoopTest {
    @ParameterizedTest
    @CsvSource({"cartpole-swingup, 199, 5e-13", "cartpole-balance, 199, 5e-13", "reacher-easy, 199, 5e-13",
            "reacher-hard, 199, 5e-13", "cheetah-run, 199, 5e-11", "walker-walk, 40, 1e-6", "humanoid-run, 40, 1e-8"})
    void resetAndRecordedActionsRetraceMuJoCosEpisode(String name, int steps, double tol) {
        EpisodeCsv episode = EpisodeCsv.resource("/tasks/" + name + "/episode_0.csv");
        ControlSuiteEnv env = Tasks.make(name);
        double[] obs = env.reset(7);
        double worst = ResetTest.maxError(obs, episode.rows.get(0).obs());
        for (int t = 0; t < steps; t++) {
            EpisodeCsv.Row row = episode.rows.get(t + 1);
            StepResult r = env.step(row.action());
            assertFalse(r.diverged(), name + " diverged at t=" + t);
            worst = Math.max(worst, Math.abs(row.reward() - r.reward()));
            worst = Math.max(worst, ResetTest.maxError(r.observation(), row.obs()));
        }
        ddpg.physics.Accuracy.check("closed loop " + name + " " + steps + " steps, reward and obs", worst, tol);
    }
}
